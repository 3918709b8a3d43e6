import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { AppDeps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { accessLog } from "./access-log.ts";
import type { AppEnv } from "./app-env.ts";
import { authenticate } from "./authenticate.ts";
import { createErrorHandler } from "./handle-error.ts";
import { requestTimeout } from "./request-timeout.ts";
import { createBriefRoutes } from "./routes/brief-routes.ts";
import { createDealRoutes } from "./routes/deal-routes.ts";
import { createDocsRoutes } from "./routes/docs-routes.ts";
import { createExtractionRoutes } from "./routes/extraction-routes.ts";
import { createGapRoutes } from "./routes/gap-routes.ts";
import { createItemRoutes } from "./routes/item-routes.ts";
import { createReportRoutes } from "./routes/report-routes.ts";
import { createSourceRoutes } from "./routes/source-routes.ts";
import { createUserRoutes } from "./routes/user-routes.ts";
import { createVerifyRoutes } from "./routes/verify-routes.ts";
import { createVersionRoutes } from "./routes/version-routes.ts";
import { createWebRoutes } from "../web/create-web-routes.ts";

// Room for multipart framing around the largest accepted file.
const MULTIPART_OVERHEAD = 1024 * 1024;

/** The HTTP service: public health and docs, everything under /v1 authenticated and checked per object. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(requestId({ headerName: "X-Request-Id" }));
  app.use(secureHeaders());
  app.use(accessLog(deps.logger));
  app.onError(createErrorHandler(deps.logger));
  app.notFound((c) => c.json({ error: { code: "NOT_FOUND", message: "no such route", requestId: c.get("requestId") } }, 404));

  app.get("/healthz", (c) => {
    deps.db.prepare("SELECT 1").get();
    return c.json({ status: "ok" });
  });
  app.route("/", createDocsRoutes());

  const v1 = new Hono<AppEnv>();
  // The size limit applies before any body is parsed.
  v1.use(
    bodyLimit({
      maxSize: deps.config.limits.maxFileBytes + MULTIPART_OVERHEAD,
      onError: () => {
        throw new AppError({ code: "LIMIT_EXCEEDED", message: "request body is over the upload limit (BATON_MAX_FILE_BYTES)" });
      },
    }),
  );
  v1.use(requestTimeout(deps.config.requestTimeoutMs));
  v1.use(authenticate(deps.users));
  v1.route("/deals", createDealRoutes(deps));
  v1.route("/deals", createSourceRoutes(deps));
  v1.route("/", createExtractionRoutes(deps));
  v1.route("/deals", createVerifyRoutes(deps));
  v1.route("/users", createUserRoutes(deps));
  v1.route("/deals", createItemRoutes(deps));
  v1.route("/deals", createGapRoutes(deps));
  v1.route("/deals", createVersionRoutes(deps));
  v1.route("/deals", createBriefRoutes(deps));
  v1.route("/reports", createReportRoutes(deps));
  app.route("/v1", v1);
  app.route("/", createWebRoutes(deps));
  return app;
}
