import type { QuoteIndex } from "./create-quote-index.ts";
import { tokenizeWords } from "./tokenize-words.ts";

// Past this many occurrences of its rarest inner word, a plain scan of the text is cheaper.
const MAX_CANDIDATES = 4000;

/**
 * Where `needle` could start, in haystack offsets, read off the source positions of its rarest
 * inner word (inner words tokenize the same in the needle and the source, unlike the first and
 * last); [] when an inner word is not in the source at all; null when words cannot narrow it.
 * `toHaystack` maps an offset of the source text to the haystack searched.
 */
export function candidateStarts(index: QuoteIndex, needle: string, toHaystack: (offset: number) => number): number[] | null {
  const tokens = tokenizeWords(needle);
  if (tokens.length < 3) return null;
  const table = index.tokens;
  let rarest: { postings: Int32Array; offset: number } | undefined;
  for (let position = 1; position < tokens.length - 1; position += 1) {
    const token = tokens[position]!;
    const keyId = table.keyIdByKey.get(token.key);
    if (keyId === undefined) return [];
    const postings = table.postings[keyId]!;
    if (rarest === undefined || postings.length < rarest.postings.length) rarest = { postings, offset: token.start };
  }
  if (rarest === undefined || rarest.postings.length > MAX_CANDIDATES) return null;
  const starts: number[] = [];
  for (const position of rarest.postings) {
    const start = toHaystack(table.starts[position]!) - rarest.offset;
    if (start >= 0) starts.push(start);
  }
  return starts;
}
