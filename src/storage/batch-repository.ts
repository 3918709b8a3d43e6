import type { BatchDealProgress } from "../domain/batch.ts";
import type { Usage } from "../domain/usage.ts";
import { newId } from "./new-id.ts";
import { type Database, runInTransaction } from "./open-database.ts";

/** What the batch service records for one row when the batch starts; a queued row's outcome comes from its run. */
export type NewBatchDeal = {
  dealKey: string;
  dealId: string | null;
  runId: string | null;
  status: "queued" | "unchanged" | "failed";
  reason: string | null;
};

export type StoredBatch = { id: string; createdBy: string; createdAt: string; origin: "cli" | "api"; deals: BatchDealProgress[] };

type BatchRow = { id: string; created_by: string; created_at: string; origin: "cli" | "api" };
type DealRow = {
  batch_id: string;
  deal_key: string;
  deal_id: string | null;
  run_id: string | null;
  status: NewBatchDeal["status"];
  reason: string | null;
  run_status: "queued" | "running" | "succeeded" | "failed" | null;
  run_usage: string | null;
  run_error: string | null;
};

const DEALS_SQL = `SELECT bd.batch_id, bd.deal_key, bd.deal_id, bd.run_id, bd.status, bd.reason,
    r.status AS run_status, r.usage AS run_usage, r.error_message AS run_error
  FROM batch_deals bd LEFT JOIN extraction_runs r ON r.id = bd.run_id`;

function toProgress(row: DealRow): BatchDealProgress {
  const usage = row.run_usage === null ? null : (JSON.parse(row.run_usage) as Usage);
  const tokens = { promptTokens: usage?.promptTokens ?? 0, outputTokens: usage?.completionTokens ?? 0 };
  const base = { dealKey: row.deal_key, dealId: row.deal_id, runId: row.run_id, ...tokens };
  if (row.status !== "queued") return { ...base, status: row.status, reason: row.reason };
  switch (row.run_status) {
    case "queued":
    case "running":
      return { ...base, status: row.run_status, reason: null };
    case "succeeded":
      return { ...base, status: "extracted", reason: null };
    case "failed":
      return { ...base, status: "failed", reason: `extraction failed: ${row.run_error ?? "unknown error"}` };
    case null:
      return { ...base, status: "failed", reason: "the deal was deleted" };
  }
}

export type BatchRepository = ReturnType<typeof createBatchRepository>;

export function createBatchRepository(db: Database) {
  const toBatch = (row: BatchRow, deals: BatchDealProgress[]): StoredBatch => ({
    id: row.id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    origin: row.origin,
    deals,
  });
  return {
    /** Stores a batch and its rows in one transaction; returns its id. */
    add(input: { createdBy: string; origin: "cli" | "api"; deals: NewBatchDeal[] }, now: Date): string {
      const id = newId("batch");
      runInTransaction(db, () => {
        db.prepare("INSERT INTO batches (id, created_by, created_at, origin) VALUES (?, ?, ?, ?)").run(
          id,
          input.createdBy,
          now.toISOString(),
          input.origin,
        );
        const insert = db.prepare(
          "INSERT INTO batch_deals (batch_id, position, deal_key, deal_id, run_id, status, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
        );
        for (const [position, deal] of input.deals.entries()) {
          insert.run(id, position, deal.dealKey, deal.dealId, deal.runId, deal.status, deal.reason);
        }
      });
      return id;
    },
    get(id: string): StoredBatch | undefined {
      const row = db.prepare("SELECT id, created_by, created_at, origin FROM batches WHERE id = ?").get(id) as BatchRow | undefined;
      if (row === undefined) return undefined;
      const deals = db.prepare(`${DEALS_SQL} WHERE bd.batch_id = ? ORDER BY bd.position`).all(id) as DealRow[];
      return toBatch(row, deals.map(toProgress));
    },
    /** The latest batches, newest first, each with its rows as they stand now. */
    listRecent(limit: number): StoredBatch[] {
      const rows = db
        .prepare("SELECT id, created_by, created_at, origin FROM batches ORDER BY created_at DESC, rowid DESC LIMIT ?")
        .all(limit) as BatchRow[];
      if (rows.length === 0) return [];
      const deals = db
        .prepare(`${DEALS_SQL} WHERE bd.batch_id IN (${rows.map(() => "?").join(", ")}) ORDER BY bd.position`)
        .all(...rows.map((row) => row.id)) as DealRow[];
      return rows.map((row) => toBatch(row, deals.filter((deal) => deal.batch_id === row.id).map(toProgress)));
    },
  };
}
