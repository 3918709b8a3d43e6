import { except } from "hono/combine";
import { secureHeaders } from "hono/secure-headers";
import type { AppDeps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { accessLog } from "./access-log.ts";
import { type ApiApp, createApiApp } from "./api-app.ts";
import { authenticate } from "./authenticate.ts";
import { awaitAuditWrites } from "./await-audit-writes.ts";
import { createErrorHandler } from "./handle-error.ts";
import { limitBodySize } from "./limit-body-size.ts";
import { requestId } from "./request-id.ts";
import { requestTimeout } from "./request-timeout.ts";
import { requireUtf8Json } from "./require-utf8-json.ts";
import { API_ROUTES } from "./routes/api-routes.ts";
import { CRM_WEBHOOK_MAX_BYTES, CRM_WEBHOOK_PATH } from "./routes/crm-webhook-routes.ts";
import { createWebRoutes } from "../web/create-web-routes.ts";

// Room for multipart framing around the largest accepted file.
const MULTIPART_OVERHEAD = 1024 * 1024;

/** The HTTP service: public health and docs, everything under /v1 authenticated and checked per object. */
export function createApp(deps: AppDeps): ApiApp {
  const app = createApiApp();
  app.use(requestId());
  app.use(secureHeaders());
  app.use(accessLog(deps.logger));
  app.onError(createErrorHandler(deps.logger));
  app.use(awaitAuditWrites(deps.audit));
  app.notFound((c) => c.json({ error: { code: "NOT_FOUND", message: "no such route", requestId: c.get("requestId") } }, 404));
  // The size limit applies before any body is parsed; a CRM webhook's is far smaller than an upload's.
  app.use(
    CRM_WEBHOOK_PATH,
    limitBodySize(
      CRM_WEBHOOK_MAX_BYTES,
      () => new AppError({ code: "LIMIT_EXCEEDED", message: `CRM webhook body is over ${CRM_WEBHOOK_MAX_BYTES} bytes` }),
    ),
  );
  app.use(
    "/v1/*",
    limitBodySize(
      deps.config.limits.maxFileBytes + MULTIPART_OVERHEAD,
      () => new AppError({ code: "LIMIT_EXCEEDED", message: "request body is over the upload limit (BATON_MAX_FILE_BYTES)" }),
    ),
  );
  app.use("/v1/*", requestTimeout(deps.config.requestTimeoutMs));
  // The CRM webhook proves itself with a signature instead (checked by its service).
  app.use("/v1/*", except(CRM_WEBHOOK_PATH, authenticate(deps.users)));
  app.use("/v1/*", requireUtf8Json());
  for (const register of API_ROUTES) register(app, deps);
  app.route("/", createWebRoutes(deps));
  return app;
}
