import type { User } from "../domain/user.ts";
import type { AppDeps } from "../deps.ts";
import type { AuditAction } from "../storage/audit-log-repository.ts";

/** Who asks a service for something: the authenticated user and, over HTTP, the request's id for the audit log. */
export type Actor = { user: User; requestId: string | null };

export type AuditDeps = Pick<AppDeps, "audit" | "now">;

/** Appends who did what to which object; ids only, never content. */
export function recordAudit(
  deps: AuditDeps,
  actor: Actor,
  entry: { action: AuditAction; objectType: string; objectId: string | null; dealId: string | null },
): void {
  deps.audit.append({ ...entry, userId: actor.user.id, requestId: actor.requestId }, deps.now());
}
