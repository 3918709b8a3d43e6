import { describe, expect, it } from "vitest";
import { HandoffExtractionSchema } from "../../src/extraction/handoff-schema.ts";
import {
  answerWith,
  createTestExtractor,
  draftWith,
  expectVerifiedCitationsExact,
  parseSampleDeal,
  parseText,
  readLlmAnswer,
  useTempDatabase,
  SAMPLE_DEAL_LLM_ITEMS,
} from "../support/llm-test-harness.ts";
import { completionReply, setupOpenAiMock } from "../support/msw-openai.ts";

const llm = setupOpenAiMock();
const database = useTempDatabase();

describe("the sample deal through the LLM extractor", () => {
  it("drafts every hand-written item as an exact citation, with usage and the prompt version", async () => {
    const sources = await parseSampleDeal();
    const answer = readLlmAnswer("kestrel-ridge-freight");
    llm.enqueue(completionReply(answer, { promptTokens: 9_000, completionTokens: 4_000 }));
    const extractor = await createTestExtractor(database.current());

    const draft = await draftWith(extractor, sources);

    expect(llm.requests).toHaveLength(1);
    expect(draft.extractor).toEqual({
      kind: "llm",
      model: "test-model",
      promptVersion: expect.stringMatching(/^extract-handoff\.v1\+[0-9a-f]{8}$/),
    });
    expect(draft.usage).toEqual({ llmCalls: 1, cachedCalls: 0, promptTokens: 9_000, completionTokens: 4_000 });
    expect(draft.needsChecking).toEqual([]);
    // 55 answered items; one claim, one item: a claim the answer states twice (on a call and in the order
    // form, asked for and then promised) becomes one item, and no quote is cited by two items.
    // A metric stays with whoever wants it: Keisha's first-contact resolution is not merged into Nate's handle time.
    expect(draft.items).toHaveLength(SAMPLE_DEAL_LLM_ITEMS);
    const spans = draft.items
      .filter((item) => !item.flags?.includes("contradiction"))
      .flatMap((item) => item.citations.map((c) => `${c.sourceId}|${c.charStart}|${c.charEnd}`));
    expect(new Set(spans).size).toBe(spans.length);
    const citations = draft.items.flatMap((item) => item.citations);
    expect(citations.every((c) => c.match === "exact")).toBe(true);
    expect(expectVerifiedCitationsExact(draft, sources)).toBe(citations.length);
    // Every section of the answer is filled, so no gap is left.
    expect(draft.gaps).toEqual([]);
    expect(draft.completeness.score).toBe(1);
    // The contradiction keeps both sides: calls (150 seats) and the order form (120 seats). The model's
    // item and Baton's deterministic check cite overlapping spans, so they merge into one item.
    const contradictions = draft.items.filter((item) => item.flags?.includes("contradiction"));
    expect(contradictions).toHaveLength(1);
    expect([...new Set(contradictions[0]!.citations.map((c) => c.filename))].sort()).toEqual([
      "discovery-call-2026-01-13.vtt",
      "order-form.pdf",
      "pricing-call-2026-01-29.vtt",
    ]);
    const goLive = draft.items.find((item) => item.section === "promises" && item.statement.includes("16 March"));
    expect(goLive?.flags).toContain("unrealistic");
    const seats = draft.items.find((item) => item.statement === "The signed order form licenses 120 agent seats.");
    expect(seats?.citations[0]).toMatchObject({ filename: "order-form.pdf", quote: "Quantity: 120 agent seats", match: "exact" });
  });

  it("keeps the no-charge migration promise the migration objection's answer also quotes, with its off-the-order-form line", async () => {
    const sources = await parseSampleDeal();
    llm.enqueue(completionReply(readLlmAnswer("kestrel-ridge-freight")));
    const draft = await draftWith(await createTestExtractor(database.current()), sources);
    const migration = draft.items.filter((item) =>
      item.citations.some((c) => c.quote.includes("Corvala's services team will do the TrackDesk migration")),
    );
    expect(migration.map((item) => item.section)).toEqual(["promises"]);
    expect(migration[0]!.citations.map((c) => c.quote)).toContain(
      "this isn't on the order form, so please treat this email as our commitment.",
    );
    // It is not the March 16 go-live promise: that one keeps its own item and flag.
    expect(migration[0]!.flags ?? []).not.toContain("unrealistic");
  });

  it("sends the strict JSON schema, the model and deal-wide segment ids inside untrusted <source> blocks", async () => {
    const sources = await parseSampleDeal();
    llm.enqueue(completionReply(answerWith()));
    const extractor = await createTestExtractor(database.current());
    await draftWith(extractor, sources);

    const [request] = llm.requests;
    expect(request?.authorization).toBe("Bearer test-key");
    expect(request?.body.model).toBe("test-model");
    // Temperature is sent only when BATON_LLM_TEMPERATURE is set; the output reservation always.
    expect(request?.body.temperature).toBeUndefined();
    expect(request?.body.max_tokens).toBe(8_000);
    expect(request?.body.response_format?.type).toBe("json_schema");
    expect(request?.body.response_format?.json_schema?.strict).toBe(true);
    expect(HandoffExtractionSchema.safeParse(answerWith()).success).toBe(true);
    const user = request?.body.messages.find((m) => m.role === "user")?.content ?? "";
    expect(user).toContain("Deal sources (4 files, 161 segments)");
    expect(user).toContain("[S1] (Dana Whitlock, seller, 0:03) Okay, I think that's everybody.");
    expect(user).toContain("[S85] (unknown speaker) Quantity: 120 agent seats");
    expect(user).toContain("[S161] (Dana Whitlock, seller, 5:57) Thank you all. I'll send a recap tonight.");
    expect(user.match(/<source [^>]*trust="untrusted"[^>]*>/g)).toHaveLength(4);
    expect(user.match(/^<\/source>$/gm)).toHaveLength(4);
  });

  it("makes no LLM call when the same deal is drafted again, and gives the same items", async () => {
    const sources = await parseSampleDeal();
    llm.enqueue(completionReply(readLlmAnswer("kestrel-ridge-freight")));
    const first = await draftWith(await createTestExtractor(database.current()), sources);

    // A new extractor and client over the same database file: only the cache can answer.
    const again = await draftWith(await createTestExtractor(database.current()), await parseSampleDeal());

    expect(llm.requests).toHaveLength(1);
    expect(again.usage).toEqual({ llmCalls: 0, cachedCalls: 1, promptTokens: 0, completionTokens: 0 });
    expect(again.items.map((item) => item.id)).toEqual(first.items.map((item) => item.id));
  });

  it("asks again when the model or the prompt changes", async () => {
    const sources = await parseSampleDeal();
    llm.replyAlways(completionReply(answerWith()));
    await draftWith(await createTestExtractor(database.current()), sources);
    const other = await draftWith(await createTestExtractor(database.current(), { BATON_MODEL: "other-model" }), sources);
    expect(other.usage.llmCalls).toBe(1);
    expect(llm.requests.map((r) => r.body.model)).toEqual(["test-model", "other-model"]);
  });

  it("chunks a deal over the context budget into overlapping calls and merges repeated items", async () => {
    const sources = await parseSampleDeal();
    const seats = {
      statement: "The signed order form licenses 120 agent seats.",
      evidence: [{ segment: "S85", quote: "Quantity: 120 agent seats" }],
      field: "seats",
      value: "120",
    };
    llm.replyAlways(completionReply(answerWith({ accountOverview: [seats] })));
    const extractor = await createTestExtractor(database.current(), { BATON_LLM_CONTEXT_TOKENS: "13400" });

    const draft = await draftWith(extractor, sources);

    const calls = llm.requests.length;
    expect(calls).toBeGreaterThan(2);
    expect(draft.usage.llmCalls).toBe(calls);
    const ids = llm.requests.map((r) => [...(r.body.messages[1]?.content ?? "").matchAll(/^\[(S\d+)\]/gm)].map((m) => m[1]));
    // Every segment is sent, consecutive chunks share their boundary turns, and each call says which part it is.
    expect(new Set(ids.flat()).size).toBe(161);
    for (let i = 1; i < ids.length; i++) expect(ids[i]?.[0]).toBe(ids[i - 1]?.at(-2));
    expect(llm.requests[0]?.body.messages[1]?.content).toContain(`part 1 of ${calls} of a longer deal`);
    // The same claim answered by every chunk is one item.
    expect(draft.items.filter((item) => item.section === "accountOverview")).toHaveLength(1);
  });
});

describe("PII masking (BATON_MASK_PII=true)", () => {
  it("sends no email address or phone number and restores them in the draft", async () => {
    const call = await parseText(
      "support-call.txt",
      "Nate Brennan: For anything urgent call my cell at (509) 555-0147 or mail nate.brennan@kestrelfreight.example.\n" +
        "Dana Whitlock: Got it, I will text you at (509) 555-0147 before the kickoff.\n",
    );
    const sources = [...(await parseSampleDeal()), call];
    const extractor = await createTestExtractor(database.current(), { BATON_MASK_PII: "true" });
    // The model only ever sees placeholders, so it answers with them.
    llm.enqueue(
      completionReply(
        answerWith({
          stakeholders: [
            {
              statement: "Nate Brennan can be reached at [PHONE_1] or [EMAIL_2].",
              evidence: [{ segment: "S162", quote: "call my cell at [PHONE_1] or mail [EMAIL_2]" }],
              name: "Nate Brennan",
              title: null,
              role: "champion",
              stance: "supportive",
              caresAbout: null,
              contactPreferences: "cell [PHONE_1]",
            },
          ],
          accountOverview: [
            {
              statement: "The AE on the order form is Dana Whitlock ([EMAIL_1]).",
              evidence: [{ segment: "S79", quote: "Account Executive: Dana Whitlock ([EMAIL_1])" }],
              field: "other",
              value: "[EMAIL_1]",
            },
          ],
        }),
      ),
    );

    const draft = await draftWith(extractor, sources);

    const sent = llm.requests.map((r) => r.text).join("\n");
    expect(sent).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/);
    expect(sent).not.toContain("555-0147");
    expect(sent).toContain("[EMAIL_1]");
    expect(sent).toContain("[PHONE_1]");
    const contact = draft.items.find((item) => item.section === "stakeholders" && item.details?.contactPreferences);
    expect(contact?.statement).toBe("Nate Brennan can be reached at (509) 555-0147 or nate.brennan@kestrelfreight.example.");
    expect(contact?.details?.contactPreferences).toBe("cell (509) 555-0147");
    expect(contact?.citations[0]).toMatchObject({
      match: "exact",
      quote: "call my cell at (509) 555-0147 or mail nate.brennan@kestrelfreight.example",
    });
    const ae = draft.items.find((item) => item.section === "accountOverview");
    expect(ae?.citations[0]).toMatchObject({ match: "exact", quote: "Account Executive: Dana Whitlock (dana.whitlock@corvala.example)" });
    expectVerifiedCitationsExact(draft, sources);
  });
});
