import { compareMeaning } from "./compare-meaning.ts";
import { candidateStarts } from "./candidate-starts.ts";
import type { QuoteIndex } from "./create-quote-index.ts";
import { findFuzzyMatch } from "./find-fuzzy-match.ts";
import { findNumberFormatMatch } from "./find-number-format-match.ts";
import { findOccurrence } from "./find-occurrence.ts";
import { foldQuoteCore } from "./normalize-for-matching.ts";
import { createUnverified, type QuoteVerification, VERIFIED_MIN_SCORE } from "./quote-verification.ts";
import type { MatchKind } from "../domain/citation.ts";
import { nameClosestPassage, preferredRanges, segmentsTouching } from "./segment-lookup.ts";
import { isWordCharAt } from "./word-characters.ts";

/** Longer quotes are refused rather than aligned: a citation is a short verbatim quote. */
export const MAX_QUOTE_LENGTH = 2000;

const NORMALIZED_SCORE = 0.98;
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const MAX_FUZZY_SCORE = 0.95;

type VerifyQuoteOptions = { segmentId?: string | undefined };

function hasWord(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) if (isWordCharAt(text, index)) return true;
  return false;
}

function verified(
  index: QuoteIndex,
  match: Exclude<MatchKind, "unverified">,
  start: number,
  end: number,
  score: number,
  citedSegmentId: string | undefined,
): QuoteVerification {
  const touching = segmentsTouching(index, start, end);
  const first = touching[0];
  const result: QuoteVerification = {
    match,
    charStart: start,
    charEnd: end,
    quote: index.text.slice(start, end),
    segmentId: first?.id ?? null,
    segmentIds: touching.map((segment) => segment.id),
    speaker: first?.speaker ?? null,
    startMs: first?.startMs ?? null,
    score,
  };
  if (citedSegmentId !== undefined && first !== undefined && !result.segmentIds.includes(citedSegmentId)) {
    result.reason = index.segmentPositionById.has(citedSegmentId)
      ? `cited segment ${citedSegmentId} does not contain the quote; found in ${first.id}`
      : `cited segment ${citedSegmentId} does not exist; found in ${first.id}`;
  }
  return result;
}

/** Unverified for a meaning difference, naming the segment of the passage that differs. */
function unverifiedAt(index: QuoteIndex, meaning: string, start: number, end: number, closeness: number): QuoteVerification {
  return createUnverified(nameClosestPassage(index, meaning, start, end), closeness);
}

/** A match after folding case, spaces, quotes, dashes and ellipses, mapped back to original offsets; null if none. */
function findNormalized(
  index: QuoteIndex,
  quote: string,
  preferred: ReadonlyArray<readonly [number, number]>,
  cited: string | undefined,
): QuoteVerification | null {
  const core = foldQuoteCore(quote);
  if (core === "") return null;
  const { offsets } = index.folded;
  const foldedPreferred = preferred.map(([start, end]) => [offsets.lowerBound(start), offsets.lowerBound(end)] as const);
  // Folding keeps ASCII words as the source's tokens have them, unless invisible characters split them there.
  const candidates =
    ASCII_ONLY.test(core) && !index.hasInvisibleCharacters ? candidateStarts(index, core, (offset) => offsets.lowerBound(offset)) : null;
  const foldedStart = findOccurrence(index.folded.text, core, foldedPreferred, candidates);
  if (foldedStart < 0) return null;
  const start = offsets.at(foldedStart);
  const end = offsets.at(foldedStart + core.length - 1) + 1;
  const meaning = compareMeaning(quote, index.text.slice(start, end));
  if (meaning === null) return verified(index, "normalized", start, end, NORMALIZED_SCORE, cited);
  return unverifiedAt(index, meaning, start, end, NORMALIZED_SCORE);
}

/**
 * Finds where a quote is in the source: exact, then normalized, then the same words with a
 * number written another way, then a bounded fuzzy match, guarded on meaning; otherwise
 * `unverified` with the reason. Never throws on any string.
 */
export function verifyQuote(index: QuoteIndex, quote: string, options: VerifyQuoteOptions = {}): QuoteVerification {
  if (typeof quote !== "string") return createUnverified("quote is not text");
  const trimmed = quote.trim();
  if (trimmed === "") return createUnverified("quote is empty");
  if (trimmed.length > MAX_QUOTE_LENGTH) {
    return createUnverified(`quote too long (${trimmed.length} characters; at most ${MAX_QUOTE_LENGTH} are checked)`);
  }
  if (!hasWord(trimmed)) return createUnverified("quote has no words");
  const cited = options.segmentId;
  const preferred = preferredRanges(index, cited);

  const exactStart = findOccurrence(
    index.text,
    trimmed,
    preferred,
    candidateStarts(index, trimmed, (offset) => offset),
  );
  if (exactStart >= 0) return verified(index, "exact", exactStart, exactStart + trimmed.length, 1, cited);

  const normalized = findNormalized(index, trimmed, preferred, cited);
  if (normalized !== null) return normalized;

  // A number written another way ("$15K" for "$15,000") is beyond normalizing, but no guess.
  const reformatted = findNumberFormatMatch(index, trimmed, preferred);
  if (reformatted !== null) {
    const { start, end, meaning } = reformatted;
    return meaning === null
      ? verified(index, "fuzzy", start, end, MAX_FUZZY_SCORE, cited)
      : unverifiedAt(index, meaning, start, end, MAX_FUZZY_SCORE);
  }

  const fuzzy = findFuzzyMatch(index, trimmed, preferred);
  if (!fuzzy.found) return createUnverified(fuzzy.reason, fuzzy.closeness);
  const score = Math.round(Math.min(MAX_FUZZY_SCORE, Math.max(VERIFIED_MIN_SCORE, fuzzy.quality)) * 1000) / 1000;
  return verified(index, "fuzzy", fuzzy.start, fuzzy.end, score, cited);
}
