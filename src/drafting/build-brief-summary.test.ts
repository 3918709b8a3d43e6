import { describe, expect, it } from "vitest";
import type { Citation } from "../domain/citation.ts";
import type { BriefRisk, BriefSourceItem } from "./brief.ts";
import { buildBriefSummary, tellingClause, tellingQuote } from "./build-brief-summary.ts";

function cite(quote: string, speaker: string | null): Citation {
  return { sourceId: "src", segmentId: "s1", speaker, startMs: null, quote, charStart: 0, charEnd: quote.length, match: "exact" };
}

function item(id: string, section: BriefSourceItem["section"], quote: string, speaker: string | null, details = {}): BriefSourceItem {
  return { id, section, statement: `Label: “${quote}”`, citations: [cite(quote, speaker)], status: "draft", origin: "extracted", details };
}

function risk(source: BriefSourceItem, reason: BriefRisk["reason"], flags: string[] = []): BriefRisk {
  return {
    itemId: source.id,
    section: source.section,
    statement: source.statement,
    basis: "draft",
    reviewStatus: "draft",
    origin: "extracted",
    flags,
    citations: [],
    reason,
    alsoListedAs: [],
    severity: "high",
    detail: null,
    objectionStatus: null,
  };
}

const product = item("itm_product", "accountOverview", "Product: Corvala Service Desk, Enterprise plan", null, { field: "products" });
const seats = item("itm_seats", "accountOverview", "Quantity: 120 agent seats", null, { field: "seats" });
const trigger = item(
  "itm_trigger",
  "whyTheyBought",
  "It's on-prem, it's old, and the vendor told us support ends March 31st.",
  "Ray Tanaka",
  {
    kind: "trigger",
  },
);
const retiring = item("itm_retiring", "redFlags", "Some of you know this already, but I'm retiring at the end of April.", "Elaine Kovac");
const seatCount = item("itm_seats_disagree", "redFlags", "I'd say about 150 seats.", "Nate Brennan");

describe("buildBriefSummary", () => {
  it("says in one sentence the account, what they bought, why now and the one risk, each part cited", () => {
    const summary = buildBriefSummary("Kestrel Ridge Freight", [product, seats, trigger, retiring], [risk(retiring, "redFlag")]);
    expect(summary?.text).toBe(
      "Kestrel Ridge Freight bought Corvala Service Desk, Enterprise plan, 120 agent seats [1] [2]; " +
        "why now: “the vendor told us support ends March 31st” (Ray Tanaka) [3]; " +
        "the one risk to watch: “I'm retiring at the end of April” (Elaine Kovac) [4].",
    );
    expect(summary?.parts).toEqual([
      { part: "bought", marker: 1, cites: "itm_product" },
      { part: "bought", marker: 2, cites: "itm_seats" },
      { part: "whyNow", marker: 3, cites: "itm_trigger" },
      { part: "risk", marker: 4, cites: "itm_retiring" },
    ]);
  });

  it("says the price per seat and the yearly value from the order form's lines, cited by the item that holds them", () => {
    const withValue: BriefSourceItem = {
      ...seats,
      citations: [
        cite("Quantity: 120 agent seats", null),
        cite("Price per agent seat per year: $492.00 (list $600.00, 18% discount)", null),
        cite("Total annual subscription fees: $77,040.00", null),
      ],
    };
    const summary = buildBriefSummary("Kestrel Ridge Freight", [product, withValue], []);
    expect(summary?.text).toBe(
      "Kestrel Ridge Freight bought Corvala Service Desk, Enterprise plan, 120 agent seats at $492.00 a seat, $77,040.00 a year [1] [2].",
    );
    const value = item("itm_value", "accountOverview", "Total contract value (36 months): $240,000", null, { field: "contractValue" });
    const apart = buildBriefSummary("Acme", [product, seats, value], []);
    expect(apart?.text).toBe(
      "Acme bought Corvala Service Desk, Enterprise plan, 120 agent seats, $240,000 total contract value (36 months) [1] [2] [3].",
    );
    expect(apart?.parts.map((p) => p.cites)).toEqual(["itm_product", "itm_seats", "itm_value"]);
  });

  it("leaves a contradiction between sources to the AE and names the customer's risk instead", () => {
    const risks = [risk(seatCount, "redFlag", ["contradiction"]), risk(retiring, "redFlag")];
    const summary = buildBriefSummary("Kestrel Ridge Freight", [product, seatCount, retiring], risks);
    expect(summary?.parts.at(-1)).toEqual({ part: "risk", marker: 2, cites: "itm_retiring" });
  });

  it("says plainly what is not stated, and is null when the handoff states none of the parts", () => {
    expect(buildBriefSummary("Acme", [trigger], [])?.text).toBe(
      "Acme (what they bought is not stated); why now: “the vendor told us support ends March 31st” (Ray Tanaka) [1].",
    );
    expect(buildBriefSummary("Acme", [], [])).toBeNull();
  });
});

describe("tellingClause", () => {
  it("keeps the clause with a number and shortens a long one between words, never inside one", () => {
    expect(tellingClause("It's on-prem, it's old, and the vendor told us support ends March 31st.")).toBe(
      "the vendor told us support ends March 31st",
    );
    const long = "We would need every single dispatcher and every terminal manager trained on the new screens before anyone goes live";
    const clause = tellingClause(long);
    expect(clause.endsWith("…")).toBe(true);
    expect(long.startsWith(clause.slice(0, -1))).toBe(true);
    expect(long[clause.length - 1]).toBe(" ");
    // Not "…trained on…": a cut comes before the word that leads into what it cut.
    expect(clause).toBe("We would need every single dispatcher and every terminal manager trained…");
  });

  it("never ends a cut on a word that joins what follows (“…live on it and…”)", () => {
    const goal = "And at thirty days, I want every agent live on it and the shared inboxes turned off.";
    expect(tellingClause(goal)).toBe("And at thirty days, I want every agent live on it and the shared inboxes turned off");
  });

  it("never cuts away a number, date, negation or name, nor only a word or three", () => {
    const promise =
      "If we can get this signed by February 6th, I can take eighteen percent off the seat price, which puts you at four ninety-two a seat.";
    expect(tellingClause(promise)).toContain("I can take eighteen percent off the seat price");
    expect(tellingClause("Sam will send a draft project plan with the March 16 go-live milestones by February 11.")).toContain(
      "by February 11",
    );
    expect(tellingClause("Because my team doesn't have time for a big migration project this quarter.")).toBe(
      "Because my team doesn't have time for a big migration project this quarter",
    );
  });

  it("keeps, uncut, a sentence whose chosen clause is followed by what it is set against (', but …')", () => {
    const concern = "Ray says the SOC 2 report looks fine, but his team still has open questions on the relay agent and on data retention.";
    expect(tellingClause(concern)).toBe(
      "Ray says the SOC 2 report looks fine, but his team still has open questions on the relay agent and on data retention",
    );
  });

  it("keeps the whole sentence when a clause left out holds a number, name, modal or condition", () => {
    expect(tellingClause("We budgeted eighty thousand for this, all in, and your proposal is at about a hundred and twenty.")).toBe(
      "We budgeted eighty thousand for this, all in, and your proposal is at about a hundred and twenty",
    );
    expect(tellingClause("And after I leave, customer service moves under operations, so Nate will report to Vince.", "Vince Caruso")).toBe(
      "after I leave, customer service moves under operations, so Nate will report to Vince",
    );
    expect(tellingClause("Then it's a hard conversation at renewal, and I'll be the one having it.")).toContain(
      "hard conversation at renewal",
    );
    // Under a person, other people's names in the clauses left out are theirs, not this person's.
    expect(tellingClause("I've got Ray from IT, Vince from operations, and Keisha, who runs one of our service pods.", "Ray Tanaka")).toBe(
      "I've got Ray from IT, Vince from operations",
    );
  });
});

describe("tellingQuote", () => {
  const at = (quote: string, startMs = 453_000) => ({ quote, speaker: "Keisha Dunmore", startMs });

  it("shows a from-to said at one moment whole, as two quotations, after the words naming what it measures", () => {
    const goal = [at("And first-contact resolution."), at("We're at like fifty-eight percent."), at("I'd love seventy-five.")];
    // The few words said just before name what the figures measure.
    expect(tellingQuote(goal)).toBe("And first-contact resolution” “We're at like fifty-eight percent” “I'd love seventy-five");
    expect(tellingQuote(goal.slice(1))).toBe("We're at like fifty-eight percent” “I'd love seventy-five");
    const afterSentence = [at("We also track how many tickets get reopened."), ...goal.slice(1)];
    expect(tellingQuote(afterSentence)).toBe("We're at like fifty-eight percent” “I'd love seventy-five");
    expect(tellingQuote([at("We're at like fifty-eight percent."), at("I'd love seventy-five.", 500_000)])).toBe(
      "We're at like fifty-eight percent",
    );
  });

  it("shows the sentence before a quote that points back to it, when the same speaker said it in the same item", () => {
    const lost = [at("And then, I mean, the real reason we're talking is Cascade Home Goods."), at("We lost them in November.")];
    expect(tellingQuote(lost)).toBe("the real reason we're talking is Cascade Home Goods” “We lost them in November");
    // "it's like eleven minutes" is a placeholder "it", and a quote that names who it means needs nothing before it.
    const calls = [at("Our customer finds out before we do."), at("They call in, and it's like eleven minutes a call.")];
    expect(tellingQuote(calls)).toBe("it's like eleven minutes a call");
    expect(tellingQuote([at("The real reason is Cascade."), at("We lost Cascade in November.")])).toBe("We lost Cascade in November");
  });

  it("prefers a quote holding a fact to one that only points at it", () => {
    expect(tellingQuote([at("Which is, to be fair, why we need this."), at("We can't hire our way out of the call volume.")])).toBe(
      "We can't hire our way out of the call volume",
    );
  });
});
