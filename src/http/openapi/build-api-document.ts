import { readFileSync } from "node:fs";
import { ERROR_CODES, type ErrorCode } from "../../errors.ts";
import type { ApiApp } from "../api-app.ts";
import { statusFor } from "../../errors.ts";
import { ErrorSchema } from "../schemas/error-schema.ts";

/** A JSON Schema or any other part of the document, as plain JSON. */
export type JsonObject = Record<string, unknown>;

export type ApiDocument = {
  openapi: string;
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, JsonObject>>;
  components: Record<string, Record<string, JsonObject>>;
};

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "invalid input: the message names the field",
  401: "missing or invalid bearer token",
  403: "the caller's role may not do this to this object",
  404: "no such object, or one the caller may not see",
  409: "conflicts with the object's current state",
  412: "If-Match names a version the object is no longer at: the ETag header carries its current version",
  413: "body over a limit: its size (checked before the body is read), or a JSON body's depth or key count (checked before it is parsed)",
  415: "unsupported content type or file format",
  422: "well-formed, but names something Baton cannot apply (e.g. an unknown AE email); nothing was changed",
  500: "internal error (the detail is in the server log only)",
  503: "a feature this route needs is not configured (the message names the setting); retry once it is",
  504: "the request took longer than BATON_REQUEST_TIMEOUT_MS",
};

/** The error codes answered with an HTTP status: the envelope's `code` for that status. */
export function codesFor(status: number): ErrorCode[] {
  return ERROR_CODES.filter((code) => statusFor(code) === status);
}

/** The OpenAPI 3.1 description of the service, generated from the routes registered on the app. */
export function buildApiDocument(app: ApiApp): ApiDocument {
  const registry = app.openAPIRegistry;
  registry.register("Error", ErrorSchema);
  registry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "a token from `baton users add` or POST /v1/users; only its hash is stored",
  });
  registry.registerComponent("headers", "RequestId", {
    description:
      "this request's id, also error.requestId: the caller's X-Request-Id when it matches ^[A-Za-z0-9._:-]{1,128}$, else a generated UUID",
    schema: { type: "string" },
  });
  registry.registerComponent("headers", "ETag", {
    description:
      'the object\'s version as a strong entity tag (the version in quotes, "3"): send it in If-Match to change the object ' +
      "only if nobody changed it since",
    schema: { type: "string" },
  });
  for (const [status, description] of Object.entries(ERROR_DESCRIPTIONS)) {
    registry.registerComponent("responses", `Error${status}`, {
      description,
      headers: {
        "X-Request-Id": { $ref: "#/components/headers/RequestId" },
        ...(status === "412" ? { ETag: { $ref: "#/components/headers/ETag" } } : {}),
      },
      content: {
        "application/json": {
          schema: {
            allOf: [{ $ref: "#/components/schemas/Error" }],
            properties: { error: { properties: { code: { enum: codesFor(Number(status)) } } } },
          },
        },
      },
    });
  }
  const document = app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "Baton",
      version: readManifest().version ?? "0.0.0",
      license: { name: readManifest().license ?? "UNLICENSED" },
      description:
        "Sales-to-customer-success handoffs in which every item cites its source. Everything under /v1 needs " +
        "`Authorization: Bearer <token>` (tokens come from `baton users add` or POST /v1/users). Every error answers " +
        "{error: {code, message, requestId}}; every response carries X-Request-Id.",
    },
    // Relative: the document describes whichever host serves it.
    servers: [{ url: "/", description: "this service" }],
    tags: [...new Set(app.openAPIRegistry.definitions.flatMap((d) => (d.type === "route" ? (d.route.tags ?? []) : [])))].map((name) => ({
      name,
    })),
  }) as unknown as ApiDocument;
  closeObjects(document);
  return document;
}

/**
 * Every object this API answers or accepts is closed: a field the code sends without documenting it fails the contract
 * test, and request bodies refuse unknown fields. The zod schemas shared with the CLI and the extractor are open (they
 * parse what others write), so the document states it once here instead of in each schema.
 */
function closeObjects(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) closeObjects(item);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const object = node as JsonObject;
  const type = object.type;
  const isObject = type === "object" || (Array.isArray(type) && type.includes("object"));
  if (isObject && object.properties !== undefined && object.additionalProperties === undefined) object.additionalProperties = false;
  for (const value of Object.values(object)) closeObjects(value);
}

function readManifest(): { version?: string; license?: string } {
  try {
    return JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version?: string; license?: string };
  } catch {
    return {};
  }
}
