import type { ExtractorInfo } from "../domain/extractor-info.ts";
import type { Usage } from "../domain/usage.ts";
import { newId } from "./new-id.ts";
import type { Database } from "./open-database.ts";
import { type RunFailureCode, RunFailureCodeSchema } from "./run-failure-code.ts";

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
  /** Why the run failed, from a closed set; null unless it failed. `error.code` keeps the code as it was stored. */
  failureCode: RunFailureCode | null;
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
  failure_code: string | null;
  items_added: number | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
};

const toRun = (row: RunRow): ExtractionRun => {
  const usage = row.usage ? (JSON.parse(row.usage) as Usage) : null;
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
    itemsAdded: row.items_added,
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? "" } : null,
    failureCode: row.failure_code === null ? null : RunFailureCodeSchema.parse(row.failure_code),
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
};

const INTERRUPTED: RunFailureCode = "INTERRUPTED";

export type RunRepository = ReturnType<typeof createRunRepository>;

export function createRunRepository(db: Database) {
  const get = (id: string): ExtractionRun | undefined => {
    const row = db.prepare("SELECT * FROM extraction_runs WHERE id = ?").get(id) as RunRow | undefined;
    return row ? toRun(row) : undefined;
  };

  return {
    create(dealId: string, requestedBy: string, now: Date): ExtractionRun {
      const id = newId("run");
      db.prepare("INSERT INTO extraction_runs (id, deal_id, status, requested_by, created_at) VALUES (?, ?, 'queued', ?, ?)").run(
        id,
        dealId,
        requestedBy,
        now.toISOString(),
      );
      return get(id)!;
    },
    get,
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
    /** Back to queued: its job will run it again (a retry, a rate limit, a shutdown). */
    markQueued(id: string): void {
      db.prepare("UPDATE extraction_runs SET status = 'queued' WHERE id = ? AND status IN ('queued', 'running')").run(id);
    },
    markSucceeded(
      id: string,
      result: { extractor: ExtractorInfo; usage: Usage; sourceIds: string[]; itemsAdded: number },
      now: Date,
    ): void {
      db.prepare(
        "UPDATE extraction_runs SET status = 'succeeded', extractor = ?, usage = ?, source_ids = ?, items_added = ?, finished_at = ? WHERE id = ?",
      ).run(
        JSON.stringify(result.extractor),
        JSON.stringify(result.usage),
        JSON.stringify(result.sourceIds),
        result.itemsAdded,
        now.toISOString(),
        id,
      );
    },
    markFailed(id: string, error: { code: string; message: string; failureCode: RunFailureCode }, now: Date): void {
      db.prepare(
        "UPDATE extraction_runs SET status = 'failed', error_code = ?, error_message = ?, failure_code = ?, finished_at = ? WHERE id = ?",
      ).run(error.code, error.message, error.failureCode, now.toISOString(), id);
    },
    /**
     * Runs left queued or running that no job will resume (queued before the durable queue, or their job is dead) are
     * failed, so nobody waits on them forever. A run whose job is still queued or running is left to its job.
     */
    failInterrupted(now: Date): number {
      return db
        .prepare(
          `UPDATE extraction_runs SET status = 'failed', error_code = ?, error_message = 'the service stopped before this run finished', failure_code = ?, finished_at = ?
           WHERE status IN ('queued', 'running')
             AND NOT EXISTS (SELECT 1 FROM jobs WHERE jobs.id = extraction_runs.id AND jobs.status IN ('queued', 'running'))`,
        )
        .run(INTERRUPTED, INTERRUPTED, now.toISOString()).changes as number;
    },
  };
}
