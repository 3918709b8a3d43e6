import type { CandidateStarts } from "./candidate-starts.ts";
import { splitsCompoundNumber } from "./tokenize-words.ts";
import { gluedAfter, gluedBefore } from "./word-characters.ts";

// Occurrences glued to a longer word or number are skipped; after this many we give up,
// so pathological text ("aaaa…") cannot make one search slow.
const MAX_SKIPPED_OCCURRENCES = 2000;

/** Whether [start, end) begins and ends at word boundaries, not inside "110", "can't" or "twenty-five". */
function standsAlone(haystack: string, start: number, end: number): boolean {
  if (gluedBefore(haystack, start) || gluedAfter(haystack, end)) return false;
  return !splitsCompoundNumber(haystack, start) && !splitsCompoundNumber(haystack, end);
}

function firstUnglued(haystack: string, needle: string, from: number, lastStart: number): number {
  // Searching a region must not scan the rest of a megabyte source when the quote is absent.
  const regionEnd = Math.min(haystack.length, lastStart + needle.length);
  const region = regionEnd < haystack.length ? haystack.slice(from, regionEnd) : haystack;
  const shift = region === haystack ? 0 : from;
  let start = region.indexOf(needle, from - shift);
  let skipped = 0;
  while (start >= 0) {
    const absolute = start + shift;
    if (standsAlone(haystack, absolute, absolute + needle.length)) return absolute;
    skipped += 1;
    if (skipped > MAX_SKIPPED_OCCURRENCES) return -1;
    start = region.indexOf(needle, start + 1);
  }
  return -1;
}

function isUnglued(haystack: string, needle: string, start: number): boolean {
  return haystack.startsWith(needle, start) && standsAlone(haystack, start, start + needle.length);
}

/**
 * Start of an occurrence of `needle` in `haystack` that is not part of a longer word or number,
 * preferring one overlapping each range in turn, then the first anywhere; -1 when there is none.
 * With `candidates` (ascending starts that include every real occurrence), only those are checked:
 * those overlapping a preferred range first, found by binary search, then from the first on.
 */
export function findOccurrence(
  haystack: string,
  needle: string,
  preferred: ReadonlyArray<readonly [number, number]>,
  candidates: CandidateStarts | null = null,
): number {
  if (needle.length === 0) return -1;
  if (candidates !== null) {
    for (const [rangeStart, rangeEnd] of preferred) {
      // Overlapping [rangeStart, rangeEnd): starting after rangeStart - needle.length and before rangeEnd.
      for (let position = firstAtLeast(candidates, rangeStart - needle.length + 1); position < candidates.length; position += 1) {
        const start = candidates.at(position);
        if (start >= rangeEnd) break;
        if (isUnglued(haystack, needle, start)) return start;
      }
    }
    for (let position = 0; position < candidates.length; position += 1) {
      const start = candidates.at(position);
      if (isUnglued(haystack, needle, start)) return start;
    }
    return -1;
  }
  for (const [rangeStart, rangeEnd] of preferred) {
    const from = Math.max(0, rangeStart - needle.length + 1);
    const start = firstUnglued(haystack, needle, from, rangeEnd - 1);
    if (start >= 0) return start;
  }
  return firstUnglued(haystack, needle, 0, haystack.length);
}

/** Position of the first candidate at or after `offset`. */
function firstAtLeast(candidates: CandidateStarts, offset: number): number {
  let low = 0;
  let high = candidates.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (candidates.at(middle) < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}
