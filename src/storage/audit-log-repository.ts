import type { Database } from "./open-database.ts";

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

export type AuditLog = ReturnType<typeof createAuditLogRepository>;

export function createAuditLogRepository(db: Database) {
  const insert = db.prepare(
    "INSERT INTO audit_log (at, user_id, action, object_type, object_id, deal_id, request_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
  );
  return {
    append(entry: AuditEntry, now: Date): void {
      insert.run(now.toISOString(), entry.userId, entry.action, entry.objectType, entry.objectId, entry.dealId, entry.requestId);
    },
    listForDeal(dealId: string): (AuditEntry & { at: string })[] {
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
