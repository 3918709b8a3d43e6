import type { ParsedSource } from "../domain/source.ts";
import type { Database } from "./open-database.ts";

export type StoredSourceMeta = {
  id: string;
  filename: string;
  format: string;
  sha256: string;
  byteLength: number;
  segmentCount: number;
  extractedRunId: string | null;
  uploadedBy: string;
  createdAt: string;
};

/** One source's stored parse (a ParsedSource as JSON), as UTF-8 bytes. */
export type StoredParse = { id: string; json: Uint8Array };

type SourceRow = {
  id: string;
  filename: string;
  format: string;
  sha256: string;
  byte_length: number;
  segment_count: number;
  extracted_run_id: string | null;
  uploaded_by: string;
  created_at: string;
};

export type SourceRepository = ReturnType<typeof createSourceRepository>;

export function createSourceRepository(db: Database) {
  const toMeta = (row: SourceRow): StoredSourceMeta => ({
    id: row.id,
    filename: row.filename,
    format: row.format,
    sha256: row.sha256,
    byteLength: row.byte_length,
    segmentCount: row.segment_count,
    extractedRunId: row.extracted_run_id,
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at,
  });
  // Listed by rowid: upload order, even for files stored in the same millisecond.
  // The bytes and the parse live in source_bodies and the run that extracted a source in source_extractions: a
  // listing never reads or parses megabytes, and marking a source extracted never rewrites them.
  const COLUMNS = `id, filename, format, sha256, byte_length, segment_count, uploaded_by, created_at,
    (SELECT run_id FROM source_extractions e WHERE e.deal_id = sources.deal_id AND e.source_id = sources.id) AS extracted_run_id`;
  return {
    /** Stores the original bytes and the parse; false when the deal already has a source with these bytes. */
    add(dealId: string, parsed: ParsedSource, content: Uint8Array, uploadedBy: string, now: Date): boolean {
      db.exec("SAVEPOINT add_source");
      try {
        const added =
          db
            .prepare(
              `INSERT OR IGNORE INTO sources (deal_id, id, filename, format, sha256, byte_length, segment_count, uploaded_by, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(
              dealId,
              parsed.source.id,
              parsed.source.filename,
              parsed.source.format,
              parsed.source.sha256,
              content.byteLength,
              parsed.segments.length,
              uploadedBy,
              now.toISOString(),
            ).changes > 0;
        if (added) {
          db.prepare("INSERT INTO source_bodies (deal_id, source_id, content, parsed) VALUES (?, ?, ?, ?)").run(
            dealId,
            parsed.source.id,
            content,
            JSON.stringify(parsed),
          );
        }
        db.exec("RELEASE add_source");
        return added;
      } catch (error) {
        db.exec("ROLLBACK TO add_source; RELEASE add_source");
        throw error;
      }
    },
    listMeta(dealId: string): StoredSourceMeta[] {
      return (db.prepare(`SELECT ${COLUMNS} FROM sources WHERE deal_id = ? ORDER BY rowid`).all(dealId) as SourceRow[]).map(toMeta);
    },
    getMeta(dealId: string, sourceId: string): StoredSourceMeta | undefined {
      const row = db.prepare(`SELECT ${COLUMNS} FROM sources WHERE deal_id = ? AND id = ?`).get(dealId, sourceId) as SourceRow | undefined;
      return row ? toMeta(row) : undefined;
    },
    /** Parsed sources of a deal in upload order. */
    listParsed(dealId: string): ParsedSource[] {
      return (
        db
          .prepare(`SELECT b.parsed FROM sources s JOIN source_bodies b ON b.deal_id = s.deal_id AND b.source_id = s.id
                    WHERE s.deal_id = ? ORDER BY s.rowid`)
          .all(dealId) as { parsed: string }[]
      ).map((row) => JSON.parse(row.parsed) as ParsedSource);
    },
    /**
     * The stored parses of a deal in upload order as their UTF-8 bytes, for a thread to decode and parse: the main
     * thread copies them out of SQLite and hands them over, never parsing megabytes of JSON itself.
     */
    listParsedBytes(dealId: string): StoredParse[] {
      return db
        .prepare(
          `SELECT s.id, CAST(b.parsed AS BLOB) AS json FROM sources s JOIN source_bodies b ON b.deal_id = s.deal_id AND b.source_id = s.id
           WHERE s.deal_id = ? ORDER BY s.rowid`,
        )
        .all(dealId) as StoredParse[];
    },
    getParsed(dealId: string, sourceId: string): ParsedSource | undefined {
      const row = db.prepare("SELECT parsed FROM source_bodies WHERE deal_id = ? AND source_id = ?").get(dealId, sourceId) as
        | { parsed: string }
        | undefined;
      return row ? (JSON.parse(row.parsed) as ParsedSource) : undefined;
    },
    /** Marks the sources extracted by the run; answers those marked (a source deleted meanwhile is skipped). */
    markExtracted(dealId: string, sourceIds: string[], runId: string): string[] {
      const mark = db.prepare(
        "INSERT OR REPLACE INTO source_extractions (deal_id, source_id, run_id) SELECT deal_id, id, ? FROM sources WHERE deal_id = ? AND id = ?",
      );
      return sourceIds.filter((id) => mark.run(runId, dealId, id).changes > 0);
    },
    delete(dealId: string, sourceId: string): boolean {
      return db.prepare("DELETE FROM sources WHERE deal_id = ? AND id = ?").run(dealId, sourceId).changes > 0;
    },
  };
}
