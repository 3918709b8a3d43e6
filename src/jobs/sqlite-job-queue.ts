import type { Clock } from "../clock.ts";
import type { Logger } from "../logger.ts";
import { createJobRepository, type StoredJob } from "../storage/job-repository.ts";
import { type Database, runInTransaction } from "../storage/open-database.ts";
import { backoffMs } from "./backoff.ts";
import type { JobHandler, JobQueue } from "./job-queue.ts";
import { createLeaseOwner, isDeadLocalOwner } from "./lease-owner.ts";

export type SqliteJobQueueOptions = {
  db: Database;
  /** Jobs run at once by this process. */
  concurrency: number;
  /** How long a claim holds without a heartbeat; the heartbeat renews it every third of that. */
  leaseMs: number;
  /** Attempts before a job that keeps failing (or keeps losing its worker) is dead-lettered. */
  maxAttempts: number;
  logger: Logger;
  clock: Clock;
  random?: () => number;
};

/** How often a started queue (and a pending `idle`/`settled`) looks for jobs of other processes. */
const POLL_MS = 1_000;

type Running = { controller: AbortController; lostLease: boolean };

/**
 * The durable queue on the service's SQLite database: jobs survive a crash or restart, a worker holds a lease
 * renewed by a heartbeat, failures are retried with backoff or dead-lettered with their reason.
 */
export function createSqliteJobQueue(options: SqliteJobQueueOptions): JobQueue {
  const { clock, logger } = options;
  const jobs = createJobRepository(options.db);
  const owner = createLeaseOwner();
  const handlers = new Map<string, JobHandler>();
  const running = new Map<string, Running>();
  const finishing = new Set<Promise<void>>();
  let waiters: { ready: () => boolean; resolve: () => void }[] = [];
  let started = false;
  let stopped = false;
  let releasing = false;
  let pumpQueued = false;
  let cancelWake: (() => void) | undefined;
  let cancelHeartbeat: (() => void) | undefined;

  const schedulePump = () => {
    if (pumpQueued || stopped) return;
    pumpQueued = true;
    // After the caller's synchronous work (its transaction) is done.
    queueMicrotask(() => {
      pumpQueued = false;
      if (!stopped) pump();
    });
  };

  const pump = () => {
    // A queue dropped without stop() (its database closed under it) goes quiet instead of throwing from a timer.
    if (!options.db.isOpen) {
      stopped = true;
      return;
    }
    try {
      for (const leaseOwner of jobs.listLeaseOwners()) {
        if (isDeadLocalOwner(leaseOwner) && jobs.expireLeases(leaseOwner, clock.now()) > 0) {
          logger.warn("took over the jobs of a stopped worker", { owner: leaseOwner });
        }
      }
      while (running.size < options.concurrency) {
        const job = jobs.claimNext(owner, clock.now(), options.leaseMs);
        if (job === undefined) break;
        launch(job);
      }
      checkWaiters();
    } catch (error) {
      // A busy or failing database: try again at the next wake-up rather than crash the process from a timer.
      logger.error("job queue could not read its jobs", { errorName: (error as Error)?.name ?? "unknown" });
    }
    armWake();
  };

  const armWake = () => {
    cancelWake?.();
    cancelWake = undefined;
    if (stopped) return;
    const now = clock.now();
    const candidates: number[] = [];
    const due = running.size < options.concurrency ? jobs.nextDueAt(owner) : undefined;
    if (due !== undefined) candidates.push(due);
    if (started || waiters.length > 0) candidates.push(now + POLL_MS);
    if (candidates.length === 0) return;
    // At least 1 ms: a due time already passed means the job was not claimable this turn (never spin on it).
    cancelWake = clock.setTimer(pump, Math.max(1, Math.min(...candidates) - now));
  };

  const checkWaiters = () => {
    const pending = waiters;
    waiters = [];
    for (const waiter of pending) {
      if (waiter.ready()) waiter.resolve();
      else waiters.push(waiter);
    }
  };

  const heartbeat = () => {
    cancelHeartbeat = undefined;
    if (running.size === 0 || !options.db.isOpen) return;
    const until = clock.now() + options.leaseMs;
    for (const [id, entry] of running) {
      if (entry.lostLease || jobs.renew(id, owner, until)) continue;
      // Presumed dead and claimed by another worker: stop working on it; its writes are fenced by the lease anyway.
      entry.lostLease = true;
      entry.controller.abort(new Error("job lease lost"));
      logger.warn("lost the lease of a running job", { jobId: id });
    }
    cancelHeartbeat = clock.setTimer(heartbeat, options.leaseMs / 3);
  };

  const launch = (job: StoredJob) => {
    const entry: Running = { controller: new AbortController(), lostLease: false };
    running.set(job.id, entry);
    cancelHeartbeat ??= clock.setTimer(heartbeat, options.leaseMs / 3);
    const done = work(job, entry)
      .catch((error: unknown) => {
        logger.error("job crashed", { jobId: job.id, kind: job.kind, errorName: (error as Error)?.name ?? "unknown" });
      })
      .finally(() => {
        running.delete(job.id);
        finishing.delete(done);
        schedulePump();
      });
    finishing.add(done);
  };

  const work = async (job: StoredJob, entry: Running): Promise<void> => {
    const handler = handlers.get(job.kind);
    if (handler === undefined) {
      jobs.bury(job.id, owner, `no handler for jobs of kind "${job.kind}"`, clock.now());
      return;
    }
    if (job.attempts > options.maxAttempts) {
      const reason = `its worker stopped during each of its last attempts (${options.maxAttempts} in all)`;
      bury(job, handler, { reason });
      return;
    }
    try {
      await handler.run(job.payload, { jobId: job.id, attempt: job.attempts, signal: entry.controller.signal });
      jobs.succeed(job.id, owner, clock.now());
    } catch (error) {
      if (entry.lostLease) return;
      if (entry.controller.signal.aborted && releasing) {
        requeue(job, handler, { at: clock.now(), error: null, countsAsAttempt: false });
        return;
      }
      const verdict = handler.judge(error);
      const reason = handler.describe(error);
      if (verdict.retry && (!verdict.countsAsAttempt || job.attempts < options.maxAttempts)) {
        const delayMs = verdict.afterMs ?? backoffMs(job.attempts, options.random);
        requeue(job, handler, { at: clock.now() + delayMs, error: reason, countsAsAttempt: verdict.countsAsAttempt });
        logger.warn("job will be retried", { jobId: job.id, kind: job.kind, attempt: job.attempts, delayMs });
        return;
      }
      bury(job, handler, { error, reason });
    }
  };

  const requeue = (job: StoredJob, handler: JobHandler, change: { at: number; error: string | null; countsAsAttempt: boolean }) => {
    runInTransaction(options.db, () => {
      if (jobs.reschedule(job.id, owner, { ...change, now: clock.now() })) handler.onRequeued?.(job.payload);
    });
  };

  const bury = (job: StoredJob, handler: JobHandler, failure: { error?: unknown; reason: string }) => {
    const buried = runInTransaction(options.db, () => {
      if (!jobs.bury(job.id, owner, failure.reason, clock.now())) return false;
      handler.onDead?.(job.payload, failure);
      return true;
    });
    if (buried) logger.error("job dead-lettered", { jobId: job.id, kind: job.kind, attempts: job.attempts });
  };

  const wait = (ready: () => boolean): Promise<void> => {
    if (stopped || ready()) return Promise.resolve();
    return new Promise((resolve) => {
      waiters.push({ ready, resolve });
      armWake();
    });
  };

  return {
    register(kind, handler) {
      handlers.set(kind, handler);
    },
    enqueue(job) {
      if (stopped) throw new Error("job queue is stopped");
      jobs.insert(job, clock.now());
      schedulePump();
    },
    start() {
      started = true;
      schedulePump();
    },
    idle: () => wait(() => running.size === 0 && jobs.countActive() === 0),
    settled: (id) =>
      wait(() => {
        if (running.has(id)) return false;
        const status = jobs.get(id)?.status;
        return status === undefined || status === "succeeded" || status === "dead";
      }),
    inspect(id) {
      const job = jobs.get(id);
      return job && { status: job.status, attempts: job.attempts, nextAttemptAt: job.nextAttemptAt, lastError: job.lastError };
    },
    async stop({ graceMs = 0 } = {}) {
      stopped = true;
      cancelWake?.();
      if (graceMs > 0 && finishing.size > 0) {
        let cancel: (() => void) | undefined;
        await Promise.race([Promise.all(finishing), new Promise<void>((resolve) => (cancel = clock.setTimer(resolve, graceMs)))]);
        cancel?.();
      }
      releasing = true;
      for (const entry of running.values()) entry.controller.abort(new Error("job queue stopped"));
      await Promise.all(finishing);
      cancelHeartbeat?.();
      for (const waiter of waiters.splice(0)) waiter.resolve();
    },
  };
}
