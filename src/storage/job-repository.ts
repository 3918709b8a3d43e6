import type { Database } from "./open-database.ts";
import { runInTransaction } from "./open-database.ts";

export type JobStatus = "queued" | "running" | "succeeded" | "dead";

/** One stored job; `payload` is the JSON it was queued with. */
export type StoredJob = {
  id: string;
  kind: string;
  payload: unknown;
  status: JobStatus;
  /** Claims so far, less those handed back without counting (rate limits, shutdown). */
  attempts: number;
  nextAttemptAt: string;
  leaseOwner: string | null;
  leaseUntil: string | null;
  /** Why the last attempt failed: one line, never source content. */
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
};

type JobRow = {
  id: string;
  kind: string;
  payload: string;
  status: JobStatus;
  attempts: number;
  next_attempt_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
};

const toJob = (row: JobRow): StoredJob => ({
  id: row.id,
  kind: row.kind,
  payload: JSON.parse(row.payload) as unknown,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  leaseOwner: row.lease_owner,
  leaseUntil: row.lease_until,
  lastError: row.last_error,
  createdAt: row.created_at,
  finishedAt: row.finished_at,
});

const iso = (ms: number) => new Date(ms).toISOString();

export type JobRepository = ReturnType<typeof createJobRepository>;

/**
 * The jobs table. Every change of a claimed job names its lease owner, so a worker that lost its lease (it was
 * presumed dead and the job claimed again) cannot overwrite what the new owner does.
 */
export function createJobRepository(db: Database) {
  const get = (id: string): StoredJob | undefined => {
    const row = db.prepare("SELECT * FROM jobs WHERE id = ?").get(id) as JobRow | undefined;
    return row ? toJob(row) : undefined;
  };
  const changed = (result: { changes: number | bigint }) => Number(result.changes) > 0;

  return {
    get,
    /** Queues a job; a job with the same id already stored is left as it is (false). */
    insert(job: { id: string; kind: string; payload: unknown }, now: number): boolean {
      return changed(
        db
          .prepare(
            "INSERT OR IGNORE INTO jobs (id, kind, payload, status, next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, 'queued', ?, ?, ?)",
          )
          .run(job.id, job.kind, JSON.stringify(job.payload), iso(now), iso(now), iso(now)),
      );
    },
    /**
     * Takes the lease of the job due first: queued and due, or running under someone else's expired lease.
     * One transaction, so two workers (or processes) never claim the same job.
     */
    claimNext(owner: string, now: number, leaseMs: number): StoredJob | undefined {
      return runInTransaction(db, () => {
        const row = db
          .prepare(
            `SELECT * FROM jobs
             WHERE (status = 'queued' AND next_attempt_at <= ?1)
                OR (status = 'running' AND lease_until <= ?1 AND lease_owner <> ?2)
             ORDER BY next_attempt_at, created_at, id LIMIT 1`,
          )
          .get(iso(now), owner) as JobRow | undefined;
        if (row === undefined) return undefined;
        db.prepare(
          "UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_owner = ?, lease_until = ?, updated_at = ? WHERE id = ?",
        ).run(owner, iso(now + leaseMs), iso(now), row.id);
        return get(row.id);
      });
    },
    /** Extends a lease; false when the lease is no longer this owner's. */
    renew(id: string, owner: string, until: number): boolean {
      return changed(
        db.prepare("UPDATE jobs SET lease_until = ? WHERE id = ? AND status = 'running' AND lease_owner = ?").run(iso(until), id, owner),
      );
    },
    succeed(id: string, owner: string, now: number): boolean {
      return changed(
        db
          .prepare(
            "UPDATE jobs SET status = 'succeeded', lease_owner = NULL, lease_until = NULL, updated_at = ?, finished_at = ? WHERE id = ? AND status = 'running' AND lease_owner = ?",
          )
          .run(iso(now), iso(now), id, owner),
      );
    },
    /** Back to queued, due at `at`; `countsAsAttempt` false hands the attempt back (rate limits, shutdown). */
    reschedule(id: string, owner: string, change: { at: number; now: number; error: string | null; countsAsAttempt: boolean }): boolean {
      return changed(
        db
          .prepare(
            `UPDATE jobs SET status = 'queued', attempts = attempts - ?, next_attempt_at = ?, lease_owner = NULL, lease_until = NULL,
               last_error = COALESCE(?, last_error), updated_at = ?
             WHERE id = ? AND status = 'running' AND lease_owner = ?`,
          )
          .run(change.countsAsAttempt ? 0 : 1, iso(change.at), change.error, iso(change.now), id, owner),
      );
    },
    /** Dead-letters a job with the reason it will not be tried again. */
    bury(id: string, owner: string, reason: string, now: number): boolean {
      return changed(
        db
          .prepare(
            "UPDATE jobs SET status = 'dead', last_error = ?, lease_owner = NULL, lease_until = NULL, updated_at = ?, finished_at = ? WHERE id = ? AND status = 'running' AND lease_owner = ?",
          )
          .run(reason, iso(now), iso(now), id, owner),
      );
    },
    /** Queued or running jobs (all, or those whose id is listed). */
    countActive(ids?: string[]): number {
      if (ids !== undefined) {
        if (ids.length === 0) return 0;
        const row = db
          .prepare(`SELECT COUNT(*) AS n FROM jobs WHERE status IN ('queued', 'running') AND id IN (${ids.map(() => "?").join(",")})`)
          .get(...ids) as { n: number };
        return row.n;
      }
      return (db.prepare("SELECT COUNT(*) AS n FROM jobs WHERE status IN ('queued', 'running')").get() as { n: number }).n;
    },
    /** When the next job becomes claimable by `owner`: a queued job's due time or another owner's lease expiry. */
    nextDueAt(owner: string): number | undefined {
      const row = db
        .prepare(
          `SELECT MIN(t) AS t FROM (
             SELECT MIN(next_attempt_at) AS t FROM jobs WHERE status = 'queued'
             UNION ALL SELECT MIN(lease_until) FROM jobs WHERE status = 'running' AND lease_owner <> ?)`,
        )
        .get(owner) as { t: string | null };
      return row.t === null ? undefined : Date.parse(row.t);
    },
    /** Lease owners of running jobs, to find those whose process is gone. */
    listLeaseOwners(): string[] {
      return (db.prepare("SELECT DISTINCT lease_owner AS owner FROM jobs WHERE status = 'running'").all() as { owner: string }[]).map(
        (row) => row.owner,
      );
    },
    /** Ends the leases of an owner known to be dead, so its jobs are claimable now rather than at expiry. */
    expireLeases(owner: string, now: number): number {
      return Number(
        db.prepare("UPDATE jobs SET lease_until = ? WHERE status = 'running' AND lease_owner = ?").run(iso(now - 1), owner).changes,
      );
    },
  };
}
