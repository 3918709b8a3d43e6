import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TextBuilder } from "../ingest/text-builder.ts";
import { createQuoteIndex, type QuoteIndex } from "./create-quote-index.ts";
import { tokenizeWords } from "./tokenize-words.ts";
import { verifyQuote } from "./verify-quote.ts";

const ORDINAL_WORDS = [
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
  "tenth",
  "eleventh",
  "twelfth",
  "thirteenth",
  "fourteenth",
  "fifteenth",
  "sixteenth",
  "seventeenth",
  "eighteenth",
  "nineteenth",
  "twentieth",
  "twenty-first",
  "twenty-second",
  "twenty-third",
  "twenty-fourth",
  "twenty-fifth",
  "twenty-sixth",
  "twenty-seventh",
  "twenty-eighth",
  "twenty-ninth",
  "thirtieth",
  "thirty-first",
];
const WORDS = [
  "we",
  "sign",
  "by",
  "the",
  "renewal",
  "budget",
  "is",
  "for",
  "seats",
  "Gloria",
  "pilot",
  "on",
  "of",
  "June",
  "closes",
  "and",
];
const AMOUNT = /^\$(\d+),000$/;

function ordinalInDigits(value: number): string {
  const suffix =
    value % 10 === 1 && value !== 11 ? "st" : value % 10 === 2 && value !== 12 ? "nd" : value % 10 === 3 && value !== 13 ? "rd" : "th";
  return `${value}${suffix}`;
}

const wordArbitrary = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 999 }).map((thousands) => `$${thousands},000`) },
  { weight: 1, arbitrary: fc.constantFrom(...ORDINAL_WORDS) },
);
const spanChoice = fc.record({
  segments: fc.array(fc.array(wordArbitrary, { minLength: 1, maxLength: 25 }), { minLength: 1, maxLength: 6 }),
  from: fc.nat(),
  length: fc.integer({ min: 1, max: 10 }),
});

function buildIndex(segments: string[][]): QuoteIndex {
  const builder = new TextBuilder(100);
  segments.forEach((words, position) => {
    builder.add({ speaker: "Nate", startMs: position * 1000, endMs: null, text: words.join(" ") });
  });
  const { text, segments: built } = builder.finish();
  return createQuoteIndex({ source: { text }, segments: built });
}

/** The chosen run of whole words, as its words and its character span in the source. */
function chooseSpan(index: QuoteIndex, from: number, length: number): { words: string[]; start: number; end: number } {
  const matches = [...index.text.matchAll(/\S+/g)];
  const first = from % matches.length;
  const chosen = matches.slice(first, first + length);
  const last = chosen.at(-1)!;
  return { words: chosen.map((match) => match[0]), start: chosen[0]!.index, end: last.index + last[0].length };
}

/** How often the quote's word keys occur as a run of the source's tokens. */
function countRuns(index: QuoteIndex, quote: string): number {
  const keys = tokenizeWords(quote).map((token) => token.key);
  const table = index.tokens;
  let runs = 0;
  for (let first = 0; first + keys.length <= table.count; first += 1) {
    if (keys.every((key, position) => table.vocabulary[table.keyIds[first + position]!] === key)) runs += 1;
  }
  return runs;
}

describe("verifyQuote properties on the writing of numbers", () => {
  it("verifies a span with its amounts written as $NK at the span's own offsets", () => {
    fc.assert(
      fc.property(spanChoice, ({ segments, from, length }) => {
        const index = buildIndex(segments);
        const span = chooseSpan(index, from, length);
        fc.pre(span.words.some((word) => AMOUNT.test(word)));
        const quote = span.words.map((word) => word.replace(AMOUNT, "$$$1K")).join(" ");
        fc.pre(countRuns(index, quote) === 1);
        const result = verifyQuote(index, quote);
        expect(result, quote).toMatchObject({ match: "fuzzy", charStart: span.start, charEnd: span.end });
        expect(result.quote).toBe(index.text.slice(span.start, span.end));
      }),
      { numRuns: 300 },
    );
  });

  it("verifies a span with its ordinal words written in digits at the span's own offsets", () => {
    fc.assert(
      fc.property(spanChoice, ({ segments, from, length }) => {
        const index = buildIndex(segments);
        const span = chooseSpan(index, from, length);
        fc.pre(span.words.some((word) => ORDINAL_WORDS.includes(word)));
        const quote = span.words
          .map((word) => (ORDINAL_WORDS.includes(word) ? ordinalInDigits(ORDINAL_WORDS.indexOf(word) + 1) : word))
          .join(" ");
        fc.pre(countRuns(index, quote) === 1);
        const result = verifyQuote(index, quote);
        expect(result, quote).toMatchObject({ match: "fuzzy", charStart: span.start, charEnd: span.end });
      }),
      { numRuns: 300 },
    );
  });

  it("never verifies a span with one amount changed to a value the source does not have, however written", () => {
    fc.assert(
      fc.property(
        spanChoice,
        fc.nat(),
        fc.integer({ min: 1, max: 998 }),
        fc.boolean(),
        ({ segments, from, length }, pick, shift, short) => {
          const index = buildIndex(segments);
          const span = chooseSpan(index, from, length + 2);
          const amounts = span.words.flatMap((word, position) => (AMOUNT.test(word) ? [position] : []));
          fc.pre(amounts.length > 0);
          const at = amounts[pick % amounts.length]!;
          const changed = ((Number(AMOUNT.exec(span.words[at]!)![1]) + shift) % 999) + 1;
          fc.pre(!index.tokens.keyIdByKey.has(String(changed * 1000)));
          const words = [...span.words];
          words[at] = short ? `$${changed}K` : `$${changed},000`;
          expect(verifyQuote(index, words.join(" ")).match).toBe("unverified");
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never verifies a span with one ordinal word changed to one the source does not have", () => {
    fc.assert(
      fc.property(spanChoice, fc.nat(), fc.integer({ min: 1, max: 30 }), ({ segments, from, length }, pick, shift) => {
        const index = buildIndex(segments);
        const span = chooseSpan(index, from, length + 2);
        const ordinals = span.words.flatMap((word, position) => (ORDINAL_WORDS.includes(word) ? [position] : []));
        fc.pre(ordinals.length > 0);
        const at = ordinals[pick % ordinals.length]!;
        const changed = (ORDINAL_WORDS.indexOf(span.words[at]!) + shift) % ORDINAL_WORDS.length;
        fc.pre(!index.tokens.keyIdByKey.has(ordinalInDigits(changed + 1)));
        const words = [...span.words];
        words[at] = ORDINAL_WORDS[changed]!;
        const result = verifyQuote(index, words.join(" "));
        expect(result.match, `${words.join(" ")} → ${result.quote}`).toBe("unverified");
      }),
      { numRuns: 300 },
    );
  });
});
