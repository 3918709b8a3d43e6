import { Hono } from "hono";
import { z } from "zod";
import { hasCapability } from "../../access/access-policy.ts";
import type { AppDeps } from "../../deps.ts";
import { AppError } from "../../errors.ts";
import { buildHandoffReport } from "../../handoff/build-handoff-report.ts";
import { renderHandoffReportCsv } from "../../handoff/render-handoff-report-csv.ts";
import { createHandoffStatsRepository } from "../../storage/handoff-stats-repository.ts";
import type { AppEnv } from "../app-env.ts";
import { recordAudit } from "../load-deal.ts";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD")
  .refine((value) => {
    const ms = Date.parse(`${value}T00:00:00Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(value);
  }, "not a calendar date");

const ReportQuerySchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    format: z.enum(["json", "csv"]).optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, "from must not be after to");

const NO_STORE = { "cache-control": "private, no-store" };

/** RevOps reports across all deals: counts, rates and section keys, no customer content. */
export function createReportRoutes(deps: AppDeps) {
  const routes = new Hono<AppEnv>();
  const stats = createHandoffStatsRepository(deps.db);

  routes.get("/handoffs", (c) => {
    if (!hasCapability(c.get("user"), "viewReports")) throw new AppError({ code: "FORBIDDEN", message: "only RevOps views reports" });
    const parsed = ReportQuerySchema.safeParse(c.req.query());
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join(".") || "query";
      throw new AppError({ code: "INVALID_INPUT", message: `${where}: ${issue?.message ?? "invalid"}` });
    }
    const query = parsed.data;
    const csv = query.format === "csv" || (query.format === undefined && (c.req.header("accept") ?? "").includes("text/csv"));
    const report = buildHandoffReport(stats.listReportInputs(), { from: query.from ?? null, to: query.to ?? null }, deps.now());
    recordAudit(c, deps, { action: "export", objectType: "handoff_report", objectId: null, dealId: null });
    if (csv) {
      return c.body(renderHandoffReportCsv(report), 200, {
        ...NO_STORE,
        "content-type": "text/csv; charset=utf-8; header=present",
        "content-disposition": 'attachment; filename="handoff-report.csv"',
      });
    }
    return c.json(report, 200, NO_STORE);
  });

  return routes;
}
