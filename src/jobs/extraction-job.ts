import { isAppError } from "../errors.ts";
import type { Extractor } from "../extraction/extractor.ts";
import { adviseRetry } from "../extraction/llm-retry-advice.ts";
import { type RunExtractionDeps, recordRunFailure, runExtraction } from "../handoff/run-extraction.ts";
import type { JobHandler, JobQueue } from "./job-queue.ts";

export const EXTRACTION_JOB = "extraction";

type ExtractionJobPayload = { runId: string; refresh: boolean };

type ExtractionJobDeps = RunExtractionDeps & {
  createExtractor(dealId: string, options?: { answeredSince?: string }): Promise<Extractor>;
};

/** Queues the job of an extraction run; the job's id is the run's id. */
export function enqueueExtraction(jobs: Pick<JobQueue, "enqueue">, runId: string, options: { refresh: boolean }): void {
  const payload: ExtractionJobPayload = { runId, refresh: options.refresh };
  jobs.enqueue({ id: runId, kind: EXTRACTION_JOB, payload });
}

/**
 * Runs an extraction run as a job and keeps the run (what users see) in step with it: queued while its job waits
 * for another attempt, failed with the reason when its job is dead-lettered.
 */
export function createExtractionJobHandler(deps: ExtractionJobDeps): JobHandler {
  const active = (runId: string) => {
    const status = deps.runs.get(runId)?.status;
    return status === "queued" || status === "running";
  };
  return {
    run: (payload, context) => {
      const { runId, refresh } = payload as ExtractionJobPayload;
      // A refresh run tried again keeps what its earlier attempts paid for, and only that: answers stored since the
      // run was created are hits, older ones misses.
      const since = refresh && context.attempt > 1 ? deps.runs.get(runId)?.createdAt : undefined;
      const runDeps: RunExtractionDeps =
        since === undefined ? deps : { ...deps, createExtractor: (dealId) => deps.createExtractor(dealId, { answeredSince: since }) };
      return runExtraction(runDeps, runId, { signal: context.signal, refresh: refresh && since === undefined, throwFailures: true });
    },
    judge: adviseRetry,
    describe: (error) => (isAppError(error) ? `${error.code}: ${error.message}`.slice(0, 500) : "INTERNAL: extraction failed unexpectedly"),
    onRequeued: (payload) => deps.runs.markQueued((payload as ExtractionJobPayload).runId),
    onDead: (payload, failure) => {
      const { runId } = payload as ExtractionJobPayload;
      if (!active(runId)) return;
      if (failure.error !== undefined) recordRunFailure(deps, runId, failure.error);
      else deps.runs.markFailed(runId, { code: "INTERRUPTED", message: failure.reason, failureCode: "INTERRUPTED" }, deps.now());
    },
  };
}
