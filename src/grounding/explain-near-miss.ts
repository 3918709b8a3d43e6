import { listMeaningDifferences } from "./compare-meaning.ts";
import type { QuoteIndex } from "./create-quote-index.ts";
import type { AlignmentVerdict } from "./evaluate-alignment.ts";
import { isCapitalised, startsSentence } from "./extract-meaning-features.ts";
import { segmentsTouching } from "./segment-lookup.ts";
import { type Token, tokenizeWords } from "./tokenize-words.ts";
import { classifyWords, WORD_CLASS } from "./word-classes.ts";

/** An alignment that was not accepted, with the source characters it matched. */
type NearMiss = { verdict: AlignmentVerdict; start: number; end: number };

// One changed word at an edge is named when it is a negation, a modal, a figure, a date or a
// name; any other unmatched start or end is reported as invented, even when it holds a
// qualifier or a pronoun ("and only then", "for them").
const EDGE_KINDS = new Set(["negation", "modal", "percentage", "amount", "number", "time", "date", "name"]);
const MAX_EDGE_WORDS = 3;
// Occurrences of a word read to see whether the source writes it as a name.
const NAME_EVIDENCE_LIMIT = 200;

const speakerWordsByIndex = new WeakMap<QuoteIndex, ReadonlySet<string>>();

function kindOf(reason: string): string {
  return reason.slice(0, reason.indexOf(" differs"));
}

function speakerWordsOf(index: QuoteIndex): ReadonlySet<string> {
  let words = speakerWordsByIndex.get(index);
  if (words === undefined) {
    const labels = new Set(index.segments.map((segment) => segment.speaker ?? ""));
    words = new Set([...labels].flatMap((label) => tokenizeWords(label).map((token) => token.key)));
    speakerWordsByIndex.set(index, words);
  }
  return words;
}

/** Whether the source treats a word as a name: part of a speaker label, or capitalised mid-sentence. */
function isNamedInSource(index: QuoteIndex, key: string): boolean {
  if (speakerWordsOf(index).has(key)) return true;
  const table = index.tokens;
  const keyId = table.keyIdByKey.get(key);
  if (keyId === undefined) return false;
  const postings = table.postings[keyId]!;
  for (let at = 0; at < Math.min(postings.length, NAME_EVIDENCE_LIMIT); at += 1) {
    const start = table.starts[postings[at]!]!;
    if (isCapitalised(index.text.slice(start, table.ends[postings[at]!]!)) && !startsSentence(index.text, start)) return true;
  }
  return false;
}

/** "Elaine," for "Gloria," at the start of a sentence, where capitals alone cannot tell a name. */
function describeNameSwap(index: QuoteIndex, quote: string, quoteToken: Token, sourcePosition: number): string | null {
  const table = index.tokens;
  const sourceKey = table.vocabulary[table.keyIds[sourcePosition]!]!;
  const quoteWord = quote.slice(quoteToken.start, quoteToken.end);
  const sourceWord = index.text.slice(table.starts[sourcePosition]!, table.ends[sourcePosition]!);
  if (!isCapitalised(quoteWord) || !isCapitalised(sourceWord)) return null;
  if ([...classifyWords([quoteToken.key, sourceKey])].some((wordClass) => wordClass !== WORD_CLASS.content)) return null;
  if (!isNamedInSource(index, quoteToken.key) && !isNamedInSource(index, sourceKey)) return null;
  return `name differs: quote has "${quoteWord}", source has "${sourceWord}"`;
}

/**
 * The difference when the unmatched end of a partial match is one changed negation, modal,
 * figure, date or name of the same turn ("on the fifth" for "on the fourth"); null when that
 * end is invented.
 */
function explainChangedEdge(index: QuoteIndex, quote: string, quoteTokens: Token[], miss: NearMiss): string | null {
  const { verdict } = miss;
  const table = index.tokens;
  const atEnd = verdict.partial === "prefix";
  const gap = atEnd ? verdict.tailGap : verdict.headGap;
  if (gap === 0 || gap > MAX_EDGE_WORDS) return null;
  const quoteFrom = atEnd ? quoteTokens.length - gap : 0;
  const sourceFrom = atEnd ? verdict.lastToken + 1 : verdict.firstToken - gap;
  if (sourceFrom < 0 || sourceFrom + gap > table.count) return null;
  const quoteClasses = classifyWords(quoteTokens.map((token) => token.key));
  let changed = -1;
  for (let step = 0; step < gap; step += 1) {
    if (quoteTokens[quoteFrom + step]!.key === table.vocabulary[table.keyIds[sourceFrom + step]!]) continue;
    // Function words drift around a changed word ("I won't" for "And I'll"); content words may not.
    if (quoteClasses[quoteFrom + step] === WORD_CLASS.stop && table.classes[sourceFrom + step] === WORD_CLASS.stop) continue;
    if (changed >= 0) return null;
    changed = step;
  }
  if (changed < 0) return null;
  const sourcePosition = sourceFrom + changed;
  const anchor = atEnd ? verdict.lastToken : verdict.firstToken;
  const segmentOf = (position: number) => segmentsTouching(index, table.starts[position]!, table.ends[position]!)[0];
  // A word of the next turn is not one the quote changed: the quote ran past the passage.
  if (segmentOf(sourcePosition) !== segmentOf(anchor)) return null;
  const widened = atEnd
    ? index.text.slice(miss.start, table.ends[sourceFrom + gap - 1]!)
    : index.text.slice(table.starts[sourceFrom]!, miss.end);
  const reason = listMeaningDifferences(quote, widened).find((candidate) => EDGE_KINDS.has(candidate.split(" ", 1)[0]!));
  return reason ?? describeNameSwap(index, quote, quoteTokens[quoteFrom + changed]!, sourcePosition);
}

/** A partial match is explained by a difference inside the words it matched, or by one changed edge word. */
function explainPartialMatch(index: QuoteIndex, quote: string, miss: NearMiss): string | null {
  const { verdict } = miss;
  const quoteTokens = tokenizeWords(quote);
  const first = quoteTokens[verdict.headGap]!;
  const last = quoteTokens[quoteTokens.length - 1 - verdict.tailGap]!;
  const overlap = listMeaningDifferences(quote.slice(first.start, last.end), index.text.slice(miss.start, miss.end));
  return overlap[0] ?? explainChangedEdge(index, quote, quoteTokens, miss);
}

/**
 * The meaning difference behind a near miss ("quote has 'not'" tells a reviewer more than a
 * coverage figure), or null. The passage is then widened by the quote words left over at each
 * end (at least as many as the quote's unmatched words, which a reordered pair can leave
 * outside the span), to name the source's side too ("16" against "15"), if that names the
 * same kind of thing.
 * A partial match (only a prefix or a suffix) is not explained by words of its invented end.
 */
export function explainNearMiss(index: QuoteIndex, quote: string, miss: NearMiss): string | null {
  if (miss.verdict.partial !== null) return explainPartialMatch(index, quote, miss);
  const reasons = listMeaningDifferences(quote, index.text.slice(miss.start, miss.end));
  if (reasons.length === 0) return null;
  const { verdict } = miss;
  const table = index.tokens;
  const first = Math.max(0, verdict.firstToken - Math.max(verdict.headGap, verdict.unmatchedContent));
  const last = Math.min(table.count - 1, verdict.lastToken + Math.max(verdict.tailGap, verdict.unmatchedContent));
  const widened = listMeaningDifferences(quote, index.text.slice(table.starts[first]!, table.ends[last]!));
  const kinds = new Set(reasons.map(kindOf));
  return widened.find((reason) => kinds.has(kindOf(reason))) ?? reasons[0]!;
}
