import { describe, expect, it } from "vitest";
import { narrowQuote, showDeliveryWords } from "./narrow-quote.ts";

describe("narrowQuote", () => {
  it("drops a spoken lead-in and says it cut", () => {
    expect(narrowQuote("Oh, and for anything quick, just text me.")).toEqual({ shown: "for anything quick, just text me.", cut: true });
    expect(narrowQuote("And then, I mean, the real reason we're talking is Cascade Home Goods.").shown).toBe(
      "the real reason we're talking is Cascade Home Goods.",
    );
    expect(narrowQuote("So that thing is going away whether we like it or not.").shown).toBe(
      "that thing is going away whether we like it or not.",
    );
    expect(narrowQuote("Realistically, we'll have your team live by March 16th.").shown).toBe("we'll have your team live by March 16th.");
    expect(narrowQuote("To be clear, this isn't in the contract, so treat this note as our commitment.").shown).toBe(
      "this isn't in the contract, so treat this note as our commitment.",
    );
  });

  it("drops a first-person frame before a colon, never a document's label or a frame holding a fact", () => {
    expect(narrowQuote("I checked with our legal team and got it signed off: the warranty covers every scanner for three years.")).toEqual({
      shown: "the warranty covers every scanner for three years.",
      cut: true,
    });
    for (const quote of [
      "Billing contact and signatory: Maria Lopez, Chief Financial Officer",
      "Product: Corvala Service Desk, Enterprise plan",
      "We can't do that: the warranty ends in March.",
      "I talked to Maria on Monday: the budget is approved.",
    ])
      expect(narrowQuote(quote), quote).toEqual({ shown: quote, cut: false });
  });

  it("drops a lead-in clause when what follows holds the number or date", () => {
    const quote =
      "They call in, my agent puts them on hold, calls the terminal, the terminal radios the driver, and it's like eleven minutes a call just to tell them it's running late.";
    expect(narrowQuote(quote)).toEqual({ shown: "it's like eleven minutes a call just to tell them it's running late.", cut: true });
    expect(narrowQuote("It's on-prem, it's old, and the vendor told us support ends March 31st.").shown).toBe(
      "the vendor told us support ends March 31st.",
    );
  });

  it("keeps a clause holding a negation, modal, condition, number or name", () => {
    for (const quote of [
      "We don't have the budget, and it costs ninety thousand.",
      "We will sign, and the price is 492 a seat.",
      "If it doesn't do SAML with Okta, it's a non-starter.",
      "Then it's a hard conversation at renewal, and I'll be the one having it.",
      "Snowflake connector: beta access; general availability planned for Q2 2026",
      "Gloria said it's fine, and we budgeted eighty thousand.",
      "We budgeted eighty thousand for this, all in, and your proposal is at about a hundred and twenty.",
      "She's the one who said go fix this, and she's sponsoring the project.",
      "We've tried implementing deal reviews, but with 28 reps, it's impossible to review every deal.",
    ])
      expect(narrowQuote(quote), quote).toEqual({ shown: quote, cut: false });
  });

  it("never leaves fewer than three words, and keeps what changes the meaning at the start", () => {
    expect(narrowQuote("And we agreed.").cut).toBe(false);
    expect(narrowQuote("Then we can sign it.").cut).toBe(false);
    expect(narrowQuote("But not on the order form.").cut).toBe(false);
  });

  it("shows a verbatim tail of the quote, cut between words", () => {
    for (const quote of [
      "Oh, and for anything quick, just text me.",
      "It's on-prem, it's old, and the vendor told us support ends March 31st.",
      "And I'll send Ray the SOC 2 report and the questionnaire by Thursday.",
    ]) {
      const { shown } = narrowQuote(quote);
      expect(quote.endsWith(shown)).toBe(true);
      expect(quote.slice(0, quote.length - shown.length)).toMatch(/(?:^|\s)$/);
    }
  });
});

describe("showDeliveryWords", () => {
  it("drops a lead-in and who the sentence was said to, marking the cut", () => {
    expect(showDeliveryWords("Gloria, the ROI one-pager went to Elaine yesterday.")).toBe("…the ROI one-pager went to Elaine yesterday.");
    expect(showDeliveryWords("As promised, the revised order form is in DocuSign now.")).toBe(
      "…the revised order form is in DocuSign now.",
    );
    expect(showDeliveryWords("Ray says the SOC 2 report looks fine")).toBe("Ray says the SOC 2 report looks fine");
    // A name opening a clause of its own is not someone spoken to.
    expect(showDeliveryWords("Priya, Sam and I sent the plan.")).toBe("Priya, Sam and I sent the plan.");
  });
});
