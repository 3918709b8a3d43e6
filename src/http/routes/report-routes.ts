import { z } from "@hono/zod-openapi";
import type { AppDeps } from "../../deps.ts";
import { renderHandoffReportCsv } from "../../handoff/render-handoff-report-csv.ts";
import { buildReport } from "../../services/report-service.ts";
import { actorOf, type ApiApp } from "../api-app.ts";
import { defineRoute } from "../openapi/define-route.ts";
import { chooseFormat, formatParameter } from "../schemas/format-parameter.ts";
import { HandoffReportSchema } from "../schemas/handoff-report-schema.ts";
import { IsoDateSchema } from "../../domain/iso-date.ts";

const NO_STORE = { "cache-control": "private, no-store" };

const REPORT_FORMATS = { json: "json", csv: "csv" } as const;

const ReportQuerySchema = z
  .object({
    format: formatParameter(REPORT_FORMATS, "csv: text/csv instead of JSON, also chosen by Accept: text/csv; json: JSON"),
    from: IsoDateSchema.optional().describe("deals closing on or after this date (YYYY-MM-DD); deals without a close date are left out"),
    to: IsoDateSchema.optional().describe("deals closing on or before this date (YYYY-MM-DD); not before from"),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, "from must not be after to");

const reportRoute = defineRoute({
  method: "get",
  path: "/v1/reports/handoffs",
  tag: "Reports",
  summary: "RevOps report: completion rate, close-to-approval time, recurring gaps by section and AE, unverified rate",
  access: { capability: "viewReports" },
  request: { query: ReportQuerySchema },
  responses: {
    200: {
      description: "the report",
      content: { "application/json": { schema: HandoffReportSchema }, "text/csv": { schema: z.string() } },
    },
  },
});

/** RevOps reports across all deals: counts, rates and section keys, no customer content. */
export function registerReportRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(reportRoute, (c) => {
    const query = c.req.valid("query");
    const format = chooseFormat(query.format, REPORT_FORMATS, c.req.header("accept"), { "text/csv": "csv" });
    const report = buildReport(deps, actorOf(c), { from: query.from ?? null, to: query.to ?? null });
    if (format === "csv") {
      return c.body(renderHandoffReportCsv(report), 200, {
        ...NO_STORE,
        "content-type": "text/csv; charset=utf-8; header=present",
        "content-disposition": 'attachment; filename="handoff-report.csv"',
      });
    }
    return c.json(report, 200, NO_STORE);
  });
}
