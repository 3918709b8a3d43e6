import type { ExtractorInfo } from "../domain/extractor-info.ts";
import type { Usage } from "../domain/usage.ts";
import { newId } from "./new-id.ts";
import type { Database } from "./open-database.ts";

export type RunStatus = "queued" | "running" | "succeeded" | "failed";

export type ExtractionRun = {
  id: string;
  dealId: string;
  status: RunStatus;
  requestedBy: string;
  extractor: ExtractorInfo | null;
  usage: Usage | null;
  /** Sources this run extracted (new ones only: sources already extracted are never paid for again). */
  sourceIds: string[];
  itemsAdded: number | null;
  error: { code: string; message: string } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

type RunRow = {
  id: string;
  deal_id: string;
  status: RunStatus;
  requested_by: string;
  extractor: string | null;
  usage: string | null;
  source_ids: string | null;
  error_code: string | null;
  error_message: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
};

const toRun = (row: RunRow): ExtractionRun => {
  const usage = row.usage ? (JSON.parse(row.usage) as Usage & { itemsAdded?: number }) : null;
  return {
    id: row.id,
    dealId: row.deal_id,
    status: row.status,
    requestedBy: row.requested_by,
    extractor: row.extractor ? (JSON.parse(row.extractor) as ExtractorInfo) : null,
    usage: usage
      ? {
          llmCalls: usage.llmCalls,
          cachedCalls: usage.cachedCalls,
          promptTokens: usage.promptTokens,
          completionTokens: usage.completionTokens,
        }
      : null,
    sourceIds: row.source_ids ? (JSON.parse(row.source_ids) as string[]) : [],
    itemsAdded: usage?.itemsAdded ?? null,
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? "" } : null,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
};

export type RunRepository = ReturnType<typeof createRunRepository>;

export function createRunRepository(db: Database) {
  return {
    create(dealId: string, requestedBy: string, now: Date): ExtractionRun {
      const id = newId("run");
      db.prepare("INSERT INTO extraction_runs (id, deal_id, status, requested_by, created_at) VALUES (?, ?, 'queued', ?, ?)").run(
        id,
        dealId,
        requestedBy,
        now.toISOString(),
      );
      return this.get(id)!;
    },
    get(id: string): ExtractionRun | undefined {
      const row = db.prepare("SELECT * FROM extraction_runs WHERE id = ?").get(id) as RunRow | undefined;
      return row ? toRun(row) : undefined;
    },
    /** The deal's oldest run still queued or running, if any. */
    findActive(dealId: string): ExtractionRun | undefined {
      const row = db
        .prepare("SELECT * FROM extraction_runs WHERE deal_id = ? AND status IN ('queued', 'running') ORDER BY created_at, id LIMIT 1")
        .get(dealId) as RunRow | undefined;
      return row ? toRun(row) : undefined;
    },
    listForDeal(dealId: string): ExtractionRun[] {
      return (db.prepare("SELECT * FROM extraction_runs WHERE deal_id = ? ORDER BY created_at, id").all(dealId) as RunRow[]).map(toRun);
    },
    markRunning(id: string, now: Date): void {
      db.prepare("UPDATE extraction_runs SET status = 'running', started_at = ? WHERE id = ?").run(now.toISOString(), id);
    },
    markSucceeded(
      id: string,
      result: { extractor: ExtractorInfo; usage: Usage; sourceIds: string[]; itemsAdded: number },
      now: Date,
    ): void {
      db.prepare(
        "UPDATE extraction_runs SET status = 'succeeded', extractor = ?, usage = ?, source_ids = ?, finished_at = ? WHERE id = ?",
      ).run(
        JSON.stringify(result.extractor),
        JSON.stringify({ ...result.usage, itemsAdded: result.itemsAdded }),
        JSON.stringify(result.sourceIds),
        now.toISOString(),
        id,
      );
    },
    markFailed(id: string, error: { code: string; message: string }, now: Date): void {
      db.prepare("UPDATE extraction_runs SET status = 'failed', error_code = ?, error_message = ?, finished_at = ? WHERE id = ?").run(
        error.code,
        error.message,
        now.toISOString(),
        id,
      );
    },
    /** Runs left queued or running by a stopped process are failed, so nobody waits on them forever. */
    failInterrupted(now: Date): number {
      return db
        .prepare(
          "UPDATE extraction_runs SET status = 'failed', error_code = 'INTERRUPTED', error_message = 'the service stopped before this run finished', finished_at = ? WHERE status IN ('queued', 'running')",
        )
        .run(now.toISOString()).changes as number;
    },
  };
}
