import type { AppDeps } from "../deps.ts";
import { AppError } from "../errors.ts";
import type { RunExtractionDeps } from "../handoff/run-extraction.ts";
import { enqueueExtraction } from "../jobs/extraction-job.ts";
import type { Deal } from "../domain/deal.ts";
import { runInTransaction } from "../storage/open-database.ts";
import type { ExtractionRun } from "../storage/run-repository.ts";
import { type Actor, type AuditDeps, recordAudit } from "./actor.ts";
import { authorizeDeal, requireCapability } from "./authorize.ts";

type StartDeps = RunExtractionDeps & Pick<AppDeps, "deals" | "jobs"> & AuditDeps;

export type StartExtractionOptions = {
  /** Ask the model again even when an answer is cached (refusals never are). */
  refresh?: boolean;
  /** Wait up to this long for the run to finish; it runs on the job queue either way and is never cancelled by the wait. */
  waitMs?: number;
  /** Stops the wait early (the client went away); the run goes on. */
  signal?: AbortSignal;
};

/** A run answered to a start request: `reused` when the deal already had one queued or running. */
export type StartedRun = { run: ExtractionRun; reused: boolean };

/**
 * Starts an extraction run over the deal's sources not extracted yet, on the job queue; a deal whose run is still
 * queued or running gets that run back instead of a second one. With `waitMs`, answers once the run has finished
 * or the wait is over, whichever comes first (the caller tells the two apart by the run's status).
 */
export async function startExtraction(
  deps: StartDeps,
  actor: Actor,
  dealId: string,
  options: StartExtractionOptions = {},
): Promise<StartedRun> {
  const deal = authorizeDeal(deps, actor.user, dealId, "extract");
  if (deps.sources.listMeta(deal.id).length === 0) {
    throw new AppError({ code: "CONFLICT", message: "the deal has no sources yet: upload transcripts or emails first" });
  }
  const started = queueRunOnce(deps, actor, deal, { refresh: options.refresh === true });
  if (options.waitMs === undefined) return started;
  await waitForRun(deps, started.run.id, options.waitMs, options.signal);
  return { run: deps.runs.get(started.run.id) ?? started.run, reused: started.reused };
}

/** Whether a run has come to an end (succeeded or failed). */
export function isFinished(run: ExtractionRun): boolean {
  return run.status === "succeeded" || run.status === "failed";
}

/**
 * Queues a run for each deal named (every deal when none is), skipping deals without sources and reusing a run
 * still queued or running; an unknown deal id is NOT_FOUND and queues nothing.
 */
export function startBatch(deps: StartDeps, actor: Actor, dealIds: string[] | undefined): StartedRun[] {
  requireCapability(actor.user, "runBatches", "only RevOps runs batches");
  const ids = dealIds === undefined ? undefined : [...new Set(dealIds)];
  const deals = ids === undefined ? deps.deals.listAll() : ids.map((id) => deps.deals.get(id));
  const missing = ids?.filter((_, i) => deals[i] === undefined) ?? [];
  if (missing.length > 0) throw new AppError({ code: "NOT_FOUND", message: `unknown deal ids: ${missing.slice(0, 5).join(", ")}` });
  return deals
    .filter((deal): deal is Deal => deal !== undefined && deps.sources.listMeta(deal.id).length > 0)
    .map((deal) => queueRunOnce(deps, actor, deal, { refresh: false }));
}

export function listRuns(deps: Pick<AppDeps, "deals" | "runs">, actor: Actor, dealId: string): ExtractionRun[] {
  const deal = authorizeDeal(deps, actor.user, dealId, "read");
  return deps.runs.listForDeal(deal.id);
}

export function readRun(deps: Pick<AppDeps, "deals" | "runs">, actor: Actor, dealId: string, runId: string): ExtractionRun {
  const deal = authorizeDeal(deps, actor.user, dealId, "read");
  const run = deps.runs.get(runId);
  if (run === undefined || run.dealId !== deal.id) throw new AppError({ code: "NOT_FOUND", message: "extraction run not found" });
  return run;
}

/**
 * The deal's run still queued or running, or a new queued run and its job. The look-up and the inserts are one
 * transaction, so concurrent starts (and other processes on the same database) make one run per deal, and a crash
 * never leaves a run without the job that will run it.
 */
function queueRunOnce(deps: StartDeps, actor: Actor, deal: Deal, options: { refresh: boolean }): StartedRun {
  const started = runInTransaction(deps.db, (): StartedRun => {
    const active = deps.runs.findActive(deal.id);
    if (active !== undefined) return { run: active, reused: true };
    const run = deps.runs.create(deal.id, actor.user.id, deps.now());
    enqueueExtraction(deps.jobs, run.id, { refresh: options.refresh });
    return { run, reused: false };
  });
  if (started.reused) return started;
  recordAudit(deps, actor, { action: "extract", objectType: "extraction_run", objectId: started.run.id, dealId: deal.id });
  return started;
}

/** Resolves when the run's job has settled, `waitMs` has passed or `signal` aborts, whichever is first. */
async function waitForRun(deps: Pick<AppDeps, "jobs">, runId: string, waitMs: number, signal?: AbortSignal): Promise<void> {
  const cleanup = new AbortController();
  const stop = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, Math.max(0, waitMs));
    cleanup.signal.addEventListener("abort", () => clearTimeout(timer), { once: true });
    if (signal?.aborted) resolve();
    signal?.addEventListener("abort", () => resolve(), { once: true, signal: cleanup.signal });
  });
  try {
    await Promise.race([deps.jobs.settled(runId), stop]);
  } finally {
    cleanup.abort();
  }
}
