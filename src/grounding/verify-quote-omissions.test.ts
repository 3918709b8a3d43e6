import { describe, expect, it } from "vitest";
import { TextBuilder } from "../ingest/text-builder.ts";
import { createQuoteIndex } from "./create-quote-index.ts";
import { verifyQuote } from "./verify-quote.ts";

// Hand-written turns in the shape of a pricing call.
function buildCall() {
  const builder = new TextBuilder(8);
  for (const [speaker, text] of [
    ["Dana", "We sized the rollout based on our pipeline leak analysis from last quarter."],
    ["Vince", "Honestly, I think you have to address this before the board meets."],
    ["Dana", "We will not ship the connector before March, but we can give you 40 seats."],
    ["Nate", "We will probably sign on Tuesday if Kevin agrees to the $108K price."],
    ["Vince", "I think they should take it to the CFO."],
  ] as const) {
    builder.add({ speaker, startMs: null, endMs: null, text });
  }
  const { text, segments } = builder.finish();
  return { text, index: createQuoteIndex({ source: { text }, segments }) };
}

const { text, index } = buildCall();

describe("a quote that leaves out a harmless word", () => {
  it.each([
    ["based on pipeline leak analysis", "based on our pipeline leak analysis"],
    ["I think have to address this", "I think you have to address this"],
    ["I think have to address this before the board meets", "I think you have to address this before the board meets"],
    ["We will sign on Tuesday if Kevin agrees to the $108K price", "We will probably sign on Tuesday if Kevin agrees to the $108K price"],
    ["but we can give 40 seats", "but we can give you 40 seats"],
    ["I think should take it to the CFO", "I think they should take it to the CFO"],
    ["We sized rollout based on our pipeline", "We sized the rollout based on our pipeline"],
  ])("verifies %j as fuzzy, showing the source's own words %j", (quote, span) => {
    const result = verifyQuote(index, quote);
    expect(result.match, result.reason).toBe("fuzzy");
    expect(result.quote).toBe(span);
    expect(result.quote).toBe(text.slice(result.charStart!, result.charEnd!));
  });
});

describe("a quote that leaves out or changes a word that carries meaning", () => {
  it.each([
    ["a negation", "We will ship the connector before March, but we can give you 40 seats", /negation differs: source has "not"/],
    ["a number", "we can give you seats", /not found/],
    ["a modal", "we give you 40 seats", /modal differs: source has "can"/],
    ["a modal in a long quote", "We probably sign on Tuesday if Kevin agrees to the $108K price", /modal differs: source has "will"/],
    ["a date", "We will probably sign if Kevin agrees to the $108K price", /date differs: source has "Tuesday"/],
    ["a name", "We will probably sign on Tuesday if agrees to the $108K price", /name differs: source has "Kevin"/],
    ["an amount", "if Kevin agrees to the price", /amount differs: source has "\$108K"/],
    ["a changed pronoun", "I think we have to address this", /not found|person differs/],
    ["an added pronoun", "We sized the rollout based on their pipeline leak analysis", /person differs: quote has "their"/],
    ["an added hedge", "We will not maybe ship the connector before March", /qualifier differs: quote has "maybe"|not found/],
  ])("refuses %s left out or changed: %j", (_what, quote, reason) => {
    const result = verifyQuote(index, quote);
    expect(result.match).toBe("unverified");
    expect(result.reason).toMatch(reason);
  });

  it("refuses a short quote that leaves out a word other than a pronoun, article, filler or hedge", () => {
    expect(verifyQuote(index, "I think you have to this").match).toBe("unverified");
  });
});
