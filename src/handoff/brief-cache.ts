import { gzipSync } from "node:zlib";
import type { Deal } from "../domain/deal.ts";

/**
 * One rendered brief. Bytes, not strings: encoding an 80 KB brief to UTF-8 on every response cost more than
 * everything else; its gzip form is made once, on the first request that accepts it, and kept beside it.
 */
export type CachedBrief = {
  readonly body: Uint8Array<ArrayBuffer>;
  gzipped(): Uint8Array<ArrayBuffer>;
};

type Entry = { stateKey: string; brief: CachedBrief };

export type BriefCache = {
  /** The rendered brief for the deal's current state, building it only when the state has changed. */
  get(deal: Deal, format: "json" | "md", build: () => string): CachedBrief;
  evict(dealId: string): void;
};

function cachedBrief(body: Uint8Array<ArrayBuffer>): CachedBrief {
  let gzipped: Uint8Array<ArrayBuffer> | undefined;
  return {
    body,
    gzipped: () => {
      gzipped ??= new Uint8Array(gzipSync(body));
      return gzipped;
    },
  };
}

const MAX_ENTRIES = 500;

/**
 * Briefs are read far more often than deals change (CSMs, dashboards), and building one costs
 * milliseconds. The key is the deal's revision, which the database bumps on every change to what a
 * brief reads, and the day, since the timeline's overdue marks change with the date.
 */
export function createBriefCache(now: () => Date): BriefCache {
  const entries = new Map<string, Entry>();
  return {
    get(deal, format, build) {
      const stateKey = `${deal.revision}|${now().toISOString().slice(0, 10)}`;
      const cacheKey = `${deal.id}:${format}`;
      const hit = entries.get(cacheKey);
      if (hit !== undefined && hit.stateKey === stateKey) {
        // Refresh recency for the LRU order.
        entries.delete(cacheKey);
        entries.set(cacheKey, hit);
        return hit.brief;
      }
      const brief = cachedBrief(new TextEncoder().encode(build()) as Uint8Array<ArrayBuffer>);
      entries.delete(cacheKey);
      entries.set(cacheKey, { stateKey, brief });
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      return brief;
    },
    evict(dealId) {
      entries.delete(`${dealId}:json`);
      entries.delete(`${dealId}:md`);
    },
  };
}
