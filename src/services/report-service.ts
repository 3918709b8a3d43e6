import type { AppDeps } from "../deps.ts";
import { buildHandoffReport, type HandoffReport } from "../handoff/build-handoff-report.ts";
import { type Actor, type AuditDeps, recordAudit } from "./actor.ts";
import { requireCapability } from "./authorize.ts";

/** RevOps' report across all deals, closing between `from` and `to` when given: counts and rates, no customer content. */
export function buildReport(
  deps: Pick<AppDeps, "handoffStats" | "config"> & AuditDeps,
  actor: Actor,
  filters: { from: string | null; to: string | null },
): HandoffReport {
  requireCapability(actor.user, "viewReports", "only RevOps views reports");
  const report = buildHandoffReport(deps.handoffStats.listReportInputs(), filters, deps.now(), deps.config.pricing);
  recordAudit(deps, actor, { action: "export", objectType: "handoff_report", objectId: null, dealId: null });
  return report;
}
