import { z } from "@hono/zod-openapi";
import type { AppDeps } from "../../deps.ts";
import type { ApiApp } from "../api-app.ts";
import { buildApiDocument } from "../openapi/build-api-document.ts";
import { defineRoute } from "../openapi/define-route.ts";
import { renderDocsPage } from "../openapi/render-docs-page.ts";
import { jsonContent } from "../schemas/json-content.ts";

// The page needs nothing from anywhere: no script runs, styles are inline, so the service works offline.
const DOCS_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const healthRoute = defineRoute({
  method: "get",
  path: "/healthz",
  tag: "Service",
  summary: "Liveness and database check",
  access: "public",
  responses: { 200: jsonContent(z.object({ status: z.literal("ok") }), "the service is up") },
  errors: [500],
});

const documentRoute = defineRoute({
  method: "get",
  path: "/openapi.json",
  tag: "Service",
  summary: "This OpenAPI 3.1 description",
  access: "public",
  responses: {
    // A plain schema, not zod: the answer is the document serialized once, sent as it is.
    200: {
      description: "the OpenAPI document",
      content: {
        "application/json": {
          schema: {
            type: "object",
            properties: {
              openapi: { type: "string" },
              info: { type: "object" },
              paths: { type: "object" },
              components: { type: "object" },
            },
            required: ["openapi", "info", "paths", "components"],
            additionalProperties: true,
          },
        },
      },
    },
  },
});

const docsRoute = defineRoute({
  method: "get",
  path: "/docs",
  tag: "Service",
  summary: "The API reference as one self-contained HTML page (works offline)",
  access: "public",
  responses: { 200: { description: "the docs page", content: { "text/html": { schema: z.string() } } } },
});

/** Health, the OpenAPI document generated from every route registered on the app, and the docs page rendered from it. */
export function registerServiceRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(healthRoute, (c) => {
    deps.db.prepare("SELECT 1").get();
    return c.json({ status: "ok" as const }, 200);
  });
  // Built and serialized once, on first use: every route is registered by then.
  let document: ReturnType<typeof buildApiDocument> | undefined;
  let serialized: string | undefined;
  let page: string | undefined;
  const getDocument = () => {
    document ??= buildApiDocument(app);
    return document;
  };
  app.openapi(documentRoute, (c) => {
    serialized ??= JSON.stringify(getDocument());
    // Sent as serialized once; the route's schema is a plain one, which the typed handler cannot check a body against.
    return c.body(serialized, 200, { "content-type": "application/json" }) as never;
  });
  app.openapi(docsRoute, (c) => {
    page ??= renderDocsPage(getDocument());
    c.header("Content-Security-Policy", DOCS_PAGE_POLICY);
    return c.html(page, 200);
  });
}
