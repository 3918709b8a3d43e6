import type { AppDeps } from "../../deps.ts";
import type { ApiApp } from "../api-app.ts";
import { registerBatchRoutes } from "./batch-routes.ts";
import { registerBriefRoutes } from "./brief-routes.ts";
import { registerCrmWebhookRoutes } from "./crm-webhook-routes.ts";
import { registerDealRoutes } from "./deal-routes.ts";
import { registerExtractionRoutes } from "./extraction-routes.ts";
import { registerGapRoutes } from "./gap-routes.ts";
import { registerItemRoutes } from "./item-routes.ts";
import { registerReportRoutes } from "./report-routes.ts";
import { registerServiceRoutes } from "./service-routes.ts";
import { registerSourceRoutes } from "./source-routes.ts";
import { registerTrackingRoutes } from "./tracking-routes.ts";
import { registerUserRoutes } from "./user-routes.ts";
import { registerVerifyRoutes } from "./verify-routes.ts";
import { registerVersionRoutes } from "./version-routes.ts";

/**
 * Every route file, in the order the document and the docs page list their operations. A new route goes into one of
 * these files; a new file is one more line here. The document, the docs page, the contract and role tests all read
 * the routes from the app, never from a list of their own.
 */
export const API_ROUTES: readonly ((app: ApiApp, deps: AppDeps) => void)[] = [
  registerDealRoutes,
  registerSourceRoutes,
  registerExtractionRoutes,
  registerBatchRoutes,
  registerVerifyRoutes,
  registerItemRoutes,
  registerGapRoutes,
  registerVersionRoutes,
  registerBriefRoutes,
  registerTrackingRoutes,
  registerReportRoutes,
  registerCrmWebhookRoutes,
  registerUserRoutes,
  registerServiceRoutes,
];
