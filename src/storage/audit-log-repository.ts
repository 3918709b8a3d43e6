import { type Database, runInTransaction } from "./open-database.ts";

export type AuditAction = "view" | "create" | "change" | "approve" | "export" | "delete" | "extract" | "upload";

/** Ids and verbs only: the audit log never holds transcript, email or item content. */
type AuditEntry = {
  userId: string | null;
  action: AuditAction;
  objectType: string;
  objectId: string | null;
  dealId: string | null;
  requestId: string | null;
};

// Reads are the most frequent entries: those of one turn of the event loop are written in one transaction.
const READS = new Set<AuditAction>(["view", "export"]);

type Batch = { rows: { entry: AuditEntry; at: string }[]; written: Promise<void>; settle: (error?: unknown) => void };

export type AuditLog = ReturnType<typeof createAuditLogRepository>;

export function createAuditLogRepository(db: Database) {
  const insert = db.prepare(
    "INSERT INTO audit_log (at, user_id, action, object_type, object_id, deal_id, request_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
  );
  const write = (entry: AuditEntry, at: string) =>
    insert.run(at, entry.userId, entry.action, entry.objectType, entry.objectId, entry.dealId, entry.requestId);
  let pending: Batch | null = null;

  /** Writes the reads waiting for the end of this turn now, in one transaction; throws if they cannot be written. */
  const flush = (): void => {
    const batch = pending;
    if (batch === null) return;
    pending = null;
    try {
      runInTransaction(db, () => {
        for (const { entry, at } of batch.rows) write(entry, at);
      });
    } catch (error) {
      batch.settle(error);
      throw error;
    }
    batch.settle();
  };

  const startBatch = (): Batch => {
    let settle: Batch["settle"] = () => {};
    const written = new Promise<void>((resolve, reject) => {
      settle = (error) => (error === undefined ? resolve() : reject(error));
    });
    // Whoever waits (the HTTP layer, before answering) sees a failure; nobody waiting is no unhandled rejection.
    written.catch(() => {});
    setImmediate(() => {
      try {
        flush();
      } catch {
        // Reported to the requests waiting on `written`.
      }
    });
    return { rows: [], written, settle };
  };

  return {
    /** Records an entry: a change at once, a read (view, export) with the other reads of this turn of the event loop. */
    append(entry: AuditEntry, now: Date): void {
      if (!READS.has(entry.action)) {
        write(entry, now.toISOString());
        return;
      }
      pending ??= startBatch();
      pending.rows.push({ entry, at: now.toISOString() });
    },
    flush,
    /** Resolves once every read recorded so far is written; rejects if their batch could not be. */
    written(): Promise<void> {
      return pending?.written ?? Promise.resolve();
    },
    listForDeal(dealId: string): (AuditEntry & { at: string })[] {
      flush();
      const rows = db
        .prepare("SELECT at, user_id, action, object_type, object_id, deal_id, request_id FROM audit_log WHERE deal_id = ? ORDER BY id")
        .all(dealId) as Record<string, string | null>[];
      return rows.map((row) => ({
        at: row.at as string,
        userId: row.user_id ?? null,
        action: row.action as AuditAction,
        objectType: row.object_type as string,
        objectId: row.object_id ?? null,
        dealId: row.deal_id ?? null,
        requestId: row.request_id ?? null,
      }));
    },
  };
}
