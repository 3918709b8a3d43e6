import { createHash } from "node:crypto";
import type { Database } from "../storage/open-database.ts";

type Entry = { stateKey: string; body: string };

export type BriefCache = {
  /** The rendered brief for the deal's current state, building it only when the state has changed. */
  get(dealId: string, format: "json" | "md", build: () => string): string;
  evict(dealId: string): void;
};

const MAX_ENTRIES = 500;

/**
 * Briefs are read far more often than deals change (CSMs, dashboards), and building one costs
 * milliseconds. The key is a fingerprint of everything a brief reads (items, gap answers,
 * versions, the deal row) and the day, since the timeline's overdue marks change with the date.
 */
export function createBriefCache(db: Database, now: () => Date): BriefCache {
  const entries = new Map<string, Entry>();
  const fingerprint = db.prepare(
    `SELECT
       (SELECT group_concat(id || ':' || status || ':' || section || ':' || needs_checking || ':' || statement, char(31))
          FROM items WHERE deal_id = ?1) || '|' ||
       (SELECT group_concat(section || ':' || answer, char(31)) FROM gap_answers WHERE deal_id = ?1) || '|' ||
       (SELECT COALESCE(MAX(version), 0) FROM handoff_versions WHERE deal_id = ?1) || '|' ||
       (SELECT updated_at || ':' || COALESCE(csm_id, '') FROM deals WHERE id = ?1) AS key`,
  );
  return {
    get(dealId, format, build) {
      const row = fingerprint.get(dealId) as { key: string | null };
      // Hashed so a cache entry keeps 20 bytes of key, not a copy of every statement.
      const stateKey = createHash("sha1").update(row.key ?? "").update(now().toISOString().slice(0, 10)).digest("base64");
      const cacheKey = `${dealId}:${format}`;
      const hit = entries.get(cacheKey);
      if (hit !== undefined && hit.stateKey === stateKey) {
        // Refresh recency for the LRU order.
        entries.delete(cacheKey);
        entries.set(cacheKey, hit);
        return hit.body;
      }
      const body = build();
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
