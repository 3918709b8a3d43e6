import type { AlignedPair } from "./align-tokens.ts";
import type { TokenTable } from "./create-quote-index.ts";
import { WORD_CLASS, weightOf } from "./word-classes.ts";

/** The quote as aligned: comparable ids and WORD_CLASS per position. */
export type QuoteTokens = { keys: readonly string[]; keyIds: Int32Array; classes: Uint8Array; length: number; contentCount: number };

export type AlignmentVerdict = {
  accepted: boolean;
  /** First and last source token positions of the matched span. */
  firstToken: number;
  lastToken: number;
  /** 0..1: how completely and tightly the quote matched. */
  quality: number;
  /** Why it was not accepted (empty when accepted). */
  failure: string;
  contentCoverage: number;
  /** Share of the quote's weighted words matched. */
  coverage: number;
  /** Content words of the quote left unmatched. */
  unmatchedContent: number;
  /** Quote words before the first and after the last matched one: how far a near miss may extend. */
  headGap: number;
  tailGap: number;
  /** Which end of the quote alone matched when the other end's content word did not; null when both or neither did. */
  partial: "prefix" | "suffix" | null;
};

// Every content word of the quote must be in the passage (in order, swapped or as a one-slip
// typo): an invented word, even one in a long quote, is not what the customer said.
const MIN_CONTENT_COVERAGE = 1;
const MIN_WEIGHTED_COVERAGE = 0.8;
const MIN_DENSITY = 0.8;
// A short quote may skip up to two weighted source words even when that drops density below 0.8.
const MAX_SKIPPED_WEIGHT = 2;
const MIN_DENSITY_WITH_FEW_SKIPS = 0.65;
const MAX_SLIPS = 2;
const MAX_REORDERS = 2;
const MAX_JUMPED_WORDS = 1;
// A shared opening this long is reported as a prefix-only overlap rather than "not found".
const MIN_PREFIX_CONTENT = 3;

function pairReordered(
  quote: QuoteTokens,
  source: TokenTable,
  matchedQuote: Uint8Array,
  matchedSource: Set<number>,
  from: number,
  to: number,
  span: { first: number; last: number },
): AlignedPair[] {
  const reordered: AlignedPair[] = [];
  for (let position = 0; position < quote.length && reordered.length < MAX_REORDERS; position += 1) {
    if (matchedQuote[position] || quote.classes[position] !== WORD_CLASS.content) continue;
    // A swapped word sits inside the span or just beside it.
    const low = Math.max(from, span.first - 2);
    const high = Math.min(to - 1, span.last + 2);
    for (let candidate = low; candidate <= high; candidate += 1) {
      if (matchedSource.has(candidate) || source.keyIds[candidate] !== quote.keyIds[position]) continue;
      matchedQuote[position] = 1;
      matchedSource.add(candidate);
      span.first = Math.min(span.first, candidate);
      span.last = Math.max(span.last, candidate);
      reordered.push({ quotePosition: position, sourcePosition: candidate, typo: false });
      break;
    }
  }
  return reordered;
}

/**
 * A quote word left unmatched where the source has an unmatched content word between the same
 * matched neighbours: a replaced word ("increase" for "decrease", "that" for "typically"), not a drop.
 */
function findSubstitution(
  quote: QuoteTokens,
  source: TokenTable,
  pairs: AlignedPair[],
  matchedQuote: Uint8Array,
  matchedSource: Set<number>,
): [number, number] | null {
  for (let step = 1; step < pairs.length; step += 1) {
    const before = pairs[step - 1]!;
    const after = pairs[step]!;
    if (after.sourcePosition <= before.sourcePosition) continue;
    let quoteWord = -1;
    for (let position = before.quotePosition + 1; position < after.quotePosition && quoteWord < 0; position += 1) {
      if (!matchedQuote[position] && quote.classes[position] !== WORD_CLASS.filler) quoteWord = position;
    }
    if (quoteWord < 0) continue;
    for (let position = before.sourcePosition + 1; position < after.sourcePosition; position += 1) {
      if (!matchedSource.has(position) && source.classes[position] === WORD_CLASS.content) return [quoteWord, position];
    }
  }
  return null;
}

/** A reordered word that jumped over more than one matched content word: roles swapped, not a slip. */
function findLongJump(quote: QuoteTokens, pairs: AlignedPair[], reordered: AlignedPair[]): AlignedPair | null {
  for (const jumped of reordered) {
    let crossings = 0;
    for (const pair of pairs) {
      if (pair === jumped || quote.classes[pair.quotePosition] !== WORD_CLASS.content) continue;
      if ((pair.quotePosition - jumped.quotePosition) * (pair.sourcePosition - jumped.sourcePosition) < 0) crossings += 1;
    }
    if (crossings > MAX_JUMPED_WORDS) return jumped;
  }
  return null;
}

function edgeContent(quote: QuoteTokens, fromEnd: boolean): number {
  for (let step = 0; step < quote.length; step += 1) {
    const position = fromEnd ? quote.length - 1 - step : step;
    if (quote.classes[position] === WORD_CLASS.content) return position;
  }
  return -1;
}

type Evidence = {
  quote: QuoteTokens;
  source: TokenTable;
  contentCoverage: number;
  coverage: number;
  matchedContent: number;
  slips: number;
  headMatched: boolean;
  tailMatched: boolean;
  denseEnough: boolean;
  substitution: [number, number] | null;
  longJump: AlignedPair | null;
};

/** Why an alignment is not a fuzzy match, most telling reason first; "" when it is one. */
function failureOf(evidence: Evidence): string {
  const { quote, source, contentCoverage, headMatched, tailMatched, substitution, longJump } = evidence;
  if (headMatched && !tailMatched && evidence.matchedContent >= MIN_PREFIX_CONTENT)
    return "only a prefix matches: the end of the quote is not in the source";
  if (contentCoverage < 0.5) return "not found in the source";
  if (headMatched && !tailMatched) return "only a prefix matches: the end of the quote is not in the source";
  if (!headMatched && tailMatched) return "only a suffix matches: the start of the quote is not in the source";
  if (substitution !== null) {
    const [quotePosition, sourcePosition] = substitution;
    return `word differs: quote has "${quote.keys[quotePosition]}", source has "${source.vocabulary[source.keyIds[sourcePosition]!]}"`;
  }
  if (longJump !== null) return `word order differs: "${quote.keys[longJump.quotePosition]}" stands elsewhere in the source`;
  if (contentCoverage < MIN_CONTENT_COVERAGE || !headMatched) {
    return `not found in the source: the closest passage has ${Math.round(contentCoverage * 100)}% of the quote's words`;
  }
  if (evidence.coverage < MIN_WEIGHTED_COVERAGE) return "not found in the source: too many of the quote's small words differ";
  if (!evidence.denseEnough) return "not found in the source: the quote's words are spread over a longer passage";
  if (evidence.slips > MAX_SLIPS) return "not found in the source: too many words differ slightly";
  return "";
}

/** Scores an alignment and decides whether it is a fuzzy match (coverage, density, both ends matched). */
export function evaluateAlignment(
  quote: QuoteTokens,
  source: TokenTable,
  pairs: AlignedPair[],
  from: number,
  to: number,
): AlignmentVerdict | null {
  if (pairs.length === 0) return null;
  const matchedQuote = new Uint8Array(quote.length);
  const matchedSource = new Set<number>();
  let slips = 0;
  for (const pair of pairs) {
    matchedQuote[pair.quotePosition] = 1;
    matchedSource.add(pair.sourcePosition);
    if (pair.typo) slips += 1;
  }
  const span = { first: pairs[0]!.sourcePosition, last: pairs.at(-1)!.sourcePosition };
  const reordered = pairReordered(quote, source, matchedQuote, matchedSource, from, to, span);
  const reorders = reordered.length;
  const allPairs = [...pairs, ...reordered].sort((a, b) => a.quotePosition - b.quotePosition);

  let quoteWeight = 0;
  let matchedQuoteWeight = 0;
  let matchedContent = 0;
  for (let position = 0; position < quote.length; position += 1) {
    const weight = weightOf(quote.classes[position]!);
    quoteWeight += weight;
    if (!matchedQuote[position]) continue;
    matchedQuoteWeight += weight;
    if (quote.classes[position] === WORD_CLASS.content) matchedContent += 1;
  }
  let spanWeight = 0;
  let matchedSpanWeight = 0;
  for (let position = span.first; position <= span.last; position += 1) {
    const weight = weightOf(source.classes[position]!);
    spanWeight += weight;
    if (matchedSource.has(position)) matchedSpanWeight += weight;
  }
  const contentCoverage = quote.contentCount === 0 ? 0 : matchedContent / quote.contentCount;
  const coverage = quoteWeight === 0 ? 0 : matchedQuoteWeight / quoteWeight;
  const density = spanWeight === 0 ? 0 : matchedSpanWeight / spanWeight;
  const quality = Math.max(0, ((coverage + contentCoverage) / 2) * density * 0.97 ** slips * 0.98 ** reorders);

  const headMatched = matchedQuote[edgeContent(quote, false)] === 1;
  const tailMatched = matchedQuote[edgeContent(quote, true)] === 1;
  const failure = failureOf({
    quote,
    source,
    contentCoverage,
    coverage,
    matchedContent,
    slips,
    headMatched,
    tailMatched,
    denseEnough: density >= MIN_DENSITY || (spanWeight - matchedSpanWeight <= MAX_SKIPPED_WEIGHT && density >= MIN_DENSITY_WITH_FEW_SKIPS),
    substitution: findSubstitution(quote, source, allPairs, matchedQuote, matchedSource),
    longJump: findLongJump(quote, allPairs, reordered),
  });
  const headGap = allPairs[0]!.quotePosition;
  const tailGap = quote.length - 1 - allPairs.at(-1)!.quotePosition;
  const unmatchedContent = quote.contentCount - matchedContent;
  const partial = headMatched === tailMatched ? null : headMatched ? "prefix" : "suffix";
  return {
    accepted: failure === "",
    firstToken: span.first,
    lastToken: span.last,
    quality,
    failure,
    contentCoverage,
    coverage,
    unmatchedContent,
    headGap,
    tailGap,
    partial,
  };
}
