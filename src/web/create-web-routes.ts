import { Hono } from "hono";
import type { AppDeps } from "../deps.ts";
import { createDealSummaryRepository } from "../storage/deal-summary-repository.ts";
import { createSessionRepository } from "../storage/session-repository.ts";
import { createAssetRoutes } from "./assets.ts";
import { createDealPageRoutes } from "./deal-page-routes.ts";
import { createWebErrorHandler } from "./error-page.ts";
import { createReportPageRoutes } from "./report-page-routes.ts";
import { createSignInRoutes } from "./sign-in-routes.ts";
import type { WebEnv } from "./web-env.ts";

/**
 * The browser pages, mounted at "/" beside the API. Every middleware here is bound to its own paths
 * (/, /sign-in, /sign-out, /deals/*, /reports, /assets/*), so nothing of it runs for /v1 or /healthz.
 */
export function createWebRoutes(deps: AppDeps) {
  const web = new Hono<WebEnv>();
  web.onError(createWebErrorHandler(deps.logger));
  const sessions = createSessionRepository(deps.db);
  web.route("/assets", createAssetRoutes());
  web.route("/", createSignInRoutes(deps, sessions));
  web.route("/deals", createDealPageRoutes(deps, sessions, createDealSummaryRepository(deps.db)));
  web.route("/reports", createReportPageRoutes(deps, sessions));
  return web;
}

/** Whether a route path belongs to the pages rather than the API (pages are not in the OpenAPI description). */
export function isPagePath(path: string): boolean {
  return (
    ["/", "/sign-in", "/sign-out", "/deals", "/reports"].includes(path) ||
    ["/deals/", "/reports/", "/assets/"].some((prefix) => path.startsWith(prefix))
  );
}
