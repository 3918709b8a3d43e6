// Spans are filed by key and by block of offsets: an overlap query reads the blocks its span can reach.
const BLOCK = 4096;

type Entry<T> = { start: number; end: number; value: T };
type Bucket<T> = { blocks: Map<number, Entry<T>[]>; longest: number };

export type SpanIndex<T> = {
  /** Files the span [start, end) of one key (a source, or a section and a source). */
  add(key: string, start: number, end: number, value: T): void;
  /** Values of the spans of `key` sharing a character with [start, end), as `citationsOverlap` reads it. */
  overlapping(key: string, start: number, end: number): T[];
};

/**
 * Character spans indexed by key and offset, so an overlap test costs the spans nearby rather than every
 * span kept so far: the drafts' merge steps stay linear in the number of citations.
 */
export function createSpanIndex<T>(): SpanIndex<T> {
  const buckets = new Map<string, Bucket<T>>();
  return {
    add(key, start, end, value) {
      let bucket = buckets.get(key);
      if (bucket === undefined) {
        bucket = { blocks: new Map(), longest: 0 };
        buckets.set(key, bucket);
      }
      bucket.longest = Math.max(bucket.longest, end - start);
      const block = Math.floor(start / BLOCK);
      const entries = bucket.blocks.get(block);
      if (entries === undefined) bucket.blocks.set(block, [{ start, end, value }]);
      else entries.push({ start, end, value });
    },
    overlapping(key, start, end) {
      const bucket = buckets.get(key);
      if (bucket === undefined) return [];
      const found: T[] = [];
      // A span that overlaps starts before `end` and no further back than the longest span filed.
      const last = Math.floor((end - 1) / BLOCK);
      for (let block = Math.floor((start - bucket.longest) / BLOCK); block <= last; block += 1) {
        for (const entry of bucket.blocks.get(block) ?? []) {
          if (entry.start < end && start < entry.end) found.push(entry.value);
        }
      }
      return found;
    },
  };
}
