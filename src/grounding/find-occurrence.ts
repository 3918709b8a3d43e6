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
 * With `candidates` (ascending starts that include every real occurrence), only those are checked.
 */
export function findOccurrence(
  haystack: string,
  needle: string,
  preferred: ReadonlyArray<readonly [number, number]>,
  candidates: readonly number[] | null = null,
): number {
  if (needle.length === 0) return -1;
  if (candidates !== null) {
    const found = candidates.filter((start) => isUnglued(haystack, needle, start));
    for (const [rangeStart, rangeEnd] of preferred) {
      const inRange = found.find((start) => start < rangeEnd && start + needle.length > rangeStart);
      if (inRange !== undefined) return inRange;
    }
    return found[0] ?? -1;
  }
  for (const [rangeStart, rangeEnd] of preferred) {
    const from = Math.max(0, rangeStart - needle.length + 1);
    const start = firstUnglued(haystack, needle, from, rangeEnd - 1);
    if (start >= 0) return start;
  }
  return firstUnglued(haystack, needle, 0, haystack.length);
}
