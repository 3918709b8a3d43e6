import { readFileSync } from "node:fs";
import { statusFor } from "../../errors.ts";
import { buildComponentSchemas } from "./component-schemas.ts";
import { DEAL_OPERATIONS } from "./deal-operations.ts";
import { HANDOFF_OPERATIONS } from "./handoff-operations.ts";
import type { JsonSchema, OperationSpec } from "./operation-spec.ts";
import { SERVICE_OPERATIONS } from "./service-operations.ts";
import { ERROR_CODES } from "../../errors.ts";

/** Every operation of the API, in the order the docs page shows them. */
export const API_OPERATIONS: readonly OperationSpec[] = [...DEAL_OPERATIONS, ...HANDOFF_OPERATIONS, ...SERVICE_OPERATIONS];

export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  tags: { name: string }[];
  paths: Record<string, Record<string, JsonSchema>>;
  components: Record<string, Record<string, JsonSchema>>;
};

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "invalid input: the message names the field",
  401: "missing or invalid bearer token",
  403: "the caller's role may not do this to this object",
  404: "no such object, or one the caller may not see",
  409: "conflicts with the object's current state",
  413: "body over the size limit (checked before the body is read)",
  415: "unsupported content type or file format",
  500: "internal error (the detail is in the server log only)",
  502: "the LLM endpoint failed after retries",
  504: "the request took longer than BATON_REQUEST_TIMEOUT_MS",
};

/** The OpenAPI 3.1 description of the service, built from the operation tables and the routes' zod schemas. */
export function buildOpenApiSpec(): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const operation of API_OPERATIONS) {
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method] = toOperationObject(operation);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Baton",
      version: readVersion(),
      description:
        "Sales-to-customer-success handoffs in which every item cites its source. Everything under /v1 needs " +
        "`Authorization: Bearer <token>` (tokens come from `baton users add` or POST /v1/users). Every error answers " +
        "{error: {code, message, requestId}}; every response carries X-Request-Id.",
    },
    tags: [...new Set(API_OPERATIONS.map((operation) => operation.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "a token from `baton users add` or POST /v1/users; only its hash is stored",
        },
      },
      headers: { RequestId: { description: "this request's id, also error.requestId", schema: { type: "string" } } },
      schemas: buildComponentSchemas(),
      responses: Object.fromEntries(
        Object.entries(ERROR_DESCRIPTIONS).map(([status, description]) => [
          `Error${status}`,
          {
            description,
            headers: { "X-Request-Id": { $ref: "#/components/headers/RequestId" } },
            content: {
              "application/json": {
                schema: {
                  allOf: [{ $ref: "#/components/schemas/Error" }],
                  properties: { error: { properties: { code: { enum: codesFor(Number(status)) } } } },
                },
              },
            },
          },
        ]),
      ),
    },
  };
}

function toOperationObject(operation: OperationSpec): JsonSchema {
  const authenticated = operation.access !== "public";
  const errors = new Set(operation.errors ?? []);
  // Every /v1 request passes the bearer check and the request deadline.
  if (authenticated) for (const status of [401, 500, 504]) errors.add(status);
  const responses: JsonSchema = {};
  for (const [status, response] of Object.entries(operation.responses)) {
    responses[status] = {
      description: response.description,
      headers: { "X-Request-Id": { $ref: "#/components/headers/RequestId" } },
      ...(response.content
        ? { content: Object.fromEntries(Object.entries(response.content).map(([type, schema]) => [type, { schema }])) }
        : {}),
    };
  }
  for (const status of [...errors].sort((a, b) => a - b)) responses[String(status)] = { $ref: `#/components/responses/Error${status}` };
  const access = operation.access === "public" ? "Public: no token needed." : `Allowed: ${operation.access.rule}.`;
  return {
    operationId: operationIdFor(operation),
    tags: [operation.tag],
    summary: operation.summary,
    description: [operation.description, access].filter(Boolean).join("\n\n"),
    "x-roles": operation.access === "public" ? "public" : operation.access.roles,
    security: authenticated ? [{ bearer: [] }] : [],
    ...(operation.parameters ? { parameters: operation.parameters } : {}),
    ...(operation.requestBody
      ? {
          requestBody: {
            required: true,
            content: Object.fromEntries(Object.entries(operation.requestBody).map(([type, schema]) => [type, { schema }])),
          },
        }
      : {}),
    responses,
  };
}

/** getDealsByDealIdSources for GET /v1/deals/{dealId}/sources. */
export function operationIdFor(operation: Pick<OperationSpec, "method" | "path">): string {
  const words = operation.path
    .split("/")
    .filter((part) => part !== "" && part !== "v1")
    .map((part) =>
      part.startsWith("{")
        ? `By${capitalize(part.slice(1, -1))}`
        : capitalize(part.replace(/[^a-z0-9]+(.)?/gi, (_, c: string | undefined) => (c ?? "").toUpperCase())),
    );
  return `${operation.method}${words.join("")}`;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function codesFor(status: number): string[] {
  return ERROR_CODES.filter((code) => statusFor(code) === status);
}

function readVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version?: string };
    return manifest.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}
