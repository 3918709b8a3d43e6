/** What a job handler is given while it runs. */
export type JobContext = {
  jobId: string;
  /** 1 on the first claim; a job taken over after its worker died counts that claim too. */
  attempt: number;
  /** Aborted when the queue stops (the job is handed back, not failed) or the lease was lost. */
  signal: AbortSignal;
};

/** How a failed attempt is treated: dead at once, or run again (after `afterMs`, else exponential backoff). */
export type FailureVerdict = { retry: false } | { retry: true; afterMs?: number; countsAsAttempt: boolean };

/** One kind of job: how it runs, how its failures are judged, and what its own records do when its job changes state. */
export type JobHandler = {
  run(payload: unknown, context: JobContext): Promise<void>;
  judge(error: unknown): FailureVerdict;
  /** The one-line reason stored on the job: codes and settings, never content. */
  describe(error: unknown): string;
  /** The job goes back to queued (a retry, a rate limit, a shutdown); runs in the same transaction as that change. */
  onRequeued?(payload: unknown): void;
  /** The job is dead-lettered; runs in the same transaction. `error` is absent when its worker died on every attempt. */
  onDead?(payload: unknown, failure: { error?: unknown; reason: string }): void;
};

/** A job as a caller queues it: the payload is stored as JSON, so it must survive JSON.stringify. */
export type NewJob = { id: string; kind: string; payload: unknown };

export type JobState = {
  status: "queued" | "running" | "succeeded" | "dead";
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
};

/**
 * The job queue the service runs work on. Implemented on SQLite (sqlite-job-queue.ts); a Postgres-backed queue
 * (pg-boss) implements the same interface (see README "Job queue").
 */
export type JobQueue = {
  /** Names the handler of a kind of job; jobs of a kind with no handler are dead-lettered when claimed. */
  register(kind: string, handler: JobHandler): void;
  /** Stores a job (a job whose id is already stored is left as it is) and lets a worker take it. */
  enqueue(job: NewJob): void;
  /** Workers also take jobs queued by other processes and jobs whose worker died (`baton serve` calls it once). */
  start(): void;
  /** Resolves when no job is queued or running (tests and batch callers wait on it). */
  idle(): Promise<void>;
  /** Resolves when the job has succeeded or is dead (at once when there is no such job). */
  settled(id: string): Promise<void>;
  /** The stored state of a job, if any. */
  inspect(id: string): JobState | undefined;
  /**
   * Stops claiming, gives running jobs `graceMs` to finish, then aborts the rest and hands them back to the queue
   * (queued, the attempt not counted) for the next start; pending `idle`/`settled` waits resolve.
   */
  stop(options?: { graceMs?: number }): Promise<void>;
};
