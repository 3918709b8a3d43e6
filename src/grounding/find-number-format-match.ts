import { compareMeaning } from "./compare-meaning.ts";
import type { QuoteIndex } from "./create-quote-index.ts";
import { normalizeForMatching } from "./normalize-for-matching.ts";
import { tokenizeWords } from "./tokenize-words.ts";
import { isDigitAt } from "./word-characters.ts";

// Past this many occurrences of the quote's rarest word, the quote is left to the fuzzy match.
const MAX_CANDIDATES = 4000;

function foldGap(gap: string): string {
  return gap === " " || gap === "" ? "" : normalizeForMatching(gap).text;
}

/** A source span with the quote's words, and why its meaning differs (null when it agrees). */
type NumberFormatMatch = { start: number; end: number; meaning: string | null };

/**
 * The source span whose words and punctuation are the quote's, where only the writing of a
 * number differs ("$15K" for "$15,000", "seventh" for "7th"): one whose meaning agrees if any
 * (overlapping `preferred` first), else the first with its meaning difference; null if none.
 */
export function findNumberFormatMatch(
  index: QuoteIndex,
  quote: string,
  preferred: ReadonlyArray<readonly [number, number]>,
): NumberFormatMatch | null {
  const tokens = tokenizeWords(quote);
  // Without a number the words read the same in both texts, and the normalized match has decided.
  if (!tokens.some((token) => isDigitAt(token.key, 0))) return null;
  const table = index.tokens;
  const keyIds = new Int32Array(tokens.length);
  let rarest = 0;
  for (let position = 0; position < tokens.length; position += 1) {
    const keyId = table.keyIdByKey.get(tokens[position]!.key);
    if (keyId === undefined) return null;
    keyIds[position] = keyId;
    if (table.postings[keyId]!.length < table.postings[keyIds[rarest]!]!.length) rarest = position;
  }
  const postings = table.postings[keyIds[rarest]!]!;
  const gaps = tokens.slice(1).map((token, position) => foldGap(quote.slice(tokens[position]!.end, token.start)));
  const found: Array<{ start: number; end: number }> = [];
  for (let at = 0; at < Math.min(postings.length, MAX_CANDIDATES); at += 1) {
    const first = postings[at]! - rarest;
    const last = first + tokens.length - 1;
    if (first < 0 || last >= table.count) continue;
    let same = true;
    for (let position = 0; position < tokens.length && same; position += 1) same = table.keyIds[first + position] === keyIds[position];
    for (let position = 1; position < tokens.length && same; position += 1) {
      same = foldGap(index.text.slice(table.ends[first + position - 1]!, table.starts[first + position]!)) === gaps[position - 1];
    }
    if (same) found.push({ start: table.starts[first]!, end: table.ends[last]! });
  }
  const judged = found.map((span) => ({ ...span, meaning: compareMeaning(quote, index.text.slice(span.start, span.end)) }));
  const agreeing = judged.filter((span) => span.meaning === null);
  for (const [rangeStart, rangeEnd] of preferred) {
    const inRange = agreeing.find(({ start, end }) => start < rangeEnd && end > rangeStart);
    if (inRange !== undefined) return inRange;
  }
  return agreeing[0] ?? judged[0] ?? null;
}
