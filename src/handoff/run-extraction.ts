import { type DraftLimits, draftOffMainThread } from "../drafting/draft-pool.ts";
import { AppError, isAppError } from "../errors.ts";
import { NO_USAGE } from "../domain/usage.ts";
import type { Extractor } from "../extraction/extractor.ts";
import { logExtractionFailure } from "../extraction/log-extraction-failure.ts";
import type { Logger } from "../logger.ts";
import type { ItemRepository } from "../storage/item-repository.ts";
import { type Database, runInTransaction } from "../storage/open-database.ts";
import { runFailureCodeFor } from "../storage/run-failure-code.ts";
import type { RunRepository } from "../storage/run-repository.ts";
import type { SourceRepository } from "../storage/source-repository.ts";

export type RunExtractionDeps = {
  db: Database;
  runs: RunRepository;
  sources: SourceRepository;
  items: ItemRepository;
  /** How the draft threads the runs use are held in check. */
  config: { drafting: DraftLimits };
  /** The extractor for one deal. */
  createExtractor(dealId: string): Promise<Extractor>;
  logger: Logger;
  now: () => Date;
};

export type RunExtractionOptions = {
  /** Aborts the run (the job queue's shutdown). */
  signal?: AbortSignal;
  /** Ask the model again even when an answer is cached. */
  refresh?: boolean;
  /** Failures are thrown to the caller (the job queue), which decides between a retry and recordRunFailure. */
  throwFailures?: boolean;
};

/**
 * Runs one extraction run of a deal: only sources not extracted before are sent to the extractor
 * (so a re-run never pays for them again), new items are added, and items already stored stay exactly
 * as the reviewer left them. All writes happen in one transaction; a failure writes nothing but the run's error.
 * A run already finished is left alone, so a job run again after a crash never adds items or pays twice.
 */
export async function runExtraction(deps: RunExtractionDeps, runId: string, options: RunExtractionOptions = {}): Promise<void> {
  const { signal } = options;
  const run = deps.runs.get(runId);
  if (run === undefined || run.status === "succeeded" || run.status === "failed") return;
  deps.runs.markRunning(runId, deps.now());
  try {
    const freshIds = deps.sources
      .listMeta(run.dealId)
      .filter((m) => m.extractedRunId === null)
      .map((m) => m.id);
    const extractor = await deps.createExtractor(run.dealId);
    if (freshIds.length === 0) {
      deps.runs.markSucceeded(runId, { extractor: extractor.info, usage: NO_USAGE, sourceIds: [], itemsAdded: 0 }, deps.now());
      return;
    }
    // The draft thread reads the stored parses from the database file itself: this thread never copies or parses them.
    const database = deps.db.location();
    const sources = database === null ? { stored: deps.sources.listParsedBytes(run.dealId) } : { database, dealId: run.dealId };
    const fresh = new Set(freshIds);
    const readFresh = () => deps.sources.listParsed(run.dealId).filter((p) => fresh.has(p.source.id));
    const draft = await draftOffMainThread({ sources, freshIds, readFresh, extractor, now: deps.now }, deps.config.drafting, {
      ...(signal ? { signal } : {}),
      ...(options.refresh ? { refresh: true } : {}),
    });
    if (signal?.aborted) throw new AppError({ code: "TIMEOUT", message: "extraction was cancelled" });
    runInTransaction(deps.db, () => {
      // Another worker may have finished this run while this one was presumed dead.
      if (deps.runs.get(runId)?.status !== "running") return;
      const added = deps.items.addIfNew(
        run.dealId,
        [
          ...draft.items.map((item) => ({ item, needsChecking: false })),
          ...draft.needsChecking.map((item) => ({ item, needsChecking: true })),
        ],
        runId,
        deps.now(),
      );
      // A source deleted while the draft was made is not marked, nor listed as extracted.
      const sourceIds = deps.sources.markExtracted(run.dealId, freshIds, runId);
      deps.runs.markSucceeded(runId, { extractor: draft.extractor, usage: draft.usage, sourceIds, itemsAdded: added }, deps.now());
    });
  } catch (error) {
    if (options.throwFailures) throw error;
    recordRunFailure(deps, runId, error);
  }
}

/** Marks the run failed with the error's code and one-line message, and writes the failure's log line. */
export function recordRunFailure(deps: Pick<RunExtractionDeps, "runs" | "logger" | "now">, runId: string, error: unknown): void {
  const failureCode = runFailureCodeFor(error);
  const failure = isAppError(error)
    ? { code: error.code, message: error.message, failureCode }
    : { code: "INTERNAL", message: "extraction failed unexpectedly", failureCode };
  logExtractionFailure(deps.logger, runId, error);
  deps.runs.markFailed(runId, failure, deps.now());
}
