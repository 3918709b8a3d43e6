import type { Segment } from "../domain/source.ts";
import type { QuoteIndex } from "./create-quote-index.ts";

/** First position in an ascending array whose value is at least `value`. */
export function lowerBound(values: ArrayLike<number>, value: number, from = 0, to = values.length): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Position of the last segment starting at or before `offset`, or -1. */
function segmentPositionAt(index: QuoteIndex, offset: number): number {
  let low = 0;
  let high = index.segments.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (index.segments[middle]!.charStart <= offset) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/** The segments a character span overlaps, in text order. */
export function segmentsTouching(index: QuoteIndex, start: number, end: number): Segment[] {
  const touching: Segment[] = [];
  const from = Math.max(0, segmentPositionAt(index, start));
  for (let position = from; position < index.segments.length; position += 1) {
    const segment = index.segments[position]!;
    if (segment.charStart >= end) break;
    if (segment.charEnd > start) touching.push(segment);
  }
  return touching;
}

/** A failure reason naming the segment of the closest passage ("… (closest passage in s4)"), when there is one. */
export function nameClosestPassage(index: QuoteIndex, reason: string, start: number, end: number): string {
  const where = segmentsTouching(index, start, end)[0];
  return where === undefined ? reason : `${reason} (closest passage in ${where.id})`;
}

/** Character ranges to search first for a quote cited in `segmentId`: the segment, then it and its neighbours. */
export function preferredRanges(index: QuoteIndex, segmentId: string | undefined): Array<[number, number]> {
  const position = segmentId === undefined ? undefined : index.segmentPositionById.get(segmentId);
  if (position === undefined) return [];
  const segment = index.segments[position]!;
  const previous = index.segments[position - 1] ?? segment;
  const next = index.segments[position + 1] ?? segment;
  return [
    [segment.charStart, segment.charEnd],
    [previous.charStart, next.charEnd],
  ];
}
