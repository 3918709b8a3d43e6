import { DatabaseSync } from "node:sqlite";
import type { ParsedSource } from "../domain/source.ts";

/**
 * A deal's stored parses in upload order, read by a thread of its own through a read-only connection to the database
 * file (opened for this read and closed after): the server's main thread neither copies nor parses their megabytes.
 */
export function readStoredParses(databasePath: string, dealId: string): ParsedSource[] {
  const db = new DatabaseSync(databasePath, { readOnly: true });
  try {
    db.exec("PRAGMA busy_timeout = 5000");
    const rows = db
      .prepare(
        `SELECT b.parsed FROM sources s JOIN source_bodies b ON b.deal_id = s.deal_id AND b.source_id = s.id
         WHERE s.deal_id = ? ORDER BY s.rowid`,
      )
      .all(dealId) as { parsed: string }[];
    return rows.map((row) => JSON.parse(row.parsed) as ParsedSource);
  } finally {
    db.close();
  }
}
