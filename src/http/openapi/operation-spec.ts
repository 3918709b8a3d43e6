import { z } from "zod";
import type { Role } from "../../domain/user.ts";

/** A JSON Schema (2020-12, as OpenAPI 3.1 uses) or a reference to a component schema. */
export type JsonSchema = Record<string, unknown>;

/** Who may call an operation: the roles that can succeed, and the rule about which objects. */
export type Access = { roles: Role[]; rule: string } | "public";

export type ParameterSpec = {
  name: string;
  in: "path" | "query" | "header";
  description: string;
  required?: boolean;
  schema: JsonSchema;
};

export type ResponseSpec = {
  description: string;
  /** Media type → schema; absent for an empty body (204). */
  content?: Record<string, JsonSchema>;
};

/** One operation of the API as the spec and the docs page describe it. */
export type OperationSpec = {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** OpenAPI path, parameters in braces: /v1/deals/{dealId}. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  parameters?: ParameterSpec[];
  /** Media type → schema. */
  requestBody?: Record<string, JsonSchema>;
  /** Success responses by status; the error responses are added from the status list below. */
  responses: Record<string, ResponseSpec>;
  /** Error statuses this operation can answer with the envelope (401, 500 and 504 are implied under /v1). */
  errors?: number[];
};

/** A JSON Schema generated from a zod schema; request bodies describe what may be sent, responses what is answered. */
export function schemaOf(schema: z.ZodType, io: "input" | "output" = "output"): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return json;
}

export function ref(name: string): JsonSchema {
  return { $ref: `#/components/schemas/${name}` };
}

export function arrayOf(name: string): JsonSchema {
  return { type: "array", items: ref(name) };
}

/** A response object whose every listed field is present and which has no others. */
export function envelope(properties: Record<string, JsonSchema>): JsonSchema {
  return { type: "object", properties, required: Object.keys(properties), additionalProperties: false };
}

export function json(schema: JsonSchema): Record<string, JsonSchema> {
  return { "application/json": schema };
}

export function ok(description: string, schema: JsonSchema): ResponseSpec {
  return { description, content: json(schema) };
}

export const NO_CONTENT: Record<string, ResponseSpec> = { "204": { description: "done; no body" } };

export function pathParameter(name: string, description: string): ParameterSpec {
  return { name, in: "path", description, required: true, schema: { type: "string" } };
}

export const DEAL_ID = pathParameter("dealId", "the deal's id (deal_…)");

export function queryParameter(name: string, description: string, schema: JsonSchema): ParameterSpec {
  return { name, in: "query", description, required: false, schema };
}

/** Who may read a deal's content: its AE, its assigned CSM, RevOps. */
export const READ_DEAL: Access = {
  roles: ["ae", "csm", "revops"],
  rule: "the deal's AE, its assigned CSM, or RevOps; any other user gets 404 (an admin 403)",
};

/** Who may change a deal's content: its AE only. */
export const EDIT_DEAL: Access = {
  roles: ["ae"],
  rule: "the deal's AE only; the assigned CSM and RevOps get 403, any other user 404",
};

export const EXTRACT_DEAL: Access = {
  roles: ["ae", "revops"],
  rule: "the deal's AE or RevOps; the assigned CSM gets 403, any other user 404",
};

export const DELETE_DEAL: Access = {
  roles: ["ae", "admin"],
  rule: "the deal's AE, or an administrator on request; CSM and RevOps who can read it get 403, others 404",
};

export const ADMIN_ONLY: Access = { roles: ["admin"], rule: "administrators only; every other role gets 403" };

export const REVOPS_ONLY: Access = { roles: ["revops"], rule: "RevOps only; every other role gets 403" };
