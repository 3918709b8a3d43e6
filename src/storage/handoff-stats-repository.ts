import type { ItemOrigin, ItemStatus } from "../domain/item.ts";
import type { SectionKey } from "../domain/sections.ts";
import type { HandoffReportDealInput } from "../domain/handoff-report-input.ts";
import type { Database } from "./open-database.ts";

type DealRow = {
  id: string;
  account: string;
  close_date: string | null;
  ae_id: string;
  csm_id: string | null;
  ae_name: string | null;
  csm_name: string | null;
};
type ItemCountRow = {
  deal_id: string;
  section: SectionKey;
  status: ItemStatus;
  origin: ItemOrigin;
  needs_checking: number;
  n: number;
};
type VersionRow = { deal_id: string; version: number; first_approved_at: string; items: number };

export type HandoffStatsRepository = ReturnType<typeof createHandoffStatsRepository>;

/**
 * Aggregates for the RevOps report in a handful of grouped queries over all deals: counts and section keys,
 * never item, source or answer content, and no per-deal JSON parsing of sources.
 */
export function createHandoffStatsRepository(db: Database) {
  const group = <T>(rows: T[], key: (row: T) => string): Map<string, T[]> => {
    const map = new Map<string, T[]>();
    for (const row of rows) {
      const list = map.get(key(row));
      if (list) list.push(row);
      else map.set(key(row), [row]);
    }
    return map;
  };
  return {
    listReportInputs(): HandoffReportDealInput[] {
      const deals = db
        .prepare(
          `SELECT d.id, d.account, d.close_date, d.ae_id, d.csm_id, ae.name AS ae_name, csm.name AS csm_name
           FROM deals d LEFT JOIN users ae ON ae.id = d.ae_id LEFT JOIN users csm ON csm.id = d.csm_id
           ORDER BY d.close_date IS NULL, d.close_date, d.created_at`,
        )
        .all() as DealRow[];
      const sources = new Map(
        (db.prepare("SELECT deal_id, COUNT(*) AS n FROM sources GROUP BY deal_id").all() as { deal_id: string; n: number }[]).map((r) => [
          r.deal_id,
          r.n,
        ]),
      );
      const items = group(
        db
          .prepare(
            `SELECT deal_id, section, status, origin, needs_checking, COUNT(*) AS n FROM items
             GROUP BY deal_id, section, status, origin, needs_checking`,
          )
          .all() as ItemCountRow[],
        (r) => r.deal_id,
      );
      const answers = group(
        // A contract field's answer (accountOverview.<field>) fills no section: only section answers are read.
        db.prepare("SELECT deal_id, section FROM gap_answers WHERE instr(section, '.') = 0").all() as {
          deal_id: string;
          section: SectionKey;
        }[],
        (r) => r.deal_id,
      );
      const latest = new Map(
        (
          db
            .prepare(
              `SELECT v.deal_id, v.version, f.first_approved_at, json_array_length(v.document, '$.items') AS items
               FROM handoff_versions v
               JOIN (SELECT deal_id, MAX(version) AS version, MIN(approved_at) AS first_approved_at FROM handoff_versions GROUP BY deal_id) f
                 ON f.deal_id = v.deal_id AND f.version = v.version`,
            )
            .all() as VersionRow[]
        ).map((r) => [r.deal_id, r]),
      );
      // Only the section keys of the latest version's unanswered gaps leave the document.
      const versionGaps = group(
        db
          .prepare(
            `SELECT v.deal_id, json_extract(g.value, '$.section') AS section
             FROM handoff_versions v
             JOIN (SELECT deal_id, MAX(version) AS version FROM handoff_versions GROUP BY deal_id) m
               ON m.deal_id = v.deal_id AND m.version = v.version,
             json_each(v.document, '$.gaps') g`,
          )
          .all() as { deal_id: string; section: SectionKey }[],
        (r) => r.deal_id,
      );
      return deals.map((row) => {
        const version = latest.get(row.id);
        return {
          deal: { id: row.id, account: row.account, closeDate: row.close_date, aeId: row.ae_id, csmId: row.csm_id },
          aeName: row.ae_name,
          csmName: row.csm_name,
          sourceCount: sources.get(row.id) ?? 0,
          itemCounts: (items.get(row.id) ?? []).map((r) => ({
            section: r.section,
            status: r.status,
            origin: r.origin,
            needsChecking: r.needs_checking === 1,
            count: r.n,
          })),
          answeredSections: (answers.get(row.id) ?? []).map((r) => r.section),
          approved: version
            ? {
                version: version.version,
                firstApprovedAt: version.first_approved_at,
                items: version.items,
                gapSections: (versionGaps.get(row.id) ?? []).map((r) => r.section),
              }
            : null,
        };
      });
    },
  };
}
