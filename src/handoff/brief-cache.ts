import type { Deal } from "../domain/deal.ts";

// Bytes, not strings: encoding an 80 KB brief to UTF-8 on every response cost more than everything else.
type Entry = { stateKey: string; body: Uint8Array<ArrayBuffer> };

export type BriefCache = {
  /** The rendered brief for the deal's current state, building it only when the state has changed. */
  get(deal: Deal, format: "json" | "md", build: () => string): Uint8Array<ArrayBuffer>;
  evict(dealId: string): void;
};

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
        return hit.body;
      }
      const body = new TextEncoder().encode(build()) as Uint8Array<ArrayBuffer>;
      entries.delete(cacheKey);
      entries.set(cacheKey, { stateKey, body });
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      return body;
    },
    evict(dealId) {
      entries.delete(`${dealId}:json`);
      entries.delete(`${dealId}:md`);
    },
  };
}
