import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TextBuilder } from "../ingest/text-builder.ts";
import { createQuoteIndex, type QuoteIndex } from "./create-quote-index.ts";
import { QuoteVerificationSchema, type QuoteVerification, VERIFIED_MIN_SCORE } from "./quote-verification.ts";
import { tokenizeWords } from "./tokenize-words.ts";
import { verifyQuote } from "./verify-quote.ts";

const WORDS = [
  "we",
  "will",
  "refund",
  "the",
  "setup",
  "fee",
  "price",
  "is",
  "higher",
  "than",
  "budgeted",
  "Kevin",
  "Salesforce",
  "um,",
  "you",
  "know,",
  "$108K",
  "$180K",
  "14%",
  "12",
  "30",
  "days",
  "March",
  "Tuesday",
  "don't",
  "honest—the",
  "“white-glove”",
  "kickoff…",
  "budget.",
  "1,200",
  "3:30pm",
  "reps",
  "integration",
  "(pilot)",
  "can't",
  "Q3",
  "never",
  "Everyone's",
  "excited",
  "about",
  "platform,",
  "contract",
  "1.2M",
  "2024",
  "Priya",
  "onboarding",
  "renewal",
];

const segmentArbitrary = fc.array(
  fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 99_999 }).map(String) }),
  { minLength: 1, maxLength: 30 },
);

function buildIndex(segments: string[][]): QuoteIndex {
  const builder = new TextBuilder(1000);
  segments.forEach((words, position) => {
    builder.add({ speaker: position % 2 === 0 ? "A" : "B", startMs: position * 1000, endMs: null, text: words.join(" ") });
  });
  const { text, segments: built } = builder.finish();
  return createQuoteIndex({ source: { text }, segments: built });
}

/** Whole whitespace-delimited words of the text, as [start, end) character spans. */
function wordSpans(text: string): Array<[number, number]> {
  return [...text.matchAll(/\S+/g)].map((match) => [match.index, match.index + match[0].length]);
}

function expectWellFormed(index: QuoteIndex, result: QuoteVerification): void {
  expect(QuoteVerificationSchema.parse(result)).toEqual(result);
  if (result.match === "unverified") {
    expect(result).toMatchObject({ charStart: null, charEnd: null, quote: null, segmentId: null, segmentIds: [] });
    expect(result.score).toBeLessThan(VERIFIED_MIN_SCORE);
  } else {
    expect(result.quote).toBe(index.text.slice(result.charStart!, result.charEnd!));
    expect(result.score).toBeGreaterThanOrEqual(VERIFIED_MIN_SCORE);
    expect(result.segmentIds.length).toBeGreaterThan(0);
  }
}

const spanChoice = fc.record({
  segments: fc.array(segmentArbitrary, { minLength: 1, maxLength: 8 }),
  from: fc.nat(),
  length: fc.integer({ min: 1, max: 12 }),
});

// Words a quote may leave out, and words it may never leave out (each a negation, number, amount, date, name or modal).
const HARMLESS = ["our", "you", "they", "the", "an", "maybe", "probably", "um,", "just"];
const MEANINGFUL = [
  "not",
  "never",
  "can't",
  "will",
  "might",
  "12",
  "30",
  "$108K",
  "1,200",
  "March",
  "Tuesday",
  "2024",
  "Kevin",
  "Priya",
  "Salesforce",
];

// One turn with no word twice, so the passage a quote comes from is the only one that can match it; no
// sentence ends inside, where a capital cannot tell "March" the month from "march".
const uniqueWords = (leaveOut: string[]) =>
  fc.record({
    words: fc.shuffledSubarray(
      [...new Set([...WORDS, ...HARMLESS, ...MEANINGFUL, "sign", "plan", "pilot", "team"])].filter(
        (word) => !/[.…]$/.test(word) && !leaveOut.includes(word),
      ),
      { minLength: 10 },
    ),
    from: fc.nat(),
    length: fc.integer({ min: 5, max: 12 }),
    dropAt: fc.nat(),
  });
const uniqueWordsChoice = uniqueWords([]);
// "March" reads as a month only beside a number, and "you know," is a filler pair: leaving a word out
// between them changes what the rest means, which the quote may then not match.
const plainWordsChoice = uniqueWords(["March", "know,"]);

describe("verifyQuote properties", () => {
  it("verifies any span of whole words that occurs once as exact at its own offsets", () => {
    fc.assert(
      fc.property(spanChoice, ({ segments, from, length }) => {
        const index = buildIndex(segments);
        const words = wordSpans(index.text);
        const first = from % words.length;
        const last = Math.min(words.length - 1, first + length - 1);
        const [start, end] = [words[first]![0], words[last]![1]];
        const span = index.text.slice(start, end);
        fc.pre(index.text.indexOf(span) === start && index.text.lastIndexOf(span) === start);
        const result = verifyQuote(index, span);
        expect(result).toMatchObject({ match: "exact", charStart: start, charEnd: end, quote: span, score: 1 });
      }),
      { numRuns: 400 },
    );
  });

  it("finds any span of whole words in other case or with straight quotes as normalized, inside its own offsets", () => {
    fc.assert(
      fc.property(spanChoice, fc.boolean(), ({ segments, from, length }, shout) => {
        const index = buildIndex(segments);
        const words = wordSpans(index.text);
        const first = from % words.length;
        const last = Math.min(words.length - 1, first + length - 1);
        const [start, end] = [words[first]![0], words[last]![1]];
        const span = index.text.slice(start, end);
        // Unique even once case and whitespace runs are folded, so the span is the only answer.
        const fold = (text: string) => text.toLowerCase().replace(/\s+/g, " ");
        const folded = fold(index.text);
        const foldedSpan = fold(span);
        fc.pre(/[a-z]/i.test(span) && folded.indexOf(foldedSpan) === folded.lastIndexOf(foldedSpan));
        const quote = shout ? span.toUpperCase() : span.replace(/[“”]/g, '"').replace(/—/g, " - ").replace(/…/g, "...");
        fc.pre(quote !== span);
        const result = verifyQuote(index, quote, { segmentId: "s1" });
        expect(result.match).toBe("normalized");
        expect(result.charStart!).toBeGreaterThanOrEqual(start);
        expect(result.charEnd!).toBeLessThanOrEqual(end);
        expect(result.quote).toBe(index.text.slice(result.charStart!, result.charEnd!));
      }),
      { numRuns: 400 },
    );
  });

  it("never verifies a span with one digit changed to a number the source does not have", () => {
    fc.assert(
      fc.property(spanChoice, fc.nat(), fc.integer({ min: 1, max: 9 }), ({ segments, from, length }, digitChoice, shift) => {
        const index = buildIndex(segments);
        const words = wordSpans(index.text);
        const first = from % words.length;
        const last = Math.min(words.length - 1, first + length + 2);
        const [start, end] = [words[first]![0], words[last]![1]];
        const span = index.text.slice(start, end);
        const digits = [...span.matchAll(/\d/g)].map((match) => match.index);
        fc.pre(digits.length > 0);
        const at = digits[digitChoice % digits.length]!;
        const changed = `${span.slice(0, at)}${(Number(span[at]) + shift) % 10}${span.slice(at + 1)}`;
        const changedToken = tokenizeWords(changed).find((token) => token.start <= at && at < token.end)!;
        const changedValue = Number.parseFloat(changedToken.key);
        fc.pre(!index.tokens.vocabulary.some((key) => key === changedToken.key || Number.parseFloat(key) === changedValue));
        const result = verifyQuote(index, changed);
        expect(result.match, `${changed} → ${result.quote}`).toBe("unverified");
      }),
      { numRuns: 400 },
    );
  });

  it("never verifies a span with a negation added when the source has none", () => {
    fc.assert(
      fc.property(spanChoice, ({ segments, from, length }) => {
        const index = buildIndex(segments);
        fc.pre(!/\b(?:not|never|no)\b|n't/i.test(index.text));
        const words = wordSpans(index.text);
        const first = from % words.length;
        const last = Math.min(words.length - 1, first + length + 3);
        const middle = Math.min(last, first + 1);
        const quote = `${index.text.slice(words[first]![0], words[middle]![0])}not ${index.text.slice(words[middle]![0], words[last]![1])}`;
        expect(verifyQuote(index, quote).match).toBe("unverified");
      }),
      { numRuns: 300 },
    );
  });

  it("verifies a span with one pronoun, article, filler or hedge left out of its inside as fuzzy, at the span's own offsets", () => {
    fc.assert(
      fc.property(plainWordsChoice, ({ words, from, length, dropAt }) => {
        const index = buildIndex([words]);
        const spanWords = words.slice(from % words.length, (from % words.length) + length);
        const inside = spanWords.slice(1, -1).map((word, position) => ({ word, position: position + 1 }));
        const droppable = inside.filter(({ word }) => HARMLESS.includes(word));
        // A filler at either end is the quote's to drop too, and then the left-out word is no longer inside.
        const edgesKept = !HARMLESS.includes(spanWords[0]!) && !HARMLESS.includes(spanWords.at(-1)!);
        fc.pre(spanWords.length >= 6 && droppable.length > 0 && edgesKept);
        const dropped = droppable[dropAt % droppable.length]!.position;
        const quote = spanWords.filter((_, position) => position !== dropped).join(" ");
        const span = spanWords.join(" ");
        const result = verifyQuote(index, quote);
        expect(result.match, `${quote}: ${result.reason}`).toBe("fuzzy");
        expect(span).toContain(result.quote!);
        expect(result.quote).toContain(spanWords[dropped]!);
      }),
      { numRuns: 300 },
    );
  });

  it("never verifies a passage with a negation, number, amount, date, name or modal the quote left out of its inside", () => {
    fc.assert(
      fc.property(uniqueWordsChoice, ({ words, from, length, dropAt }) => {
        const index = buildIndex([words]);
        const spanWords = words.slice(from % words.length, (from % words.length) + length);
        const inside = spanWords.slice(1, -1).map((word, position) => ({ word, position: position + 1 }));
        const meaningful = inside.filter(({ word }) => MEANINGFUL.includes(word));
        fc.pre(spanWords.length >= 5 && meaningful.length > 0);
        const dropped = meaningful[dropAt % meaningful.length]!.position;
        const quote = spanWords.filter((_, position) => position !== dropped).join(" ");
        const result = verifyQuote(index, quote);
        // Verified only as a part of the passage that the quote's words fill side by side (an edge filler dropped).
        // Compared word by word: "30" left out stays left out when "3:30pm" is in the passage.
        if (result.match !== "unverified") expect(result.quote!.split(/\s+/), quote).not.toContain(spanWords[dropped]!);
      }),
      { numRuns: 400 },
    );
  });

  // The slowest of such quotes is measured by `npm run bench verify` (worst-case inputs).
  it("answers any string without throwing, with a well-formed result", () => {
    const index = buildIndex([WORDS, [...WORDS].reverse(), WORDS.slice(5, 25)]);
    const quoteArbitrary = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: "grapheme", maxLength: 200 }),
      fc.array(fc.constantFrom(...WORDS, "not", "um", "—", "…", "\n\n", "“", "’"), { maxLength: 40 }).map((words) => words.join(" ")),
      fc.string({ unit: "binary", maxLength: 3000 }),
    );
    fc.assert(
      fc.property(quoteArbitrary, fc.option(fc.constantFrom("s1", "s2", "s3", "s9", ""), { nil: undefined }), (quote, segmentId) => {
        const result = verifyQuote(index, quote, { segmentId });
        expectWellFormed(index, result);
      }),
      { numRuns: 500 },
    );
  });

  it("keeps the invariant for quotes edited like models edit them", () => {
    const edit = fc.constantFrom<(words: string[]) => string[]>(
      (words) => words.map((word) => word.toUpperCase()),
      (words) => words.filter((_, position) => position !== 1),
      (words) => [words[0]!, "um", ...words.slice(1)],
      (words) => words.map((word) => word.replaceAll("'", "’").replaceAll("—", " - ")),
      (words) => [...words.slice(0, 2).reverse(), ...words.slice(2)],
      (words) => [...words, "indeed"],
    );
    fc.assert(
      fc.property(spanChoice, edit, ({ segments, from, length }, change) => {
        const index = buildIndex(segments);
        const words = index.text.split(/\s+/);
        const first = from % words.length;
        const quote = change(words.slice(first, first + length + 3)).join(" ");
        expectWellFormed(index, verifyQuote(index, quote));
      }),
      { numRuns: 400 },
    );
  });
});
