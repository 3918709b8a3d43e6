import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TextBuilder } from "../ingest/text-builder.ts";
import type { CandidateStarts } from "./candidate-starts.ts";
import { createQuoteIndex } from "./create-quote-index.ts";
import { findOccurrence } from "./find-occurrence.ts";
import { verifyQuote } from "./verify-quote.ts";

const view = (starts: number[]): CandidateStarts => ({ length: starts.length, at: (position) => starts[position]! });

/** Every start of `needle` in `haystack`, glued to a longer word or not. */
function occurrences(haystack: string, needle: string): number[] {
  const starts: number[] = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) starts.push(at);
  return starts;
}

describe("findOccurrence with candidate starts", () => {
  const haystack = "we will refund it. 110 reps, we will refund it, twenty-five. we will refund it.";

  it("prefers the occurrence overlapping the cited range, then the first anywhere, skipping glued ones", () => {
    const needle = "we will refund it";
    const starts = occurrences(haystack, needle);
    expect(starts).toHaveLength(3);
    expect(findOccurrence(haystack, needle, [[starts[2]!, haystack.length]], view(starts))).toBe(starts[2]);
    // A range that begins inside an occurrence still overlaps it.
    expect(findOccurrence(haystack, needle, [[starts[1]! + 10, starts[1]! + 11]], view(starts))).toBe(starts[1]);
    expect(findOccurrence(haystack, needle, [[200, 300]], view(starts))).toBe(0);
    expect(findOccurrence(haystack, "10", [], view(occurrences(haystack, "10")))).toBe(-1);
    expect(findOccurrence(haystack, "five", [], view(occurrences(haystack, "five")))).toBe(-1);
  });

  it("finds what a plain scan of the text finds, for any candidates that include every occurrence", () => {
    const word = fc.constantFrom("we", "will", "refund", "it", "10", "110", "twenty", "five", "twenty-five", "can't", "can", "t");
    // Needles cut from the text itself, so that most occur, some of them several times.
    const drawn = fc.array(word, { minLength: 1, maxLength: 40 }).chain((words) =>
      fc.record({
        text: fc.constant(words.join(" ")),
        needle: fc
          .tuple(fc.nat(words.length - 1), fc.integer({ min: 1, max: 3 }))
          .map(([from, length]) => words.slice(from, from + length).join(" ")),
        preferred: fc.array(
          fc
            .tuple(fc.nat(words.join(" ").length), fc.oneof(fc.nat(2), fc.nat(60)))
            .map(([start, length]) => [start, start + length] as const),
          { maxLength: 2 },
        ),
        extra: fc.array(fc.nat(words.join(" ").length)),
      }),
    );
    fc.assert(
      fc.property(drawn, ({ text, needle, preferred, extra }) => {
        const starts = [...new Set([...occurrences(text, needle), ...extra])].sort((a, b) => a - b);
        expect(findOccurrence(text, needle, preferred, view(starts))).toBe(findOccurrence(text, needle, preferred));
      }),
      { numRuns: 500 },
    );
  });
});

describe("verifyQuote on a phrase repeated more often than candidates are checked", () => {
  it("cites the occurrence in the cited segment, and the first one without a segment", () => {
    const builder = new TextBuilder(10_000);
    const phrase = "So we will refund the setup fee for you.";
    for (let turn = 0; turn < 4500; turn += 1) builder.add({ speaker: "Dana", startMs: turn * 1000, endMs: null, text: phrase });
    const parsed = builder.finish();
    const index = createQuoteIndex({ source: { text: parsed.text }, segments: parsed.segments });
    const cited = parsed.segments[4321]!;
    const inSegment = verifyQuote(index, "we will refund the setup fee", { segmentId: cited.id });
    expect([inSegment.match, inSegment.segmentId, inSegment.charStart]).toEqual(["exact", cited.id, cited.charStart + 3]);
    const normalized = verifyQuote(index, "WE WILL REFUND THE SETUP FEE", { segmentId: cited.id });
    expect([normalized.match, normalized.segmentId]).toEqual(["normalized", cited.id]);
    expect(verifyQuote(index, "we will refund the setup fee").charStart).toBe(3);
  });
});
