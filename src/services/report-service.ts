import type { AppDeps } from "../deps.ts";
import { buildHandoffReport, type HandoffReport } from "../handoff/build-handoff-report.ts";
import { summariseUsage, type UsageSummary } from "../handoff/summarise-usage.ts";
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

/**
 * Actual tokens and cost of a set of extraction runs at the configured prices: the per-batch figure, given the runs a
 * batch made (the report gives the same per run and per deal). The caller has authorized reading the batch.
 */
export function summariseRunsUsage(deps: Pick<AppDeps, "handoffStats" | "config">, runIds: string[]): UsageSummary {
  return summariseUsage(deps.handoffStats.listRunUsage(runIds), deps.config.pricing);
}
