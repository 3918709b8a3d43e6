import type { QuoteIndex } from "./create-quote-index.ts";
import { tokenizeWords } from "./tokenize-words.ts";
import { isHarmlessOmission } from "./word-classes.ts";

/** A quote this short is matched only exactly, however few words it leaves out. */
export const MIN_OMISSION_QUOTE_WORDS = 5;
// Occurrences of the quote's rarest word tried: a word this common anchors nothing.
const MAX_ANCHORS = 6_000;

type Span = { start: number; end: number };

/**
 * The source passage a short quote repeats word for word except for one harmless word left out
 * inside it (a pronoun, article, filler or hedge: "I think have to address this" for "I think you
 * have to address this"). Too few content words for the approximate match to risk it, so every
 * other word must be there, in order, side by side. The first such passage in the preferred
 * ranges, else the first in the text; null when there is none.
 */
export function findOmissionMatch(index: QuoteIndex, quote: string, preferred: ReadonlyArray<readonly [number, number]>): Span | null {
  const table = index.tokens;
  const keys = tokenizeWords(quote).map((token) => token.key);
  if (keys.length < MIN_OMISSION_QUOTE_WORDS) return null;
  const ids = keys.map((key) => table.keyIdByKey.get(key) ?? -1);
  if (ids.some((id) => id < 0)) return null;
  let anchor = 0;
  for (let position = 1; position < ids.length; position += 1) {
    if (table.postings[ids[position]!]!.length < table.postings[ids[anchor]!]!.length) anchor = position;
  }
  const postings = table.postings[ids[anchor]!]!;
  if (postings.length > MAX_ANCHORS) return null;
  const found: Span[] = [];
  for (const at of postings) {
    // The left-out word stands after the anchor, or before it.
    for (const first of [at - anchor, at - anchor - 1]) {
      const skipped = skippedWord(index, ids, first);
      if (skipped === null || (first === at - anchor) !== skipped > anchor) continue;
      const span = { start: table.starts[first]!, end: table.ends[first + ids.length]! };
      if (found.at(-1)?.start !== span.start) found.push(span);
    }
  }
  return found.find((span) => preferred.some(([from, to]) => span.start < to && span.end > from)) ?? found[0] ?? null;
}

/** The quote position before which the source at `first` has one extra harmless word, or null. */
function skippedWord(index: QuoteIndex, ids: number[], first: number): number | null {
  const table = index.tokens;
  if (first < 0 || first + ids.length >= table.count) return null;
  let position = 0;
  while (position < ids.length && table.keyIds[first + position] === ids[position]) position += 1;
  // Left out at either end, the rest is an exact quote of a shorter passage, not an omission.
  if (position === 0 || position === ids.length) return null;
  if (!isHarmlessOmission(table.vocabulary[table.keyIds[first + position]!]!)) return null;
  for (let rest = position; rest < ids.length; rest += 1) {
    if (table.keyIds[first + rest + 1] !== ids[rest]) return null;
  }
  return position;
}
