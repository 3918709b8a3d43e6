import { describe, expect, it } from "vitest";
import { AppError } from "../../src/errors.ts";
import {
  answerWith,
  createTestExtractor,
  draftWith,
  expectVerifiedCitationsExact,
  parseSampleDeal,
  parseText,
  readLlmAnswer,
  useTempDatabase,
} from "../support/llm-test-harness.ts";
import { completionReply, errorReply, setupOpenAiMock } from "../support/msw-openai.ts";

const llm = setupOpenAiMock();
const database = useTempDatabase();

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Segment ids (S12) shown in the user message of a recorded request. */
function promptIds(index: number): number[] {
  const user = llm.requests[index]?.body.messages.find((m) => m.role === "user")?.content ?? "";
  return [...user.matchAll(/^\[S(\d+)\]/gm)].map((m) => Number(m[1]));
}

/** The hand-written answer restricted to evidence within [from, to] (what a model shown only those segments could cite). */
function answerFor(from: number, to: number) {
  const full = readLlmAnswer("kestrel-ridge-freight");
  const inRange = (item: Record<string, unknown>) =>
    (item.evidence as { segment: string }[]).every((e) => {
      const n = Number(e.segment.slice(1));
      return n >= from && n <= to;
    });
  return Object.fromEntries(Object.entries(full).map(([section, items]) => [section, items.filter(inRange)]));
}

describe("endpoint failures", () => {
  it("fails with LLM_FAILED and the status on a 500 (HTTP retries off in msw tests)", async () => {
    llm.enqueue(errorReply(500, "internal server error"));
    const error = await failureOf(draftWith(await createTestExtractor(database.current()), await parseSampleDeal()));
    expect(error.code).toBe("LLM_FAILED");
    // Nothing was retried, so the message does not say "after retries".
    expect(error.message).toBe(
      "LLM endpoint failed with HTTP 500 (server error): check the server, or raise BATON_LLM_MAX_RETRIES (now 0)",
    );
    expect(error.context).toMatchObject({ cause: "server_error", status: 500, attempts: 1, llmCalls: 0 });
  });

  it("fails with LLM_FAILED on a 429", async () => {
    llm.enqueue(errorReply(429, "Rate limit reached for requests", { "retry-after": "1" }));
    const error = await failureOf(draftWith(await createTestExtractor(database.current()), await parseSampleDeal()));
    expect(error.code).toBe("LLM_FAILED");
    expect(error.context).toMatchObject({ status: 429 });
  });

  it("asks once more when a proxy answers 200 without a completion, and fails naming the base URL when it happens again", async () => {
    llm.enqueue({ status: 200, json: { error: { message: "upstream provider error" } } });
    llm.enqueue({ status: 200, text: "<html><body>Bad gateway</body></html>", headers: { "content-type": "text/html" } });
    const error = await failureOf(draftWith(await createTestExtractor(database.current()), await parseSampleDeal()));
    expect(llm.requests).toHaveLength(2);
    expect(error.code).toBe("LLM_FAILED");
    expect(error.message).toMatch(
      /^LLM endpoint answered twice without a usable completion .*: check that OPENAI_BASE_URL is the API itself/,
    );
    expect(error.context).toMatchObject({ cause: "bad_answer" });
  });

  it("times out a slow endpoint with TIMEOUT", async () => {
    llm.enqueue({ ...completionReply(answerWith()), delayMs: 5_000 });
    const sources = await parseSampleDeal();
    const extractor = await createTestExtractor(database.current(), { BATON_LLM_TIMEOUT_MS: "100" });
    // The answer would come after 5 s; failing with TIMEOUT means it was not waited for
    // (how soon it fails is measured by `npm run bench llm`).
    const error = await failureOf(draftWith(extractor, sources));
    expect(error.code).toBe("TIMEOUT");
  });

  it("re-asks once after malformed JSON and uses the second answer", async () => {
    llm.enqueue(completionReply('{"accountOverview": [ {"statement": "120 seats", '), completionReply(answerFor(1, 161)));
    const sources = await parseSampleDeal();
    const draft = await draftWith(await createTestExtractor(database.current()), sources);
    expect(llm.requests).toHaveLength(2);
    expect(llm.requests[1]?.body.messages.at(-1)?.content).toContain("not parseable JSON");
    expect(draft.usage.llmCalls).toBe(2);
    expect(draft.items.length).toBeGreaterThan(40);
  });

  it("fails with LLM_FAILED when the JSON is malformed twice", async () => {
    llm.enqueue(completionReply("Sure! Here is the handoff: {accountOverview: []"), completionReply("```json\n{ not json }\n```"));
    const error = await failureOf(draftWith(await createTestExtractor(database.current()), await parseSampleDeal()));
    expect(error.code).toBe("LLM_FAILED");
    expect(llm.requests).toHaveLength(2);
  });

  it("accepts JSON wrapped in a Markdown code fence", async () => {
    llm.enqueue(completionReply(`\`\`\`json\n${JSON.stringify(answerFor(1, 161))}\n\`\`\``));
    const draft = await draftWith(await createTestExtractor(database.current()), await parseSampleDeal());
    expect(llm.requests).toHaveLength(1);
    expect(draft.items.length).toBeGreaterThan(40);
  });

  it("splits the deal in two calls when the answer is truncated, and caches the outcome", async () => {
    const sources = await parseSampleDeal();
    llm.enqueue(
      completionReply('{"accountOverview": [{"statement": "Kestrel Ridge', { finishReason: "length", completionTokens: 8_000 }),
      completionReply(answerFor(1, 81)),
      completionReply(answerFor(82, 161)),
    );
    const draft = await draftWith(await createTestExtractor(database.current()), sources);

    expect(llm.requests).toHaveLength(3);
    expect(promptIds(0)).toHaveLength(161);
    expect(promptIds(1)).toEqual(Array.from({ length: 81 }, (_, i) => i + 1));
    expect(promptIds(2)).toEqual(Array.from({ length: 80 }, (_, i) => i + 82));
    expect(llm.requests[1]?.body.messages[1]?.content).toContain("81 segments, first half");
    expect(draft.usage.llmCalls).toBe(3);
    expect(draft.usage.completionTokens).toBeGreaterThan(8_000);
    // Items come from both halves: the discovery call (first half) and the pricing call (second half).
    const files = new Set(draft.items.flatMap((item) => item.citations.map((c) => c.filename)));
    expect(files).toEqual(new Set(["discovery-call-2026-01-13.vtt", "email-thread.eml", "order-form.pdf", "pricing-call-2026-01-29.vtt"]));
    expectVerifiedCitationsExact(draft, sources);

    const again = await draftWith(await createTestExtractor(database.current()), await parseSampleDeal());
    expect(llm.requests).toHaveLength(3);
    expect(again.usage).toMatchObject({ llmCalls: 0, cachedCalls: 3 });
    expect(again.items.map((item) => item.id)).toEqual(draft.items.map((item) => item.id));
  });

  it("fails with LLM_FAILED when even a single segment's answer is truncated", async () => {
    const note = await parseText("note.txt", "Nate Brennan: We need the kickoff in Spokane.\n");
    llm.replyAlways(completionReply('{"nextSteps": [', { finishReason: "length" }));
    const error = await failureOf(draftWith(await createTestExtractor(database.current()), [note]));
    expect(error.code).toBe("LLM_FAILED");
    expect(error.message).toContain("truncated");
    expect(llm.requests).toHaveLength(1);
  });

  it("turns a refusal into gaps that say the model declined, keeping the draft", async () => {
    llm.enqueue(completionReply(null, { refusal: "I'm sorry, I can't help with that request." }));
    const draft = await draftWith(await createTestExtractor(database.current()), await parseSampleDeal());
    // Only Baton's own deterministic stages remain: the seat-count contradiction between call and order form,
    // and the customer's people as the sources' headers and email addresses name them.
    expect(draft.items.filter((item) => item.section !== "stakeholders").map((item) => [item.section, item.flags])).toEqual([
      ["redFlags", ["contradiction"]],
    ]);
    expect(draft.items.filter((item) => item.section === "stakeholders").map((item) => item.details?.name)).toContain("Gloria Mendez");
    const sectionGaps = draft.gaps.filter((gap) => gap.id === gap.section);
    expect(sectionGaps).toHaveLength(9);
    for (const gap of sectionGaps) expect(gap.question).toMatch(/^The model declined to answer this section\. /);
    // The refusal leaves every contract field unstated: each is asked for by name.
    expect(draft.gaps.filter((gap) => gap.id !== gap.section)).toHaveLength(5);
    expect(draft.usage.llmCalls).toBe(1);
    // A refusal is not cached: a re-run asks again, and a healthy answer then fills the draft.
    llm.enqueue(completionReply(answerFor(1, 161)));
    const again = await draftWith(await createTestExtractor(database.current()), await parseSampleDeal());
    expect(llm.requests).toHaveLength(2);
    expect(again.usage).toMatchObject({ llmCalls: 1, cachedCalls: 0 });
    expect(again.gaps).toEqual([]);
  });

  it("marks as declined only the sections no chunk answered", async () => {
    const seats = {
      statement: "The order form licenses 120 agent seats.",
      evidence: [{ segment: "S85", quote: "Quantity: 120 agent seats" }],
      field: "seats",
      value: "120",
    };
    llm.enqueue(completionReply(null, { refusal: "I can't help with that." }));
    llm.replyAlways(completionReply(answerWith({ accountOverview: [seats] })));
    // About 3.4k of fixed prompt and 8k of output reservation leave about 2.6k tokens of source text a call.
    const extractor = await createTestExtractor(database.current(), { BATON_LLM_CONTEXT_TOKENS: "14000" });
    const draft = await draftWith(extractor, await parseSampleDeal());
    expect(llm.requests.length).toBeGreaterThan(1);
    // The answered section is not marked declined; it only asks for the contract parts the seats line leaves out.
    expect(draft.gaps.filter((g) => g.section === "accountOverview").map((g) => g.id)).toEqual([
      "accountOverview.contractValue",
      "accountOverview.products",
      "accountOverview.contractStart",
      "accountOverview.renewalDate",
    ]);
    expect(draft.gaps.find((g) => g.section === "promises")?.question).toMatch(/^The model declined/);
  });

  it("falls back to json_object when the server rejects json_schema, and keeps that mode for later calls", async () => {
    const sources = await parseSampleDeal();
    llm.enqueue(
      errorReply(400, "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model."),
      completionReply("not json at all"),
      completionReply(answerFor(1, 161)),
    );
    // A model name of its own: what a model rejected is remembered for the whole process.
    const draft = await draftWith(await createTestExtractor(database.current(), { BATON_MODEL: "no-schema-model" }), sources);

    expect(llm.requests.map((r) => r.body.response_format?.type)).toEqual(["json_schema", "json_object", "json_object"]);
    const system = llm.requests[1]?.body.messages[0]?.content ?? "";
    expect(system).toContain("Return only a JSON object that validates against this JSON Schema:");
    expect(system).toContain('"additionalProperties":false');
    expect(draft.usage.llmCalls).toBe(2);
    expect(draft.items.length).toBeGreaterThan(40);
  });

  it("does not fall back on a 400 that is not about the response format", async () => {
    llm.enqueue(errorReply(400, "This model's maximum context length is 8192 tokens."));
    const error = await failureOf(draftWith(await createTestExtractor(database.current()), await parseSampleDeal()));
    expect(error.code).toBe("LLM_FAILED");
    expect(llm.requests).toHaveLength(1);
  });

  it("uses json_object from the start when BATON_LLM_JSON_MODE=json_object", async () => {
    llm.enqueue(completionReply(answerWith()));
    await draftWith(await createTestExtractor(database.current(), { BATON_LLM_JSON_MODE: "json_object" }), await parseSampleDeal());
    expect(llm.requests[0]?.body.response_format).toEqual({ type: "json_object" });
  });
});
