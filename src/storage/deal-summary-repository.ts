import type { RunStatus } from "./run-repository.ts";
import type { Database } from "./open-database.ts";

/** Counts that say where a deal stands, read in one query for a whole list of deals. */
export type DealSummary = {
  sourceCount: number;
  /** Sources no extraction run has read yet. */
  pendingSourceCount: number;
  /** The most recent extraction run's status; null before the first run. */
  lastRunStatus: RunStatus | null;
  /** Items that can go into the handoff (those whose every citation failed verification are counted apart). */
  itemCount: number;
  /** Of those, items the AE has decided on (approved, edited or rejected). */
  reviewedCount: number;
  needsCheckingCount: number;
  latestVersion: number | null;
};

type SummaryRow = {
  id: string;
  source_count: number;
  pending_source_count: number;
  last_run_status: RunStatus | null;
  item_count: number;
  reviewed_count: number;
  needs_checking_count: number;
  latest_version: number | null;
};

export type DealSummaryRepository = ReturnType<typeof createDealSummaryRepository>;

export function createDealSummaryRepository(db: Database) {
  // Ids are passed as one JSON array, so a long list needs neither many parameters nor many queries.
  const summarize = db.prepare(
    `SELECT d.id,
       (SELECT COUNT(*) FROM sources s WHERE s.deal_id = d.id) AS source_count,
       (SELECT COUNT(*) FROM sources s WHERE s.deal_id = d.id
         AND NOT EXISTS (SELECT 1 FROM source_extractions e WHERE e.deal_id = s.deal_id AND e.source_id = s.id)) AS pending_source_count,
       (SELECT r.status FROM extraction_runs r WHERE r.deal_id = d.id ORDER BY r.created_at DESC, r.id DESC LIMIT 1) AS last_run_status,
       (SELECT COUNT(*) FROM items i WHERE i.deal_id = d.id AND i.needs_checking = 0) AS item_count,
       (SELECT COUNT(*) FROM items i WHERE i.deal_id = d.id AND i.needs_checking = 0 AND i.status <> 'draft') AS reviewed_count,
       (SELECT COUNT(*) FROM items i WHERE i.deal_id = d.id AND i.needs_checking = 1) AS needs_checking_count,
       (SELECT MAX(v.version) FROM handoff_versions v WHERE v.deal_id = d.id) AS latest_version
     FROM deals d WHERE d.id IN (SELECT value FROM json_each(?))`,
  );
  return {
    /** The summary of each deal named, by deal id; unknown ids are absent. */
    summarize(dealIds: string[]): Map<string, DealSummary> {
      const rows = summarize.all(JSON.stringify(dealIds)) as SummaryRow[];
      return new Map(
        rows.map((row) => [
          row.id,
          {
            sourceCount: row.source_count,
            pendingSourceCount: row.pending_source_count,
            lastRunStatus: row.last_run_status,
            itemCount: row.item_count,
            reviewedCount: row.reviewed_count,
            needsCheckingCount: row.needs_checking_count,
            latestVersion: row.latest_version,
          },
        ]),
      );
    },
  };
}
