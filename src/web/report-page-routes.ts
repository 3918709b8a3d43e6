import { Hono } from "hono";
import { hasCapability } from "../access/access-policy.ts";
import type { AppDeps } from "../deps.ts";
import { listBatches } from "../services/batch-service.ts";
import { renderBatchesPanel } from "./batches-panel.ts";
import { buildReport } from "../services/report-service.ts";
import type { SessionRepository } from "../storage/session-repository.ts";
import { pageHeaders } from "./page-headers.ts";
import { renderReportPage } from "./report-page.ts";
import { pageActor } from "./review-view.ts";
import { loadSession, requireSession } from "./session/session-middleware.ts";
import type { WebEnv } from "./web-env.ts";

/** /reports: RevOps' cross-deal report, through the same service as GET /v1/reports/handoffs. */
export function createReportPageRoutes(deps: AppDeps, sessions: SessionRepository) {
  const routes = new Hono<WebEnv>();
  routes.use("*", pageHeaders, loadSession(deps, sessions), requireSession);
  routes.get("/", (c) => {
    const report = buildReport(deps, pageActor(c), { from: null, to: null });
    const batches = hasCapability(c.get("user"), "runBatches") ? listBatches(deps, pageActor(c)) : [];
    const batchesPanel = renderBatchesPanel(batches);
    return c.html(renderReportPage({ user: c.get("user"), csrfToken: c.get("csrfToken"), report, batchesPanel }));
  });
  return routes;
}
