import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_QUOTE_LENGTH } from "../../src/grounding/verify-quote.ts";
import type { ApiDocument as OpenApiDocument } from "../../src/http/openapi/build-api-document.ts";
import { MAX_GAP_ANSWER_LENGTH } from "../../src/services/gap-answer-service.ts";
import { MAX_STATEMENT_LENGTH } from "../../src/services/review-service.ts";
import { MAX_FILES_PER_UPLOAD } from "../../src/services/source-service.ts";
import { createTestApp, type TestApp } from "../support/test-app.ts";
import { isPagePath } from "../../src/web/create-web-routes.ts";

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

async function fetchSpec(): Promise<OpenApiDocument> {
  const res = await t.request("GET", "/openapi.json");
  expect(res.status).toBe(200);
  return (await res.json()) as OpenApiDocument;
}

/** Hono's "/v1/deals/:dealId" as OpenAPI's "/v1/deals/{dealId}". */
function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
}

function collectRefs(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) collectRefs(item, into);
  else if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "$ref" && typeof inner === "string") into.push(inner);
      else collectRefs(inner, into);
    }
  }
  return into;
}

describe("GET /openapi.json", () => {
  it("describes every route the app registers, so the spec cannot drift silently", async () => {
    const spec = await fetchSpec();
    const registered = t.app.routes
      .filter((route) => route.method !== "ALL" && !isPagePath(route.path))
      .map((route) => `${route.method.toLowerCase()} ${toOpenApiPath(route.path)}`);
    expect(registered.length).toBeGreaterThan(10);
    const documented = new Set(Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`)));
    const missing = [...new Set(registered)].filter((route) => !documented.has(route));
    expect(missing, "routes registered on the app without a definition (register routes with app.openapi)").toEqual([]);
  });

  it("is OpenAPI 3.1 with bearer security on /v1 (the signed CRM webhook aside), public routes open, and parameters for every path placeholder", async () => {
    const spec = await fetchSpec();
    expect(spec.openapi).toBe("3.1.0");
    expect(spec.components.securitySchemes).toMatchObject({ bearer: { type: "http", scheme: "bearer" } });
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const label = `${method} ${path}`;
        const responses = operation.responses as Record<string, unknown>;
        if (path === "/v1/webhooks/crm") {
          // The CRM signs instead: no bearer, no user role, and 401 for a bad signature.
          expect([operation.security, operation["x-roles"]], label).toEqual([[], []]);
          expect(responses["401"], label).toEqual({ $ref: "#/components/responses/Error401" });
        } else if (path.startsWith("/v1/")) {
          expect(operation.security, label).toEqual([{ bearer: [] }]);
          expect(responses["401"], label).toEqual({ $ref: "#/components/responses/Error401" });
          expect(Array.isArray(operation["x-roles"]) && (operation["x-roles"] as string[]).length > 0, label).toBe(true);
        } else {
          expect(operation.security, label).toEqual([]);
        }
        const placeholders = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
        const pathParameters = ((operation.parameters as { name: string; in: string }[] | undefined) ?? [])
          .filter((p) => p.in === "path")
          .map((p) => p.name);
        expect(pathParameters.sort(), label).toEqual(placeholders.sort());
        expect(
          Object.keys(responses).some((status) => status.startsWith("2")),
          label,
        ).toBe(true);
      }
    }
    const operationIds = Object.values(spec.paths).flatMap((methods) => Object.values(methods).map((o) => o.operationId));
    expect(new Set(operationIds).size).toBe(operationIds.length);
  });

  it("resolves every $ref and generates request schemas from the routes' own zod schemas", async () => {
    const spec = await fetchSpec();
    for (const reference of collectRefs(spec)) {
      const [, section, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(reference) ?? [];
      expect(spec.components[section!]?.[name!], reference).toBeDefined();
    }
    // Generated, not hand-written: the strictness and limits of DealInputSchema and the verify body come through.
    expect(spec.components.schemas!.DealInput).toMatchObject({ additionalProperties: false, required: ["account"] });
    expect(spec.components.schemas!.VerifyBatch).toMatchObject({ properties: { checks: { maxItems: 200 } } });
    expect(spec.components.schemas!.DealDraft).toMatchObject({ properties: { needsChecking: { type: "array" } } });
    expect(spec.components.schemas!.Error).toMatchObject({ properties: { error: { required: ["code", "message", "requestId"] } } });
    // The review, gap, upload and batch bodies come from the schemas their routes export, limits included.
    const schemas = spec.components.schemas!;
    expect(schemas.ItemPatch).toMatchObject({
      additionalProperties: false,
      minProperties: 1,
      properties: { statement: { maxLength: MAX_STATEMENT_LENGTH } },
    });
    expect(schemas.ItemInput).toMatchObject({ required: ["section", "statement"], properties: { quote: { maxLength: MAX_QUOTE_LENGTH } } });
    expect(schemas.GapAnswerInput).toMatchObject({
      additionalProperties: false,
      properties: { answer: { maxLength: MAX_GAP_ANSWER_LENGTH } },
    });
    expect(schemas.SourceUpload).toMatchObject({
      additionalProperties: false,
      required: ["filename"],
      properties: { filename: { maxLength: 255 } },
    });
    const upload = spec.paths["/v1/deals/{dealId}/sources"]!.post!.requestBody as { content: Record<string, { schema: unknown }> };
    expect(upload.content["multipart/form-data"]!.schema).toMatchObject({ properties: { file: { maxItems: MAX_FILES_PER_UPLOAD } } });
    expect(schemas.BatchInput).toMatchObject({ additionalProperties: false, properties: { dealIds: { maxItems: 1000 } } });
    // Response schemas are closed: a field the code adds without documenting it fails the contract test.
    expect(schemas.Deal).toMatchObject({ additionalProperties: false, required: expect.arrayContaining(["revision"]) });
    expect(schemas.Brief).toMatchObject({ additionalProperties: false, required: expect.arrayContaining(["nextSteps", "team"]) });
    expect(schemas.HandoffReport).toMatchObject({
      properties: {
        totals: {
          properties: { hoursToApprovedHandoff: { required: ["deals", "median", "mean", "backfilledDeals"], additionalProperties: false } },
        },
      },
    });
  });

  it("lists the error statuses each route can answer: the deadline on every /v1 route, 400 for a bad brief or report query", async () => {
    const spec = await fetchSpec();
    const responsesOf = (path: string, method: string) => Object.keys(spec.paths[path]![method]!.responses as object);
    for (const [path, methods] of Object.entries(spec.paths)) {
      if (!path.startsWith("/v1/")) continue;
      for (const method of Object.keys(methods))
        expect(responsesOf(path, method), `${method} ${path}`).toEqual(expect.arrayContaining(["401", "500", "504"]));
    }
    expect(responsesOf("/v1/deals/{dealId}/brief", "get")).toContain("400");
    expect(responsesOf("/v1/reports/handoffs", "get")).toEqual(expect.arrayContaining(["200", "400", "403"]));
    expect((spec.paths["/v1/reports/handoffs"]!.get!.parameters as { name: string }[]).map((p) => p.name)).toEqual([
      "format",
      "from",
      "to",
    ]);
    // A run that fails inside ?wait=true is answered 200 with its error, never 502.
    expect(responsesOf("/v1/deals/{dealId}/extractions", "post")).not.toContain("502");
  });

  it("is public: no token needed, and carries a request id", async () => {
    const res = await t.request("GET", "/openapi.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBeTruthy();
    const withBadToken = await t.request("GET", "/openapi.json", { token: "baton_wrong" });
    expect(withBadToken.status).toBe(200);
  });
});

describe("GET /docs", () => {
  it("lists every operation with method, path, summary and roles, self-contained for offline use", async () => {
    const res = await t.request("GET", "/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    const html = await res.text();
    const spec = await fetchSpec();
    const operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ method, path, summary: String(operation.summary) })),
    );
    expect(operations.length).toBeGreaterThan(10);
    for (const operation of operations) {
      const escapedPath = operation.path.replace(/&/g, "&#38;");
      expect(html, `${operation.method} ${operation.path}`).toContain(
        `<span class="method ${operation.method}">${operation.method}</span> <code class="path">${escapedPath}</code>`,
      );
      expect(html).toContain(
        operation.summary
          .replace(/&/g, "&#38;")
          .replace(/'/g, "&#39;")
          .replace(/"/g, "&#34;")
          .replace(/</g, "&#60;")
          .replace(/>/g, "&#62;"),
      );
    }
    expect(html).toContain("Roles allowed: admin");
    expect(html).toContain("Roles allowed: public (no token)");
    // Body schemas are rendered as field tables: the verify body's fields are listed.
    expect(html).toMatch(/<code>quote<\/code><\/td><td>string<\/td><td>yes<\/td>/);
    // Nothing loaded from elsewhere: no script at all, no external stylesheet, image or font.
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/i);
  });
});
