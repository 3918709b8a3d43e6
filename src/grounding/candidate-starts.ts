import type { QuoteIndex } from "./create-quote-index.ts";
import { tokenizeWords } from "./tokenize-words.ts";

// Past this many occurrences of its rarest inner word, a plain scan of the text is cheaper. It is also the
// most candidates one search checks: a quote that starts at none of them is looked for no further this way.
export const MAX_CANDIDATES = 4000;

/** Ascending haystack offsets where a quote could start, read on demand: a search pays for those it checks. */
export type CandidateStarts = {
  readonly length: number;
  /** The `position`-th candidate start, 0 ≤ position < length. */
  at(position: number): number;
};

/**
 * Where `needle` could start, in haystack offsets, read off the source positions of its rarest
 * inner word (inner words tokenize the same in the needle and the source, unlike the first and
 * last); none when an inner word is not in the source at all; null when words cannot narrow it.
 * `toHaystack` maps an offset of the source text to the haystack searched, keeping order.
 */
export function candidateStarts(index: QuoteIndex, needle: string, toHaystack: (offset: number) => number): CandidateStarts | null {
  const tokens = tokenizeWords(needle);
  if (tokens.length < 3) return null;
  const table = index.tokens;
  let rarest: { postings: Int32Array; offset: number } | undefined;
  for (let position = 1; position < tokens.length - 1; position += 1) {
    const token = tokens[position]!;
    const keyId = table.keyIdByKey.get(token.key);
    if (keyId === undefined) return NO_CANDIDATES;
    const postings = table.postings[keyId]!;
    if (rarest === undefined || postings.length < rarest.postings.length) rarest = { postings, offset: token.start };
  }
  if (rarest === undefined || rarest.postings.length > MAX_CANDIDATES) return null;
  const { postings, offset } = rarest;
  const startOf = (position: number) => toHaystack(table.starts[postings[position]!]!) - offset;
  // Starts before the haystack's beginning cannot be quotes: they are a prefix of the ascending list.
  let first = 0;
  while (first < postings.length && startOf(first) < 0) first += 1;
  return { length: postings.length - first, at: (position) => startOf(first + position) };
}

const NO_CANDIDATES: CandidateStarts = { length: 0, at: () => -1 };
