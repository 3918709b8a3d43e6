import type { Citation } from "../domain/citation.ts";
import type { DraftItem, ItemOrigin, ItemStatus } from "../domain/item.ts";
import type { SectionKey } from "../domain/sections.ts";
import type { StoredItem } from "../domain/stored-item.ts";
import type { Database } from "./open-database.ts";

type ItemRow = {
  id: string;
  section: SectionKey;
  statement: string;
  extracted_statement: string | null;
  citations: string;
  details: string;
  flags: string;
  origin: ItemOrigin;
  status: ItemStatus;
  needs_checking: number;
  run_id: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
};

const toItem = (row: ItemRow): StoredItem => {
  const flags = JSON.parse(row.flags) as string[];
  return {
    id: row.id,
    section: row.section,
    statement: row.statement,
    citations: JSON.parse(row.citations) as Citation[],
    status: row.status,
    details: JSON.parse(row.details) as Record<string, unknown>,
    origin: row.origin,
    ...(flags.length > 0 ? { flags } : {}),
    extractedStatement: row.extracted_statement,
    needsChecking: row.needs_checking === 1,
    runId: row.run_id,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
};

export type ItemRepository = ReturnType<typeof createItemRepository>;

export function createItemRepository(db: Database) {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO items (deal_id, id, section, statement, extracted_statement, citations, details, flags, origin, status,
       needs_checking, run_id, position, created_at, updated_at)
     VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const nextPosition = db.prepare("SELECT COALESCE(MAX(position), -1) + 1 AS next FROM items WHERE deal_id = ?");
  const get = (dealId: string, itemId: string): StoredItem | undefined => {
    const row = db.prepare("SELECT * FROM items WHERE deal_id = ? AND id = ?").get(dealId, itemId) as ItemRow | undefined;
    return row ? toItem(row) : undefined;
  };

  return {
    /**
     * Adds items that are not stored yet; an item whose id exists is left exactly as the reviewer left it.
     * Returns how many were added.
     */
    addIfNew(dealId: string, items: { item: DraftItem; needsChecking: boolean }[], runId: string | null, now: Date): number {
      let position = (nextPosition.get(dealId) as { next: number }).next;
      let added = 0;
      const at = now.toISOString();
      for (const { item, needsChecking } of items) {
        const result = insert.run(
          dealId,
          item.id,
          item.section,
          item.statement,
          JSON.stringify(item.citations),
          JSON.stringify(item.details ?? {}),
          JSON.stringify(item.flags ?? []),
          item.origin ?? "extracted",
          item.status,
          needsChecking ? 1 : 0,
          runId,
          position,
          at,
          at,
        );
        if (result.changes > 0) {
          added += 1;
          position += 1;
        }
      }
      return added;
    },
    list(dealId: string): StoredItem[] {
      return (db.prepare("SELECT * FROM items WHERE deal_id = ? ORDER BY position").all(dealId) as ItemRow[]).map(toItem);
    },
    get,
    /**
     * Records a review decision under the item's next version; the first edit keeps the extractor's statement for the
     * record. With `ifVersion`, only while the item is still at that version. Undefined when there is no such item, or
     * it is no longer at `ifVersion`.
     */
    review(
      dealId: string,
      itemId: string,
      change: { status: ItemStatus; statement?: string; section?: SectionKey; details?: Record<string, unknown>; reviewedBy: string },
      now: Date,
      ifVersion?: number,
    ): StoredItem | undefined {
      const current = get(dealId, itemId);
      if (current === undefined) return undefined;
      const statementChanged = change.statement !== undefined && change.statement !== current.statement;
      const result = db
        .prepare(
          `UPDATE items SET status = ?, statement = ?, section = ?, details = ?, extracted_statement = ?, reviewed_by = ?, reviewed_at = ?,
           updated_at = ?, version = version + 1 WHERE deal_id = ? AND id = ? AND version = ?`,
        )
        .run(
          change.status,
          change.statement ?? current.statement,
          change.section ?? current.section,
          JSON.stringify(change.details ?? current.details ?? {}),
          statementChanged && current.extractedStatement === null ? current.statement : current.extractedStatement,
          change.reviewedBy,
          now.toISOString(),
          now.toISOString(),
          dealId,
          itemId,
          ifVersion ?? current.version,
        );
      return result.changes > 0 ? get(dealId, itemId) : undefined;
    },
  };
}
