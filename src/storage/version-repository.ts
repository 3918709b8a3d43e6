import type { HandoffDocument } from "../domain/handoff-document.ts";
import type { Database } from "./open-database.ts";

/** One approved version as listed: who approved it and when, without the document. */
export type VersionMeta = { version: number; approvedBy: string; approvedAt: string };

export type StoredVersion = VersionMeta & { document: HandoffDocument };

type VersionRow = { version: number; approved_by: string; approved_at: string };

export type VersionRepository = ReturnType<typeof createVersionRepository>;

/** Approved handoff versions: written once, never updated; deleting the deal removes them (ON DELETE CASCADE). */
export function createVersionRepository(db: Database) {
  const toMeta = (row: VersionRow): VersionMeta => ({ version: row.version, approvedBy: row.approved_by, approvedAt: row.approved_at });
  const get = (dealId: string, version: number): StoredVersion | undefined => {
    const row = db
      .prepare("SELECT version, document, approved_by, approved_at FROM handoff_versions WHERE deal_id = ? AND version = ?")
      .get(dealId, version) as (VersionRow & { document: string }) | undefined;
    return row ? { ...toMeta(row), document: JSON.parse(row.document) as HandoffDocument } : undefined;
  };

  return {
    /** Stores the document under its own version number; a second write of the same number fails on the primary key. */
    add(dealId: string, document: HandoffDocument): StoredVersion {
      db.prepare("INSERT INTO handoff_versions (deal_id, version, document, approved_by, approved_at) VALUES (?, ?, ?, ?, ?)").run(
        dealId,
        document.version,
        JSON.stringify(document),
        document.approvedBy,
        document.approvedAt,
      );
      return { version: document.version, approvedBy: document.approvedBy, approvedAt: document.approvedAt, document };
    },
    /** Oldest first. */
    list(dealId: string): VersionMeta[] {
      const rows = db
        .prepare("SELECT version, approved_by, approved_at FROM handoff_versions WHERE deal_id = ? ORDER BY version")
        .all(dealId) as VersionRow[];
      return rows.map(toMeta);
    },
    get,
    latest(dealId: string): StoredVersion | undefined {
      const row = db.prepare("SELECT MAX(version) AS version FROM handoff_versions WHERE deal_id = ?").get(dealId) as
        | { version: number | null }
        | undefined;
      return row?.version == null ? undefined : get(dealId, row.version);
    },
  };
}
