import { checkJsonSchema } from "./check-json-schema.ts";

type JsonObject = Record<string, unknown>;
type Spec = { paths: Record<string, Record<string, JsonObject>> };

/** An operation as the spec names it: "post /v1/deals/{dealId}/items". */
export type OperationKey = string;

function operationOf(spec: Spec, key: OperationKey): JsonObject {
  const [method, path] = key.split(" ");
  const operation = spec.paths[path!]?.[method!];
  if (operation === undefined) throw new Error(`${key} is not in the spec`);
  return operation;
}

function resolve(spec: Spec, value: JsonObject): JsonObject {
  if (typeof value.$ref !== "string") return value;
  return value.$ref
    .slice(2)
    .split("/")
    .reduce<JsonObject>((node, key) => node[key] as JsonObject, spec as unknown as JsonObject);
}

/** The media types the spec documents for an operation's status; [] for a response without a body. */
export function documentedMediaTypes(spec: Spec, key: OperationKey, status: number): string[] {
  const response = (operationOf(spec, key).responses as Record<string, JsonObject>)[String(status)];
  return response === undefined ? [] : Object.keys((resolve(spec, response).content as JsonObject | undefined) ?? {});
}

/** How a JSON request body breaks the operation's documented request schema ([] when it conforms). */
export function checkRequestBody(spec: Spec, key: OperationKey, body: unknown): string[] {
  const requestBody = operationOf(spec, key).requestBody as { content: Record<string, { schema: JsonObject }> } | undefined;
  const schema = requestBody?.content["application/json"]?.schema;
  if (schema === undefined) return [`${key} documents no JSON request body`];
  return checkJsonSchema(body, schema, spec).map((problem) => `request ${problem}`);
}

/**
 * How a real response breaks what the spec says `key` answers: an undocumented status, a content type the
 * status does not list, a body where none is documented, a documented header missing (X-Request-Id, ETag…), or a
 * JSON body off its schema.
 */
export async function checkResponse(spec: Spec, key: OperationKey, response: Response): Promise<string[]> {
  const documented = (operationOf(spec, key).responses as Record<string, JsonObject>)[String(response.status)];
  if (documented === undefined) return [`${key} answered ${response.status}, which the spec does not list`];
  const content = resolve(spec, documented).content as Record<string, { schema: JsonObject }> | undefined;
  const problems: string[] = [];
  if (!response.headers.get("x-request-id")) problems.push("no X-Request-Id header");
  const headers = Object.keys((resolve(spec, documented).headers as JsonObject | undefined) ?? {});
  for (const name of headers) if (!response.headers.get(name)) problems.push(`no ${name} header`);
  const text = await response.text();
  if (content === undefined) return text === "" ? problems : [...problems, `a body where the spec documents none: ${text.slice(0, 80)}`];
  const mediaType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
  const media = content[mediaType];
  if (media === undefined) return [...problems, `content type ${mediaType || "(none)"} is not one of ${Object.keys(content).join(", ")}`];
  if (!mediaType.endsWith("json")) return checkJsonSchema(text, media.schema, spec).concat(problems);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [...problems, "the body is not JSON"];
  }
  return [...problems, ...checkJsonSchema(body, media.schema, spec)];
}
