import { describe, expect, it } from "vitest";
import type { Citation } from "../domain/citation.ts";
import { MAX_SHOWN_LINES, pickShownCitations } from "./pick-shown-citations.ts";

let offset = 0;
const cite = (
  sourceId: string,
  speaker: string | null,
  startMs: number | null,
  quote: string,
  match: Citation["match"] = "exact",
): Citation => {
  offset += 100;
  return {
    sourceId,
    segmentId: "s1",
    speaker,
    startMs,
    quote,
    charStart: offset,
    charEnd: offset + quote.length,
    match,
    filename: sourceId,
  };
};
const quotes = (picked: { shown: Citation[][]; rest: Citation[] }) => ({
  shown: picked.shown.map((run) => run.map((c) => c.quote)),
  rest: picked.rest.map((c) => c.quote),
});

describe("pickShownCitations", () => {
  it("shows every line of an item with at most MAX_SHOWN_LINES of them, quotes of one moment on one line", () => {
    const citations = [
      cite("call", "Ben", 1000, "one"),
      cite("call", "Ben", 1000, "two"),
      cite("call", "Ana", 2000, "three"),
      cite("form", null, null, "four"),
    ];
    expect(MAX_SHOWN_LINES).toBe(3);
    expect(quotes(pickShownCitations({ section: "objections", citations }))).toEqual({
      shown: [["one", "two"], ["three"], ["four"]],
      rest: [],
    });
  });

  it("keeps the statement's own quote, the other speaker's answer and the latest source; lists the rest by where only", () => {
    const citations = [
      cite("call", "Ben", 1000, "concern"),
      cite("call", "Ben", 2000, "more of the concern"),
      cite("call", "Ben", 3000, "still more"),
      cite("call", "Ana", 4000, "answer"),
      cite("mail", "Ben", null, "raised again"),
      cite("mail", "Ben", null, "and again"),
    ];
    expect(quotes(pickShownCitations({ section: "objections", citations }))).toEqual({
      shown: [["concern"], ["answer"], ["raised again"]],
      rest: ["more of the concern", "still more", "and again"],
    });
  });

  it("shows one quote of each side of a contradiction (a source saying the same figure again is listed by where), and every unverified quote", () => {
    const citations = [
      cite("call", "Ben", 1000, "about 150 seats"),
      cite("call", "Ana", 2000, "150 seats"),
      cite("form", null, null, "120 seats"),
      cite("pricing", "Ana", 3000, "for 150 seats"),
      cite("pricing", "Ana", 4000, "150 seats at 492"),
      cite("call", "Ben", 5000, "made up", "unverified"),
    ];
    expect(quotes(pickShownCitations({ section: "redFlags", flags: ["contradiction"], citations }))).toEqual({
      shown: [["about 150 seats"], ["120 seats"], ["made up"]],
      rest: ["150 seats", "for 150 seats", "150 seats at 492"],
    });
  });

  it("shows every line of the account overview: there the quotes are the facts", () => {
    const citations = ["Term: 12 months", "Start: March 1", "Renewal: March 1", "Seats: 40", "Price: $500"].map((q) =>
      cite("form", null, null, q),
    );
    expect(pickShownCitations({ section: "accountOverview", citations }).rest).toEqual([]);
    // What was said on a call beside the document's line is listed by where; said alone, it is shown.
    const offer = cite("call", "Dana", 1000, "I can take 18% off.");
    const withOffer = [cite("form", null, null, "Price: $492 (18% discount)"), offer];
    expect(quotes(pickShownCitations({ section: "accountOverview", citations: withOffer })).rest).toEqual(["I can take 18% off."]);
    expect(pickShownCitations({ section: "accountOverview", citations: [offer] }).rest).toEqual([]);
  });

  it("lists by where only a document line whose value a longer line of the item states", () => {
    const term = cite("form", null, null, "Subscription term: 12 months, March 1, 2026 to February 28, 2027");
    const start = cite("form", null, null, "Contract start date: March 1, 2026");
    const renewal = cite("form", null, null, "Renewal date: March 1, 2027");
    const picked = pickShownCitations({ section: "accountOverview", citations: [term, start, renewal] });
    expect(quotes(picked)).toEqual({ shown: [[term.quote], [renewal.quote]], rest: [start.quote] });
  });

  it("shows a delivered promise's own line only when its header quotes the delivery", () => {
    const citations = [
      cite("call", "Dana", 1000, "You'll have the summary by Monday."),
      cite("call", "Elaine", 2000, "I'd like a one-page summary."),
      cite("mail", "Dana", null, "The summary will be with you on Monday."),
    ];
    const delivered = { status: "done", statusEvidence: { quote: "The summary went out yesterday.", filename: "later.eml" } };
    expect(quotes(pickShownCitations({ section: "promises", citations, details: delivered }))).toEqual({
      shown: [["You'll have the summary by Monday."]],
      rest: ["I'd like a one-page summary.", "The summary will be with you on Monday."],
    });
    // Done with no words to quote, or still open: the lines stay, as the reader has nothing else to go by.
    for (const details of [{ status: "done" }, { status: "open" }])
      expect(pickShownCitations({ section: "promises", citations, details }).rest).toEqual([]);
  });

  it("shows a stakeholder's one line, never someone else's roll call naming other people beside another line", () => {
    const citations = [
      cite("call", "Ben", 1000, "I've got Ana from IT and Cal from ops."),
      cite("form", null, null, "Technical contact: Ana Ruiz, Director of IT"),
      cite("call", "Ana", 9000, "I'm in."),
      cite("call", "Ben", 12000, "Ana will sign off."),
    ];
    const item = { section: "stakeholders" as const, details: { name: "Ana Ruiz" }, citations };
    expect(quotes(pickShownCitations(item, ["Cal", "Ben"]))).toEqual({
      shown: [["Technical contact: Ana Ruiz, Director of IT"]],
      rest: ["I've got Ana from IT and Cal from ops.", "I'm in.", "Ana will sign off."],
    });
    // A roll call that is the only line stays shown.
    expect(quotes(pickShownCitations({ ...item, citations: citations.slice(0, 1) }, ["Cal"])).shown).toEqual([
      ["I've got Ana from IT and Cal from ops."],
    ]);
  });

  it("lists by where a spoken promise that only says again the signed term it is filed under; one with a condition stays", () => {
    const term = cite("form", null, null, "Implementation services: $15,000.00, waived");
    const again = cite("call", "Dana", 1000, "And I'll waive the implementation fee completely.");
    const conditional = cite("call", "Dana", 2000, "If you sign this week, I'll waive the implementation fee.");
    expect(quotes(pickShownCitations({ section: "promises", citations: [term, again, conditional] }))).toEqual({
      shown: [["Implementation services: $15,000.00, waived"], ["If you sign this week, I'll waive the implementation fee."]],
      rest: ["And I'll waive the implementation fee completely."],
    });
  });

  it("lists by where a target its speaker states again in a later source; another person's or another target stays", () => {
    const first = cite("discovery", "Nate", 1000, "Handle time goes from eleven minutes to under four.");
    const other = cite("discovery", "Nate", 2000, "Alerts to our top twenty accounts.");
    const again = cite("pricing", "Nate", 3000, "Handle time under four minutes, and call volume down thirty percent.");
    expect(quotes(pickShownCitations({ section: "successCriteria", citations: [first, other, again] }))).toEqual({
      shown: [["Alerts to our top twenty accounts."], ["Handle time under four minutes, and call volume down thirty percent."]],
      rest: ["Handle time goes from eleven minutes to under four."],
    });
    const byKeisha = { ...again, speaker: "Keisha" };
    expect(quotes(pickShownCitations({ section: "successCriteria", citations: [first, other, byKeisha] })).rest).toEqual([]);
  });

  it("shows a debate's last word when it answers the line before it; a promise keeps its doubter over the reply", () => {
    const lines = [
      cite("call", "Nate", 1000, "Ray's team pushed for Service Cloud."),
      cite("call", "Ray", 2000, "Service Cloud is cheaper on paper."),
      cite("pricing", "Gloria", 3000, "Ray keeps telling me it would be cheaper."),
      cite("pricing", "Nate", 4000, "It's cheaper until you count the integration project."),
    ];
    // An alternative shows two lines: what it is and who wanted it, and the last word on it.
    expect(quotes(pickShownCitations({ section: "competition", citations: lines })).shown).toEqual([
      ["Ray's team pushed for Service Cloud."],
      ["It's cheaper until you count the integration project."],
    ]);
    expect(quotes(pickShownCitations({ section: "objections", citations: lines })).shown).toEqual([
      ["Ray's team pushed for Service Cloud."],
      ["Ray keeps telling me it would be cheaper."],
      ["It's cheaper until you count the integration project."],
    ]);
    const promise = [
      cite("form", null, null, "Target go-live: March 16"),
      cite("pricing", "Dana", 1000, "We'll have you live by March 16th."),
      cite("pricing", "Gloria", 2000, "Is that real?"),
      cite("pricing", "Dana", 3000, "It's tight."),
    ];
    expect(quotes(pickShownCitations({ section: "promises", citations: promise })).shown).toContainEqual(["Is that real?"]);
  });

  it("lists by where a sum of money a later line of the document states again; other sums stay", () => {
    const citations = [
      "Total annual subscription fees: $77,040.00",
      "Total contract value (12 months): $77,040.00",
      "Module: $18,000.00",
    ].map((q) => cite("form", null, null, q));
    expect(quotes(pickShownCitations({ section: "accountOverview", citations })).rest).toEqual([
      "Total annual subscription fees: $77,040.00",
    ]);
  });

  it("shows a system as the document describes it when a spoken line says the same in four words or more", () => {
    const said = cite(
      "call",
      "Priya",
      1000,
      "We'd install our relay agent on a VM on your side, outbound calls only, reading Haulwise events.",
    );
    const form = cite("form", null, null, "Corvala relay agent for the Haulwise TMS (customer VM, outbound HTTPS only)");
    const other = cite("call", "Ray", 2000, "The TMS is behind our firewall.");
    expect(quotes(pickShownCitations({ section: "technicalEnvironment", citations: [said, form, other] }))).toEqual({
      shown: [[form.quote], [other.quote]],
      rest: [said.quote],
    });
  });
});
