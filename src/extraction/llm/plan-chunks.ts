import type { SegmentRef } from "./segment-refs.ts";

const OVERLAP_SEGMENTS = 2;

/**
 * Splits a deal's segments into chunks of whole speaker turns that fit the token budget,
 * overlapping by a couple of turns so a point made across a boundary is seen whole.
 * One chunk when everything fits.
 */
export function planChunks(refs: SegmentRef[], budgetTokens: number, estimate: (ref: SegmentRef) => number): SegmentRef[][] {
  const chunks: SegmentRef[][] = [];
  let start = 0;
  while (start < refs.length) {
    let used = 0;
    let end = start;
    while (end < refs.length && (end === start || used + estimate(refs[end]!) <= budgetTokens)) {
      used += estimate(refs[end]!);
      end++;
    }
    chunks.push(refs.slice(start, end));
    if (end >= refs.length) break;
    start = Math.max(start + 1, end - OVERLAP_SEGMENTS);
  }
  return chunks;
}
