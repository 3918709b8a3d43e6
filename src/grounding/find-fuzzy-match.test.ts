import { describe, expect, it } from "vitest";
import { TextBuilder } from "../ingest/text-builder.ts";
import { createQuoteIndex } from "./create-quote-index.ts";
import { verifyQuote } from "./verify-quote.ts";

const PRODUCTS = ["Salesforce", "Snowflake", "Okta", "Haulwise", "TrackDesk", "Zendesk"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"];
const CITIES = ["Spokane", "Boise", "Portland", "Missoula", "Tacoma", "Yakima"];

/** A long call repeating one promise with other products, dates and places, two or three to a turn. */
function buildRepetitiveCall(turns: number) {
  const builder = new TextBuilder(turns + 1);
  const promises: string[] = [];
  let seed = 1;
  const next = (below: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return Math.floor((seed / 2_147_483_648) * below);
  };
  for (let turn = 0; turn < turns; turn += 1) {
    const sentences = Array.from({ length: 2 + next(2) }, () => {
      const sentence = `Um, so we'll need the ${PRODUCTS[next(6)]} integration live by ${MONTHS[next(8)]} ${next(28) + 1}, you know, before the rollout in ${CITIES[next(6)]}.`;
      promises.push(sentence);
      return sentence;
    });
    builder.add({ speaker: turn % 2 === 0 ? "Dana" : "Nate", startMs: turn * 9000, endMs: null, text: sentences.join(" ") });
  }
  const { text, segments } = builder.finish();
  return { index: createQuoteIndex({ source: { text }, segments }), promises };
}

describe("findFuzzyMatch among many similar passages", () => {
  it("finds the one passage holding every quote word, not a pair of look-alikes side by side", () => {
    const { index, promises } = buildRepetitiveCall(1500);
    const unique = promises.filter(
      (sentence, position) => promises.indexOf(sentence) === position && promises.lastIndexOf(sentence) === position,
    );
    const sample = unique.filter((_, position) => position % Math.floor(unique.length / 60) === 0);
    const missed: string[] = [];
    for (const sentence of sample) {
      // Fillers dropped, as models quote speech.
      const quote = sentence.replace("Um, so", "So").replace(", you know,", "");
      const result = verifyQuote(index, quote);
      if (result.match !== "fuzzy" || result.quote !== sentence.slice("Um, ".length, -1))
        missed.push(`${quote} → ${result.match}: ${result.reason ?? result.quote}`);
    }
    expect(sample.length).toBeGreaterThan(50);
    expect(missed).toEqual([]);
  });
});
