import { describe, expect, it } from "vitest";
import type { Draft } from "../../src/domain/draft.ts";
import type { DraftItem } from "../../src/domain/item.ts";
import { renderDraftMarkdown } from "../../src/drafting/render-draft-markdown.ts";
import { AppError } from "../../src/errors.ts";
import {
  answerWith,
  createTestExtractor,
  draftWith,
  expectVerifiedCitationsExact,
  parseSampleDeal,
  useTempDatabase,
} from "../support/llm-test-harness.ts";
import { completionReply, setupOpenAiMock } from "../support/msw-openai.ts";

const llm = setupOpenAiMock();
const database = useTempDatabase();

// Segment ids as the prompt numbers the sample deal (glob order): S9/S10 discovery call,
// S65 Dana's last email, S85 the order form's seat line.
const nextStep = (statement: string, evidence: { segment: string; quote: string }[]) => ({
  statement,
  evidence,
  action: statement,
  owner: null,
  due: null,
});
const promise = (statement: string, evidence: { segment: string; quote: string }[]) => ({
  statement,
  evidence,
  what: statement,
  promisedBy: null,
  promisedTo: null,
  due: null,
  explicit: true,
  looksUnrealistic: false,
});

async function draftFromAnswer(answer: unknown): Promise<Draft> {
  const sources = await parseSampleDeal();
  llm.enqueue(completionReply(answer));
  const draft = await draftWith(await createTestExtractor(database.current()), sources);
  expectVerifiedCitationsExact(draft, sources);
  return draft;
}

function findItem(draft: Draft, statement: string): { where: "items" | "needsChecking"; item: DraftItem } | undefined {
  const inItems = draft.items.find((item) => item.statement === statement);
  if (inItems) return { where: "items", item: inItems };
  const apart = draft.needsChecking.find((item) => item.statement === statement);
  return apart ? { where: "needsChecking", item: apart } : undefined;
}

describe("adversarial model answers", () => {
  it("keeps fabricated and paraphrased quotes unverified and out of the document", async () => {
    const fabricated = "The customer was promised 200 seats with unlimited storage.";
    const paraphrased = "Corvala will migrate the TrackDesk tickets for free.";
    const mixed = "The order form licenses 120 agent seats.";
    const draft = await draftFromAnswer(
      answerWith({
        promises: [
          promise(fabricated, [{ segment: "S85", quote: "Quantity: 200 agent seats with unlimited storage" }]),
          promise(paraphrased, [{ segment: "S65", quote: "Corvala will migrate the tickets for free" }]),
        ],
        accountOverview: [
          {
            statement: mixed,
            evidence: [
              { segment: "S85", quote: "Quantity: 120 agent seats" },
              { segment: "S85", quote: "Quantity: 120 seats, all paid upfront" },
            ],
            field: "seats",
            value: "120",
          },
        ],
      }),
    );

    for (const statement of [fabricated, paraphrased]) {
      const found = findItem(draft, statement);
      expect(found?.where).toBe("needsChecking");
      expect(found?.item.citations.every((c) => c.match === "unverified")).toBe(true);
    }
    // A verified citation does not vouch for a fabricated one beside it.
    const both = findItem(draft, mixed);
    expect(both?.where).toBe("items");
    expect(both?.item.citations.map((c) => c.match)).toEqual(["exact", "unverified"]);
    const markdown = renderDraftMarkdown(draft);
    expect(markdown).toContain("## Needs checking");
    expect(markdown.indexOf(fabricated)).toBeGreaterThan(markdown.indexOf("## Needs checking"));
  });

  it("verifies a real quote cited with the wrong or a made-up segment id under the segment that holds it", async () => {
    const wrongId = "Seats on the order form (cited from a call turn).";
    const unknownId = "Seats on the order form (cited from a segment that does not exist).";
    const draft = await draftFromAnswer(
      answerWith({
        nextSteps: [
          nextStep(wrongId, [{ segment: "S10", quote: "Quantity: 120 agent seats" }]),
          nextStep(unknownId, [{ segment: "S999", quote: "Quantity: 120 agent seats" }]),
        ],
      }),
    );
    const sources = await parseSampleDeal();
    const orderForm = sources.find((s) => s.source.filename === "order-form.pdf")!;
    const seatSegment = orderForm.segments.find((s) => s.text === "Quantity: 120 agent seats")!;
    // Both claims rest on the same span, so they merge into one item with one citation.
    const found = findItem(draft, wrongId);
    expect(found?.where).toBe("items");
    expect(found?.item.citations).toHaveLength(1);
    expect(found?.item.citations[0]).toMatchObject({
      sourceId: orderForm.source.id,
      segmentId: seatSegment.id,
      filename: "order-form.pdf",
      match: "exact",
    });
  });

  it("verifies a quote that runs across two turns and lists both segments", async () => {
    const statement = "Status calls take about eleven minutes and are all the same.";
    const draft = await draftFromAnswer(
      answerWith({
        nextSteps: [
          nextStep(statement, [
            { segment: "S9", quote: "it's like eleven minutes a call just to tell them it's running late. And it's the same call." },
          ]),
        ],
      }),
    );
    const citation = findItem(draft, statement)?.item.citations[0];
    expect(citation?.match).not.toBe("unverified");
    expect(citation?.segmentIds).toHaveLength(2);
    expect(citation?.speaker).toBe("Nate Brennan");
  });

  it("does not accept a quote that only starts like the source and then invents the rest", async () => {
    const statement = "The order form adds thirty free seats in March.";
    const draft = await draftFromAnswer(
      answerWith({
        nextSteps: [
          nextStep(statement, [{ segment: "S85", quote: "Quantity: 120 agent seats, plus thirty more seats added for free in March" }]),
        ],
      }),
    );
    const found = findItem(draft, statement);
    expect(found?.where).toBe("needsChecking");
    expect(found?.item.citations[0]?.match).toBe("unverified");
  });

  it("strips Markdown images, links and HTML from model-written text and flags the item; markup-only items are dropped", async () => {
    const draft = await draftFromAnswer(
      answerWith({
        nextSteps: [
          {
            ...nextStep(
              "Kickoff is on 17 February in Spokane ![status](https://collect.example/p.png?deal=Kestrel+77040) see [the plan](https://evil.example/x).",
              [{ segment: "S65", quote: "Kickoff is on the calendar for Tuesday, February 17 at 9:00 AM Pacific at your Spokane office." }],
            ),
            action: 'kickoff <img src="https://collect.example/a.png"> in Spokane',
          },
          nextStep("![pixel](https://collect.example/only.png)", [
            { segment: "S65", quote: "Sam will send a draft project plan with the March 16 go-live milestones by February 11." },
          ]),
        ],
      }),
    );
    const kickoff = draft.items.find((item) => item.section === "nextSteps");
    expect(kickoff?.statement).toBe("Kickoff is on 17 February in Spokane see the plan.");
    expect(kickoff?.details?.action).toBe("kickoff in Spokane");
    expect(kickoff?.flags).toContain("markup-removed");
    expect(draft.items.filter((item) => item.section === "nextSteps")).toHaveLength(1);
    expect(draft.needsChecking).toEqual([]);
    const markdown = renderDraftMarkdown(draft);
    expect(markdown).not.toContain("collect.example");
    expect(markdown).not.toContain("evil.example");
  });
});

describe("answers that fail the schema get one re-ask", () => {
  const seats = {
    statement: "The order form licenses 120 agent seats.",
    evidence: [{ segment: "S85", quote: "Quantity: 120 agent seats" }],
    field: "seats",
    value: "120",
  };

  it("re-asks once with the validation error when an item carries extra fields, then uses the corrected answer", async () => {
    const sources = await parseSampleDeal();
    llm.enqueue(
      completionReply(answerWith({ accountOverview: [{ ...seats, confidence: 0.99, approvedBy: "system" }] })),
      completionReply(answerWith({ accountOverview: [seats] })),
    );
    const draft = await draftWith(await createTestExtractor(database.current()), sources);

    expect(llm.requests).toHaveLength(2);
    expect(draft.usage.llmCalls).toBe(2);
    const reAsk = llm.requests[1]!.body.messages;
    expect(reAsk.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
    expect(reAsk[3]?.content).toMatch(/accountOverview\.0: Unrecognized keys?: "confidence"/);
    // Besides the contradiction check, the people stage lists the customer's people from the sources.
    const answered = draft.items.filter((item) => !item.flags?.includes("contradiction") && item.section !== "stakeholders");
    expect(answered.map((item) => item.statement)).toEqual([seats.statement]);
    expect(answered[0]?.details).not.toHaveProperty("confidence");
  });

  it("re-asks on a megabyte string without sending it back, and fails with LLM_FAILED when it repeats", async () => {
    const sources = await parseSampleDeal();
    const huge = answerWith({ accountOverview: [{ ...seats, statement: "A".repeat(1_000_000) }] });
    llm.enqueue(completionReply(huge), completionReply(huge));
    const extractor = await createTestExtractor(database.current());

    const failure = await draftWith(extractor, sources).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe("LLM_FAILED");
    expect((failure as AppError).message).not.toContain("AAAA");
    expect(llm.requests).toHaveLength(2);
    expect(llm.requests[1]!.text.length).toBeLessThan(llm.requests[0]!.text.length + 25_000);
    expect(llm.requests[1]!.body.messages[3]?.content).toMatch(/accountOverview\.0\.statement: .*400/);
  });

  it("accepts the re-asked answer after a megabyte quote", async () => {
    const sources = await parseSampleDeal();
    const longQuote = { ...seats, evidence: [{ segment: "S85", quote: "Quantity: 120 agent seats ".repeat(40_000) }] };
    llm.enqueue(completionReply(answerWith({ accountOverview: [longQuote] })), completionReply(answerWith({ accountOverview: [seats] })));
    const draft = await draftWith(await createTestExtractor(database.current()), sources);
    expect(draft.items[0]?.citations[0]).toMatchObject({ match: "exact", quote: "Quantity: 120 agent seats" });
  });
});
