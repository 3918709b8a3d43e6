import { describe, expect, it } from "vitest";
import { answerWith, createTestExtractor, draftWith, parseSampleDeal, useTempDatabase } from "../support/llm-test-harness.ts";
import { completionReply, setupOpenAiMock } from "../support/msw-openai.ts";

const llm = setupOpenAiMock();
const database = useTempDatabase();

// A hand-written model answer (not recorded from a model): the ROI one-pager asked for on the pricing call,
// promised for "Monday" and again in an email, and the renewal cap filed in two sections.
const promise = (statement: string, quote: string, due: string | null) => ({
  statement,
  evidence: [{ segment: "S1", quote }],
  what: statement,
  promisedBy: "Dana Whitlock",
  promisedTo: "Elaine Kovac",
  due,
  explicit: true,
  looksUnrealistic: false,
});
const HAND_WRITTEN_ANSWER = answerWith({
  promises: [
    promise("Dana will send Elaine the one-page ROI summary by Monday.", "You'll have it by Monday.", "Monday"),
    promise(
      "Dana confirmed the one-page ROI summary for the leadership meeting on Monday.",
      "Elaine, the one-page ROI summary for your leadership meeting will be with you on Monday.",
      "Monday",
    ),
    promise("The renewal increase is capped at five percent.", "I can cap the renewal increase at five percent.", null),
  ],
  nextSteps: [
    {
      statement: "Elaine asked for a one-page ROI summary for the leadership meeting on the fourth.",
      evidence: [{ segment: "S1", quote: "I'd like a one-page ROI summary I can take to our leadership meeting on the fourth." }],
      action: "One-page ROI summary for Elaine",
      owner: "Dana Whitlock",
      due: "the fourth",
    },
  ],
  accountOverview: [
    {
      statement: "Renewal increase capped at 5%.",
      evidence: [{ segment: "S1", quote: "I can cap the renewal increase at five percent." }],
      field: "pricing",
      value: "5% renewal cap",
    },
  ],
});

describe("the deterministic stages on the LLM path", () => {
  it("merges duplicates, resolves due dates and marks a delivered promise done", async () => {
    llm.enqueue(completionReply(HAND_WRITTEN_ANSWER));
    const draft = await draftWith(await createTestExtractor(database.current()), await parseSampleDeal());

    const cap = draft.items.filter((item) => item.citations.some((c) => c.quote === "I can cap the renewal increase at five percent."));
    expect(cap).toHaveLength(1);
    expect(cap[0]!.section).toBe("promises");

    const roi = draft.items.filter((item) => item.citations.some((c) => c.quote.includes("one-page ROI summary")));
    expect(roi).toHaveLength(1);
    expect(roi[0]!.citations.map((c) => c.quote)).toEqual(
      expect.arrayContaining([
        "You'll have it by Monday.",
        "Elaine, the one-page ROI summary for your leadership meeting will be with you on Monday.",
      ]),
    );
    // "Monday" said on Thursday 2026-01-29 is 2026-02-02; the email of February 3 says it went out.
    expect(roi[0]!.details).toMatchObject({ dueDate: "2026-02-02", status: "done" });
    const evidence = roi[0]!.details?.statusEvidence as { quote: string } | undefined;
    expect(evidence?.quote).toContain("went to Elaine yesterday");
  });

  it("adds the customer's people the sources name, with email and stance, and asks for the contract parts left unstated", async () => {
    llm.enqueue(completionReply(HAND_WRITTEN_ANSWER));
    const draft = await draftWith(await createTestExtractor(database.current()), await parseSampleDeal());
    const person = (name: string) => draft.items.find((item) => item.section === "stakeholders" && item.details?.name === name);
    expect(person("Gloria Mendez")?.details).toMatchObject({ email: "gloria.mendez@kestrelfreight.example" });
    expect(person("Vince Caruso")?.details).toMatchObject({ stance: "skeptical", role: "blocker" });
    for (const item of draft.items.filter((i) => i.section === "stakeholders")) expect(item.citations[0]?.match).toBe("exact");
    // The answer's only account item (the renewal cap) is cited as a promise: the AE is asked for each contract part.
    const questions = draft.gaps.filter((g) => g.id?.startsWith("accountOverview.")).map((g) => g.question);
    expect(questions).toHaveLength(5);
    for (const [at, part] of ["contract value", "seat count", "plan", "contract start", "renewal date"].entries())
      expect(questions[at]).toContain(part);
  });

  it("joins the signed document's line to the promise made on the call, and a reply acting on “that” to its promise", async () => {
    // Hand-written model answer (not recorded): the waived fee cited once from the call and once from the
    // order form, and the renewal cap with "We'll put that in the order form." as a promise of its own.
    const answer = answerWith({
      promises: [
        promise("Dana waived the implementation fee.", "And I'll waive the implementation fee completely.", null),
        promise("The order form waives implementation services.", "Implementation services: $15,000.00, waived", null),
        promise("The renewal increase is capped at five percent.", "I can cap the renewal increase at five percent.", null),
        promise("Dana will write the cap into the order form.", "We'll put that in the order form.", null),
      ],
    });
    llm.enqueue(completionReply(answer));
    const draft = await draftWith(await createTestExtractor(database.current()), await parseSampleDeal());
    const quotesOf = (quote: string) =>
      draft.items.filter((item) => item.citations.some((c) => c.quote === quote)).map((item) => item.citations.map((c) => c.quote));
    expect(quotesOf("And I'll waive the implementation fee completely.")).toEqual([
      ["And I'll waive the implementation fee completely.", "Implementation services: $15,000.00, waived"],
    ]);
    expect(quotesOf("I can cap the renewal increase at five percent.")).toEqual([
      ["I can cap the renewal increase at five percent.", "We'll put that in the order form."],
    ]);
  });

  it("folds an offer made before signing into the signed order form's line stating it, and joins an owner's undated step to the dated one", async () => {
    // Hand-written model answer (not recorded): the 18% offer from the pricing call as a promise, the order form's price
    // line as account data, and Sam's two steps from the email as two next steps.
    const answer = answerWith({
      promises: [
        promise(
          "Dana offered 18% off the seat price for a signature by February 6.",
          "If we can get this signed by February 6th, I can take eighteen percent off the seat price",
          "February 6th",
        ),
      ],
      accountOverview: [
        {
          statement: "The seat price is $492 a year, 18% off list.",
          evidence: [{ segment: "S1", quote: "Price per agent seat per year: $492.00 (list $600.00, 18% discount)" }],
          field: "pricing",
          value: "$492 per seat per year",
        },
      ],
      nextSteps: [
        {
          statement: "Sam runs the migration and owns the project plan.",
          evidence: [{ segment: "S1", quote: "He'll run the migration and owns the project plan." }],
          action: "Run the migration",
          owner: "Sam Okafor",
          due: null,
        },
        {
          statement: "Sam sends a draft project plan by February 11.",
          evidence: [{ segment: "S1", quote: "Sam will send a draft project plan with the March 16 go-live milestones by February 11." }],
          action: "Send the draft project plan",
          owner: "Sam Okafor",
          due: "February 11",
        },
      ],
    });
    llm.enqueue(completionReply(answer));
    const draft = await draftWith(await createTestExtractor(database.current()), await parseSampleDeal());
    const offer = draft.items.filter((item) => item.citations.some((c) => c.quote.startsWith("If we can get this signed by February 6th")));
    expect(offer.map((item) => item.section)).toEqual(["accountOverview"]);
    expect(offer[0]!.citations[0]!.quote).toBe("Price per agent seat per year: $492.00 (list $600.00, 18% discount)");
    expect(draft.items.filter((item) => item.section === "promises")).toEqual([]);
    const sam = draft.items.filter((item) => item.section === "nextSteps");
    expect(sam).toHaveLength(1);
    expect(sam[0]!.citations.map((c) => c.quote)).toEqual([
      "Sam will send a draft project plan with the March 16 go-live milestones by February 11.",
      "He'll run the migration and owns the project plan.",
    ]);
    expect(sam[0]!.details).toMatchObject({ owner: "Sam Okafor", dueDate: "2026-02-11" });
  });
});
