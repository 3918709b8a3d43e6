import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { buildOpenApiSpec } from "../openapi/build-openapi-spec.ts";
import { renderDocsPage } from "../openapi/render-docs-page.ts";

// The page needs nothing from anywhere: no script runs, styles are inline, so the service works offline.
const DOCS_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** GET /openapi.json and GET /docs: public, built once per app. */
export function createDocsRoutes() {
  const routes = new Hono<AppEnv>();
  let spec: ReturnType<typeof buildOpenApiSpec> | undefined;
  let page: string | undefined;
  const getSpec = () => {
    spec ??= buildOpenApiSpec();
    return spec;
  };

  routes.get("/openapi.json", (c) => c.json(getSpec()));

  routes.get("/docs", (c) => {
    page ??= renderDocsPage(getSpec());
    c.header("Content-Security-Policy", DOCS_PAGE_POLICY);
    return c.html(page);
  });

  return routes;
}
