// Batches against an LLM endpoint (msw): the dry run's estimate, chunked as the extractor would and made without a
// call, and the batch's server-sent events following a run the model holds until the test lets it answer.
import { afterEach, describe, expect, it } from "vitest";
import { countPromptTokens } from "../../src/extraction/llm/count-tokens.ts";
import { answerWith } from "../support/llm-test-harness.ts";
import { completionReply, LLM_BASE_URL, setupOpenAiMock } from "../support/msw-openai.ts";
import { SAMPLE_CALL_VTT } from "../support/seed-deal.ts";
import { type BatchPeople, addBatchPeople, batchForm, countStored, sampleBatchForm } from "../support/batch-world.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";

const llm = setupOpenAiMock();

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

function llmApp(env: Record<string, string> = {}): { app: TestApp; people: BatchPeople } {
  t = createTestApp({
    env: {
      OPENAI_BASE_URL: LLM_BASE_URL,
      OPENAI_API_KEY: "test-key",
      BATON_EXTRACTOR: "llm",
      BATON_MODEL: "test-model",
      BATON_LLM_MAX_RETRIES: "0",
      ...env,
    },
  });
  return { app: t, people: addBatchPeople(t) };
}

type Estimate = { calls: number; promptTokens: number; outputTokens: number; cost: number | null };

describe("POST /v1/batches?dryRun=true on the LLM extractor", () => {
  it("estimates one call per deal that fits the context, the output reservation as a ceiling, and the cost at the prices set", async () => {
    const { app, people } = llmApp({
      BATON_PRICE_PROMPT_PER_MTOK: "0.15",
      BATON_PRICE_OUTPUT_PER_MTOK: "0.60",
      BATON_LLM_MAX_OUTPUT_TOKENS: "4000",
    });
    const res = await app.request("POST", "/v1/batches?dryRun=true", { token: people.rita.token, body: sampleBatchForm() });
    expect(res.status).toBe(200);
    const { estimate } = (await res.json()) as { estimate: Estimate };
    expect(estimate.calls).toBe(3);
    expect(estimate.outputTokens).toBe(3 * 4000);
    // The sample deal alone is some 12,000 tokens of transcripts, emails and order form, plus the fixed prompt per call.
    expect(estimate.promptTokens).toBeGreaterThan(12_000);
    // Costs are rounded to a hundredth of a cent, like every cost Baton shows (domain/token-cost.ts).
    expect(estimate.cost).toBe(Math.round(((estimate.promptTokens * 0.15 + 12_000 * 0.6) / 1e6) * 10_000) / 10_000);
    expect(llm.requests).toHaveLength(0);
    expect(countStored(app)).toMatchObject({ deals: 0, sources: 0, batches: 0 });
  });

  it("counts more calls when a smaller context window splits the deal into chunks", async () => {
    const wide = llmApp();
    const wideRes = await wide.app.request("POST", "/v1/batches?dryRun=true", { token: wide.people.rita.token, body: sampleBatchForm() });
    const wideEstimate = ((await wideRes.json()) as { estimate: Estimate }).estimate;
    await wide.app.deps.jobs.stop();
    await wide.app.close();
    const narrow = llmApp({ BATON_LLM_CONTEXT_TOKENS: "10000", BATON_LLM_MAX_OUTPUT_TOKENS: "2000" });
    const narrowRes = await narrow.app.request("POST", "/v1/batches?dryRun=true", {
      token: narrow.people.rita.token,
      body: sampleBatchForm(),
    });
    const narrowEstimate = ((await narrowRes.json()) as { estimate: Estimate }).estimate;
    expect(narrowEstimate.calls).toBeGreaterThan(wideEstimate.calls);
    expect(narrowEstimate.cost).toBeNull();
    expect(llm.requests).toHaveLength(0);
  });
});

describe("the dry run against the run it previews", () => {
  it("makes as many calls as estimated, with the very prompts it counted", async () => {
    const { app, people } = llmApp({ BATON_LLM_CONTEXT_TOKENS: "10000", BATON_LLM_MAX_OUTPUT_TOKENS: "2000" });
    const dry = await app.request("POST", "/v1/batches?dryRun=true", { token: people.rita.token, body: sampleBatchForm() });
    const { estimate } = (await dry.json()) as { estimate: Estimate };
    llm.replyAlways(completionReply(answerWith()));
    const run = await app.request("POST", "/v1/batches", { token: people.rita.token, body: sampleBatchForm() });
    expect(run.status).toBe(202);
    await app.deps.jobs.idle();
    expect(llm.requests).toHaveLength(estimate.calls);
    const sent = llm.requests.reduce((sum, r) => sum + countPromptTokens(r.body.messages, r.body.response_format?.json_schema), 0);
    expect(sent).toBe(estimate.promptTokens);
  });
});

describe("GET /v1/batches/{batchId}/events", () => {
  it("streams the batch's progress while its run waits on the model, then done with the tokens it used and their cost", async () => {
    const { app, people } = llmApp({ BATON_PRICE_PROMPT_PER_MTOK: "2", BATON_PRICE_OUTPUT_PER_MTOK: "10", BATON_PRICE_CURRENCY: "EUR" });
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    llm.enqueue({ ...completionReply(answerWith(), { promptTokens: 900, completionTokens: 120 }), until: held });
    const manifest = "deal_key,account,close_date,ae_email,files\nK-1,Acme,2026-03-01,dana.whitlock@corvala.example,call.vtt";
    const posted = await app.request("POST", "/v1/batches", {
      token: people.rita.token,
      body: batchForm(manifest, { "call.vtt": SAMPLE_CALL_VTT }),
    });
    const { batchId } = (await posted.json()) as { batchId: string };

    const res = await app.request("GET", `/v1/batches/${batchId}/events`, { token: people.rita.token });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const events = readEvents(res.body!);
    const first = await events.next();
    expect(first.value).toMatchObject({ event: "progress", data: { counts: { deals: 1, done: 0, finished: false } } });
    release();
    let last = first.value!;
    for await (const event of { [Symbol.asyncIterator]: () => events }) last = event;
    expect(last).toMatchObject({
      event: "done",
      data: {
        counts: { extracted: 1, finished: true, promptTokens: 900, outputTokens: 120 },
        // 900 × 2 + 120 × 10 per million tokens.
        cost: { amount: 0.003, currency: "EUR" },
        deals: [{ dealKey: "K-1", status: "extracted" }],
      },
    });
    expect(llm.requests).toHaveLength(1);
  });
});

type SseEvent = { event: string; data: { counts: Record<string, unknown>; cost: unknown; deals: unknown[] } };

/** The stream's events, parsed, until it ends. */
async function* readEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    let end = buffer.indexOf("\n\n");
    while (end !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event !== undefined && data !== undefined) yield { event, data: JSON.parse(data) };
      end = buffer.indexOf("\n\n");
    }
  }
}
