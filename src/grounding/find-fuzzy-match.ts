import { type AlignmentSide, alignTokens } from "./align-tokens.ts";
import { compareMeaning } from "./compare-meaning.ts";
import type { QuoteIndex, TokenTable } from "./create-quote-index.ts";
import { type AlignmentVerdict, evaluateAlignment, type QuoteTokens } from "./evaluate-alignment.ts";
import { explainNearMiss } from "./explain-near-miss.ts";
import { findOmissionMatch } from "./find-omission-match.ts";
import { lowerBound, nameClosestPassage } from "./segment-lookup.ts";
import { tokenizeWords } from "./tokenize-words.ts";
import { classifyWords, WORD_CLASS } from "./word-classes.ts";

type FuzzyOutcome = { found: true; start: number; end: number; quality: number } | { found: false; reason: string; closeness: number };

const MIN_CONTENT_WORDS = 3;
// A short quote found word for word but for one harmless word left out.
const OMISSION_QUALITY = 0.9;
const BUCKET_WIDTH = 16;
const MAX_WINDOWS = 6;
// Occurrences of quote words looked up per verification; rare words are looked up first, and
// a quote needs only a few rare words to find its passage.
const VOTE_BUDGET = 6_000;
const MAX_VOTERS = 12;
// A near miss is explained by its meaning difference when most of the quote matched.
const MEANING_REASON_COVERAGE = 0.75;
const MEANING_REASON_UNMATCHED = 2;

type Candidate = { verdict: AlignmentVerdict; start: number; end: number; tier: number; meaning: string | null };

function quoteTokensOf(index: QuoteIndex, quote: string): QuoteTokens {
  const keys = tokenizeWords(quote).map((token) => token.key);
  const classes = classifyWords(keys);
  const keyIds = new Int32Array(keys.length);
  keys.forEach((key, position) => {
    keyIds[position] = index.tokens.keyIdByKey.get(key) ?? -1 - position;
  });
  const contentCount = classes.reduce((count, wordClass) => count + (wordClass === WORD_CLASS.content ? 1 : 0), 0);
  return { keys, keyIds, classes, length: keys.length, contentCount };
}

function countBits(value: number): number {
  let count = 0;
  for (let rest = value; rest !== 0; rest &= rest - 1) count += 1;
  return count;
}

/** Token windows where the quote's rarer words line up on one diagonal (quote position vs source position). */
function candidateWindows(table: TokenTable, quote: QuoteTokens): Array<[number, number]> {
  const voters: number[] = [];
  for (let position = 0; position < quote.length; position += 1) {
    if (quote.keyIds[position]! >= 0 && quote.classes[position] !== WORD_CLASS.filler) voters.push(position);
  }
  voters.sort((a, b) => table.postings[quote.keyIds[a]!]!.length - table.postings[quote.keyIds[b]!]!.length);
  // Which voters (one bit each) hit each bucket: a bucket and its neighbour score the quote words
  // they share, so two similar passages side by side never outvote the one passage that has them all.
  const votes = new Map<number, number>();
  let spent = 0;
  for (const [voter, position] of voters.slice(0, MAX_VOTERS).entries()) {
    const postings = table.postings[quote.keyIds[position]!]!;
    if (spent + postings.length > VOTE_BUDGET) break;
    spent += postings.length;
    for (const sourcePosition of postings) {
      const bucket = Math.floor((sourcePosition - position) / BUCKET_WIDTH);
      votes.set(bucket, (votes.get(bucket) ?? 0) | (1 << voter));
    }
  }
  // Keep the best few buckets in one pass: sorting every bucket costs more than aligning.
  const ranked: Array<{ bucket: number; score: number }> = [];
  for (const [bucket, voted] of votes) {
    const score = countBits(voted | (votes.get(bucket + 1) ?? 0));
    if (score < 2 || (ranked.length === MAX_WINDOWS && score <= ranked.at(-1)!.score)) continue;
    let at = ranked.length;
    while (at > 0 && (ranked[at - 1]!.score < score || (ranked[at - 1]!.score === score && ranked[at - 1]!.bucket > bucket))) at -= 1;
    ranked.splice(at, 0, { bucket, score });
    if (ranked.length > MAX_WINDOWS) ranked.pop();
  }
  const slack = 8 + Math.ceil(quote.length / 2);
  const windows = ranked
    .map(({ bucket }): [number, number] => [
      Math.max(0, (bucket - 1) * BUCKET_WIDTH - slack),
      Math.min(table.count, (bucket + 2) * BUCKET_WIDTH + quote.length + slack),
    ])
    .sort((a, b) => a[0] - b[0]);
  // Overlapping windows are one passage: aligning it cut in two could drop a word at the cut.
  const merged: Array<[number, number]> = [];
  for (const window of windows) {
    const last = merged.at(-1);
    if (last !== undefined && window[0] <= last[1] && window[1] - last[0] <= 3 * quote.length + 200) last[1] = Math.max(last[1], window[1]);
    else merged.push(window);
  }
  return merged;
}

function preferredWindow(
  index: QuoteIndex,
  quote: QuoteTokens,
  preferred: ReadonlyArray<readonly [number, number]>,
): Array<[number, number]> {
  const widest = preferred.at(-1);
  if (widest === undefined) return [];
  const slack = 8 + Math.ceil(quote.length / 2);
  const from = Math.max(0, lowerBound(index.tokens.starts, widest[0]) - slack);
  const to = Math.min(index.tokens.count, lowerBound(index.tokens.starts, widest[1]) + slack);
  // A huge cited segment (a PDF page) is left to the anchored windows, to keep the work bounded.
  return to - from <= 4 * quote.length + 400 ? [[from, to]] : [];
}

function tierOf(start: number, end: number, preferred: ReadonlyArray<readonly [number, number]>): number {
  const tier = preferred.findIndex(([rangeStart, rangeEnd]) => start < rangeEnd && end > rangeStart);
  return tier < 0 ? preferred.length : tier;
}

/** Between two near misses, the one covering more of the quote explains the failure better. */
function explainsMore(verdict: AlignmentVerdict, incumbent: AlignmentVerdict): boolean {
  if (verdict.coverage !== incumbent.coverage) return verdict.coverage > incumbent.coverage;
  return verdict.quality > incumbent.quality;
}

function isBetter(candidate: Candidate, incumbent: Candidate | undefined): boolean {
  if (incumbent === undefined) return true;
  if (candidate.tier !== incumbent.tier) return candidate.tier < incumbent.tier;
  return candidate.verdict.quality > incumbent.verdict.quality;
}

/**
 * A bounded approximate match of the quote's words: tolerant of dropped fillers, a word or two
 * dropped or swapped and one-slip typos; strict on coverage, density, both ends and meaning.
 */
export function findFuzzyMatch(index: QuoteIndex, quote: string, preferred: ReadonlyArray<readonly [number, number]>): FuzzyOutcome {
  const quoteTokens = quoteTokensOf(index, quote);
  if (quoteTokens.contentCount < MIN_CONTENT_WORDS) {
    const omission = findOmissionMatch(index, quote, preferred);
    if (omission !== null) return { found: true, ...omission, quality: OMISSION_QUALITY };
    return { found: false, reason: "not found in the source (too few words for an approximate match)", closeness: 0 };
  }
  const table = index.tokens;
  const quoteSide: AlignmentSide = {
    keyIds: quoteTokens.keyIds,
    keys: (position) => quoteTokens.keys[position]!,
    classes: quoteTokens.classes,
  };
  const sourceSide: AlignmentSide = {
    keyIds: table.keyIds,
    keys: (position) => table.vocabulary[table.keyIds[position]!]!,
    classes: table.classes,
  };
  const windows = [...preferredWindow(index, quoteTokens, preferred), ...candidateWindows(table, quoteTokens)];
  let accepted: Candidate | undefined;
  let meaningFailure: Candidate | undefined;
  let closest: Candidate | undefined;
  for (const [from, to] of windows) {
    const pairs = alignTokens(quoteSide, quoteTokens.length, sourceSide, from, to);
    const verdict = evaluateAlignment(quoteTokens, table, pairs, from, to);
    if (verdict === null) continue;
    const start = table.starts[verdict.firstToken]!;
    const end = table.ends[verdict.lastToken]!;
    const candidate: Candidate = { verdict, start, end, tier: tierOf(start, end, preferred), meaning: null };
    if (!verdict.accepted) {
      if (closest === undefined || explainsMore(verdict, closest.verdict)) closest = candidate;
      continue;
    }
    // An approximate match may leave out a pronoun or a hedge; an exact or normalized one has nothing left out.
    candidate.meaning = compareMeaning(quote, index.text.slice(start, end), { omissions: true });
    if (candidate.meaning === null) {
      if (isBetter(candidate, accepted)) accepted = candidate;
    } else if (meaningFailure === undefined || explainsMore(verdict, meaningFailure.verdict)) {
      meaningFailure = candidate;
    }
  }
  if (accepted !== undefined) return { found: true, start: accepted.start, end: accepted.end, quality: accepted.verdict.quality };
  const failed = meaningFailure ?? closest;
  if (failed === undefined) return { found: false, reason: "not found in the source", closeness: 0 };
  const { verdict } = failed;
  if (verdict.contentCoverage < 0.5) return { found: false, reason: verdict.failure, closeness: verdict.quality };
  const nearMiss = verdict.contentCoverage >= MEANING_REASON_COVERAGE || verdict.unmatchedContent <= MEANING_REASON_UNMATCHED;
  if (failed.meaning === null && nearMiss) failed.meaning = explainNearMiss(index, quote, failed);
  const reason = nameClosestPassage(index, failed.meaning ?? verdict.failure, failed.start, failed.end);
  return { found: false, reason, closeness: verdict.quality };
}
