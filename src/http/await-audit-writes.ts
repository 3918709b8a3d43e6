import type { MiddlewareHandler } from "hono";
import type { AuditLog } from "../storage/audit-log-repository.ts";

/**
 * Holds each answer until the reads it recorded are in the audit log: the reads of one turn of the event loop
 * share one transaction, and a read whose record cannot be written is answered with an error, not the content.
 */
export function awaitAuditWrites(audit: Pick<AuditLog, "written">): MiddlewareHandler {
  return async (_c, next) => {
    await next();
    await audit.written();
  };
}
