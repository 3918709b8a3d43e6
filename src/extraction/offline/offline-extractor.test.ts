import { describe, expect, it } from "vitest";
import { buildParsedSource } from "../../../test/support/build-parsed-source.ts";
import type { ParsedSource } from "../../domain/source.ts";
import type { CandidateItem } from "../extractor.ts";
import { createDraft } from "../../drafting/create-draft.ts";
import { createOfflineExtractor } from "./offline-extractor.ts";

// A small fictional deal: Ana sells, Ben and Maria buy; the order form disagrees with the call on seats.
const call = buildParsedSource({
  id: "call",
  filename: "call.vtt",
  participants: [
    { name: "Ana Gomez", side: "seller" },
    { name: "Ben Carter", side: "customer" },
  ],
  turns: [
    ["Ana Gomez", "Thanks for joining, everyone."],
    ["Ben Carter", "Ben Carter, Director of Support at Northwind. Maria Lopez, our CFO, signs anything over forty thousand."],
    ["Ana Gomez", "What almost stopped you from moving forward?"],
    ["Ben Carter", "Honestly the price is higher than what we budgeted for. We froze hiring in January."],
    ["Ana Gomez", "That's fair. If you sign by March 3, I can take fifteen percent off the license price."],
    ["Ben Carter", "We need about 80 seats for the support team. We also evaluated Freshdesk, and it was cheaper."],
    ["Ana Gomez", "So what does success look like? Say we're ninety days in."],
    ["Ben Carter", "First response time goes from six hours to under one hour. And the shared inbox is gone."],
    ["Ana Gomez", "Great. I'll send the revised order form by Friday."],
    ["Ben Carter", "Could you send the security questionnaire to Maria as well?"],
    [null, "Notes: strong call, follow up on pricing."],
  ],
});
const orderForm = buildParsedSource({
  id: "form",
  filename: "order-form.pdf",
  turns: [
    [null, "Quantity: 60 agent seats"],
    [null, "Total contract value (12 months): $43,200.00"],
  ],
});
const deal = [call, orderForm];

async function extract(sources: ParsedSource[]): Promise<CandidateItem[]> {
  return (await createOfflineExtractor().extract(sources)).items;
}

/** A call between Ana (seller) and Ben (customer). */
const talk = (turns: [string, string][]) =>
  buildParsedSource({
    id: "talk",
    filename: "talk.md",
    participants: [
      { name: "Ana Gomez", side: "seller" },
      { name: "Ben Carter", side: "customer" },
    ],
    turns,
  });

const citing = (items: CandidateItem[], fragment: string) => items.filter((item) => item.evidence.some((e) => e.quote.includes(fragment)));

describe("createOfflineExtractor", () => {
  it("labels itself offline and spends no LLM calls", async () => {
    const result = await createOfflineExtractor().extract(deal);
    expect(result.info.kind).toBe("offline");
    expect(result.usage).toEqual({ llmCalls: 0, cachedCalls: 0, promptTokens: 0, completionTokens: 0 });
  });

  it("cites only whole sentences that are verbatim in the cited segment", async () => {
    const items = await extract(deal);
    expect(items.length).toBeGreaterThan(5);
    for (const item of items) {
      for (const evidence of item.evidence) {
        const source = deal.find((s) => s.source.id === evidence.sourceId)!;
        const segment = source.segments.find((s) => s.id === evidence.segmentId)!;
        expect(segment.text).toContain(evidence.quote);
        expect(evidence.quote).toBe(evidence.quote.trim());
      }
    }
  });

  it("is deterministic", async () => {
    expect(await extract(deal)).toEqual(await extract(deal));
  });

  it("finds a promise by the seller with its due date and the customer it was made to", async () => {
    const [promise] = citing(await extract(deal), "I can take fifteen percent off").filter((i) => i.section === "promises");
    expect(promise?.details).toMatchObject({ promisedBy: "Ana Gomez", promisedTo: "Ben Carter", due: "March 3", explicit: true });
    expect(promise?.statement).toMatch(/^Ana Gomez \(due March 3\): “/);
  });

  it("links a customer's objection to the seller's answer", async () => {
    const [objection] = citing(await extract(deal), "higher than what we budgeted").filter((i) => i.section === "objections");
    expect(objection?.details).toMatchObject({
      raisedBy: "Ben Carter",
      answer: "If you sign by March 3, I can take fifteen percent off the license price.",
    });
    expect(objection?.evidence.map((e) => e.segmentId)).toEqual(["s4", "s5"]);
  });

  it("reports budget pressure as a high-severity red flag", async () => {
    const flags = citing(await extract(deal), "We froze hiring").filter((i) => i.section === "redFlags");
    expect(flags[0]?.details).toMatchObject({ kind: "budget", severity: "high" });
  });

  it("keeps two risks of different kinds said one after the other apart, each with its own kind", async () => {
    const email = buildParsedSource({
      id: "mail",
      filename: "mail.eml",
      participants: [
        { name: "Ana Gomez", side: "seller" },
        { name: "Ben Carter", side: "customer" },
      ],
      turns: [["Ben Carter", "My team can't take on the data export this quarter. If it lands on us, I don't think June 2 holds."]],
    });
    const risks = (await extract([email])).filter((i) => i.section === "redFlags");
    expect(citing(risks, "can't take on")[0]?.details).toMatchObject({ kind: "technical" });
    expect(citing(risks, "June 2 holds")[0]?.details).toMatchObject({ kind: "timeline" });
    expect(citing(risks, "June 2 holds")[0]!.evidence.some((e) => e.quote.includes("can't take on"))).toBe(false);
  });

  it("guesses a stakeholder's role from the title next to the name", async () => {
    const people = (await extract(deal)).filter((i) => i.section === "stakeholders");
    const maria = people.find((i) => i.details.name === "Maria Lopez");
    expect(maria?.details).toMatchObject({ title: "CFO", role: "economicBuyer" });
    const ben = people.find((i) => i.details.name === "Ben Carter");
    expect(ben?.details).toMatchObject({ title: "Director of Support" });
  });

  it("reads an answer in the light of the question it answers", async () => {
    const items = await extract(deal);
    expect(citing(items, "goes from six hours to under one hour").map((i) => i.section)).toContain("successCriteria");
    const [competitor] = citing(items, "We also evaluated Freshdesk").filter((i) => i.section === "competition");
    expect(competitor?.details).toMatchObject({ competitor: "Freshdesk" });
  });

  it("gives a request to the other side as a next step with an owner", async () => {
    const [step] = citing(await extract(deal), "Could you send the security questionnaire").filter((i) => i.section === "nextSteps");
    expect(step?.details).toMatchObject({ owner: "Ana Gomez" });
  });

  it("leaves contradictions to the pipeline, which flags the seat count the call and the order form disagree on", async () => {
    expect((await extract(deal)).filter((i) => i.flags?.includes("contradiction"))).toEqual([]);
    const draft = await createDraft(deal, { extractor: createOfflineExtractor(), now: () => new Date(0) });
    const contradictions = draft.items.filter((i) => i.flags?.includes("contradiction"));
    expect(contradictions).toHaveLength(1);
    expect(contradictions[0]!.citations.map((c) => c.sourceId)).toEqual(["call", "form"]);
  });

  it("skips notes between the speaker turns of a transcript", async () => {
    expect(citing(await extract(deal), "Notes: strong call")).toEqual([]);
  });

  it("keeps the items of a document without speakers", async () => {
    const items = await extract([orderForm]);
    expect(citing(items, "Total contract value").map((i) => i.section)).toEqual(["accountOverview"]);
    expect(items.every((i) => i.statement.includes("order-form.pdf"))).toBe(true);
  });
});

describe("a seller's pitch on a call", () => {
  it("is not account data: the seller's recap of the account files no account item, the customer's own words do", async () => {
    const recap = "So if I'm hearing you right, the core issues are: one, reps spending too much time on admin work.";
    const pitch = buildParsedSource({
      id: "pitch",
      filename: "pitch.vtt",
      participants: [
        { name: "Ana Gomez", side: "seller" },
        { name: "Ben Carter", side: "customer" },
      ],
      turns: [
        ["Ana Gomez", recap],
        ["Ben Carter", recap],
      ],
    });
    const account = (await extract([pitch])).filter((item) => item.section === "accountOverview");
    expect(account.map((item) => item.statement)).toEqual([`Account, per Ben Carter: “${recap}”`]);
  });

  it("is not the customer's stack: the seller's plan naming none of their systems files no technical item", async () => {
    const plan = "Week one we do the integration and the data sync with your team.";
    const named = "Week one we connect to Salesforce and sync the accounts.";
    const call = buildParsedSource({
      id: "plan",
      filename: "plan.vtt",
      participants: [
        { name: "Ana Gomez", side: "seller" },
        { name: "Ben Carter", side: "customer" },
      ],
      turns: [
        ["Ana Gomez", plan],
        ["Ben Carter", "We do the integration and the data sync in our data warehouse ourselves."],
        ["Ana Gomez", named],
      ],
    });
    const technical = (await extract([call])).filter((item) => item.section === "technicalEnvironment");
    expect(technical.flatMap((item) => item.evidence.map((e) => e.quote))).not.toContain(plan);
    expect(technical.flatMap((item) => item.evidence.map((e) => e.quote))).toContain(named);
  });

  it("keeps the seller's researched funding news, asked back to confirm, as the account's growth stage", async () => {
    const check = "I read that Harbor Labs closed a Series C in May?";
    const opener = buildParsedSource({
      id: "opener",
      filename: "opener.vtt",
      participants: [
        { name: "Ana Gomez", side: "seller" },
        { name: "Ben Carter", side: "customer" },
      ],
      turns: [
        ["Ana Gomez", check],
        ["Ben Carter", "Right, and the board wants the new money working fast."],
      ],
    });
    const account = (await extract([opener])).filter((item) => item.section === "accountOverview");
    expect(account.map((item) => [item.details, item.evidence[0]?.quote])).toEqual([[{ field: "growthStage", value: check }, check]]);
  });

  it("keeps the seller reading back what the customer bought as the account's products", async () => {
    const readBack = "I see you ordered 3 onsite workshops and 12 months of hosting.";
    const call = buildParsedSource({
      id: "read-back",
      filename: "read-back.vtt",
      participants: [
        { name: "Ana Gomez", side: "seller" },
        { name: "Ben Carter", side: "customer" },
      ],
      turns: [
        ["Ana Gomez", readBack],
        ["Ben Carter", "Right, the workshops are for the night shift."],
      ],
    });
    const account = (await extract([call])).filter((item) => item.section === "accountOverview");
    expect(account.map((item) => [item.details, item.evidence[0]?.quote])).toEqual([[{ field: "products", value: readBack }, readBack]]);
  });
});

describe("an answer to one of two concerns raised in one turn", () => {
  it("answers the concern it is about, not the one raised first", async () => {
    const thread = buildParsedSource({
      id: "thread",
      filename: "thread.eml",
      participants: [
        { name: "Ana Gomez", side: "seller" },
        { name: "Ben Carter", side: "customer" },
      ],
      turns: [
        [
          "Ben Carter",
          "Our auditors say the pen test looks fine, but they still have open questions on data residency. Thanks again for the demo last week. Bigger worry: the warehouse team can't take on the barcode migration this quarter.",
        ],
        ["Ana Gomez", "I got it approved this morning: our services team will do the barcode migration for the warehouse at no charge."],
      ],
    });
    const objections = (await extract([thread])).filter((item) => item.section === "objections");
    const answerOf = (fragment: string) => objections.find((item) => item.evidence[0]!.quote.includes(fragment))?.details.answer;
    expect(answerOf("data residency")).toBeNull();
    expect(answerOf("barcode migration")).toContain("our services team will do the barcode migration");
  });
});

describe("a dated promise someone doubts", () => {
  it("cites the doubt and the seller's concession with the promise it flags", async () => {
    const call = buildParsedSource({
      id: "go-live",
      filename: "go-live.vtt",
      participants: [
        { name: "Ana Gomez", side: "seller" },
        { name: "Ben Carter", side: "customer" },
        { name: "Maria Lopez", side: "customer" },
      ],
      turns: [
        ["Ana Gomez", "If you sign this week, we'll have your warehouse team live by April 2nd."],
        ["Ben Carter", "That's the date our old system shuts down."],
        ["Maria Lopez", "That's three weeks. With the audit in the middle. Is that real?"],
        ["Ana Gomez", "It's tight, I won't pretend it isn't."],
      ],
    });
    const promise = citing(await extract([call]), "live by April 2nd").find((item) => item.section === "promises");
    expect(promise?.flags).toContain("unrealistic");
    expect(promise?.evidence.map((e) => e.quote).slice(1)).toEqual([
      "That's three weeks.",
      "With the audit in the middle.",
      "Is that real?",
      "It's tight, I won't pretend it isn't.",
    ]);
  });
});

describe("a sentence that only points back as the reason", () => {
  it("is not cited: the claim it points at is", async () => {
    const call = buildParsedSource({
      id: "reason",
      filename: "reason.vtt",
      participants: [
        { name: "Ana Gomez", side: "seller" },
        { name: "Ben Carter", side: "customer" },
      ],
      turns: [
        ["Ben Carter", "Ben Carter, Director of Support at Northwind."],
        ["Ana Gomez", "What's driving this now?"],
        ["Ben Carter", "Our call volume doubled since the spring and we froze hiring."],
        ["Ana Gomez", "That sounds hard."],
        ["Ben Carter", "Which is, honestly, why we need this. We can't hire our way out of the call volume."],
      ],
    });
    const draft = await createDraft([call], { extractor: createOfflineExtractor(), now: () => new Date(0) });
    const quotes = draft.items.flatMap((item) => item.citations.map((c) => c.quote));
    expect(quotes).toContain("We can't hire our way out of the call volume.");
    expect(quotes).not.toContain("Which is, honestly, why we need this.");
  });
});

describe("a promise pointed back at later in the same turn", () => {
  const promise = "Good news: our onboarding team will move your five years of case history into the new system at no cost.";
  const pointer = "Just so we're clear, this isn't in the contract, so please treat this note as our commitment.";
  const note = (turns: [string, string][]) => talk([["Ben Carter", "Who does the data migration? My team has no time for it."], ...turns]);
  const promisesCiting = async (turns: [string, string][], quote: string) =>
    citing(await extract([note(turns)]), quote).filter((item) => item.section === "promises");

  it("joins it when “this” opens a promise two sentences later: one item says what is promised and that it is off the contract", async () => {
    const turn = `${promise} Your IT team only has to open read access to the old database. We handle the mapping and the checks. ${pointer}`;
    const items = await promisesCiting([["Ana Gomez", turn]], pointer);
    expect(items.map((item) => item.evidence.map((e) => e.quote))).toEqual([[promise, pointer]]);
    expect(items[0]!.details).toMatchObject({ promisedBy: "Ana Gomez", explicit: true });
  });

  it("leaves it alone further back, or in another turn", async () => {
    const far = `${promise} Your IT team only has to open read access. We handle the mapping. We also run the checks. ${pointer}`;
    expect((await promisesCiting([["Ana Gomez", far]], pointer)).map((item) => item.evidence.length)).toEqual([1]);
    const later = await promisesCiting(
      [
        ["Ana Gomez", promise],
        ["Ana Gomez", pointer],
      ],
      pointer,
    );
    expect(later.map((item) => item.evidence.map((e) => e.quote))).toEqual([[pointer]]);
  });
});

describe("the seller's own step and a request in one turn", () => {
  it("keeps “I'll send the invite.” and “Can you send me a sample deal?” apart, each with its own owner", async () => {
    const turn = "Perfect. I'll send the invite. Before we hang up, can you send me access to a sample deal or two?";
    const steps = (
      await extract([
        talk([
          ["Ben Carter", "Tuesday at 3 works for both of us."],
          ["Ana Gomez", turn],
        ]),
      ])
    ).filter((item) => item.evidence.some((e) => turn.includes(e.quote)));
    expect(steps.map((item) => [item.evidence.map((e) => e.quote), item.details.owner])).toEqual([
      [["I'll send the invite."], "Ana Gomez"],
      [["Before we hang up, can you send me access to a sample deal or two?"], "Ben Carter"],
    ]);
  });
});

describe("a line that needs the words around it", () => {
  const quotesOf = async (turn: string, section: string) =>
    (
      await extract([
        talk([
          ["Ana Gomez", "Sound familiar?"],
          ["Ben Carter", turn],
        ]),
      ])
    )
      .filter((item) => item.section === section)
      .map((item) => item.evidence.map((e) => e.quote));

  it("cites the sentence before “Now it's…”: what “it” was", async () => {
    const turn = "Yeah, unfortunately. Our deal cycle used to be about 45 days. Now it's pushing 60, sometimes 65.";
    expect(await quotesOf(turn, "whyTheyBought")).toEqual([
      ["Our deal cycle used to be about 45 days.", "Now it's pushing 60, sometimes 65."],
    ]);
  });

  it("cites the short questions after an objection's question: what it asks", async () => {
    const turn = "Interesting. What's the catch? Implementation nightmare? Anything else we should know about first?";
    expect(await quotesOf(turn, "objections")).toEqual([["What's the catch?", "Implementation nightmare?"]]);
  });
});
