type Schema = Record<string, unknown> | boolean;

// Annotations change nothing about which values conform.
const ANNOTATIONS = new Set(["description", "title", "default", "examples", "deprecated", "readOnly", "writeOnly", "$schema"]);
const ASSERTIONS = new Set([
  "$ref",
  "type",
  "const",
  "enum",
  "minLength",
  "maxLength",
  "pattern",
  "format",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "items",
  "minItems",
  "maxItems",
  "properties",
  "required",
  "additionalProperties",
  "propertyNames",
  "minProperties",
  "allOf",
  "anyOf",
  "oneOf",
]);

const FORMATS: Record<string, (value: string) => boolean> = {
  date: (value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
  "date-time": (value) => /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)),
  email: (value) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value),
  binary: () => true,
};

/**
 * The ways `value` fails a JSON Schema (2020-12 subset the OpenAPI spec uses), each as "$.path: problem";
 * empty when it conforms. Local $refs resolve against `root`. A keyword or format this checker does not know
 * throws, so no constraint of the spec is ever skipped in silence.
 */
export function checkJsonSchema(value: unknown, schema: Schema, root: unknown, at = "$"): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${at}: no value is allowed here`];
  for (const key of Object.keys(schema)) {
    if (!ASSERTIONS.has(key) && !ANNOTATIONS.has(key)) throw new Error(`checkJsonSchema: unsupported keyword "${key}" at ${at}`);
  }
  const problems: string[] = [];
  if (typeof schema.$ref === "string") problems.push(...checkJsonSchema(value, resolvePointer(root, schema.$ref), root, at));
  if (schema.type !== undefined) {
    const types = [schema.type].flat() as string[];
    if (!types.some((type) => hasType(value, type))) return [...problems, `${at}: expected ${types.join(" | ")}, got ${label(value)}`];
  }
  if ("const" in schema && !sameJson(value, schema.const))
    problems.push(`${at}: expected ${JSON.stringify(schema.const)}, got ${label(value)}`);
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => sameJson(value, option))) {
    problems.push(`${at}: ${label(value)} is not one of ${JSON.stringify(schema.enum)}`);
  }
  if (typeof value === "string") problems.push(...checkString(value, schema, at));
  if (typeof value === "number") problems.push(...checkNumber(value, schema, at));
  if (Array.isArray(value)) problems.push(...checkArray(value, schema, root, at));
  if (isObject(value)) problems.push(...checkObject(value, schema, root, at));
  for (const part of (schema.allOf as Schema[] | undefined) ?? []) problems.push(...checkJsonSchema(value, part, root, at));
  for (const [keyword, wanted] of [
    ["anyOf", "at least one"],
    ["oneOf", "exactly one"],
  ] as const) {
    const options = schema[keyword] as Schema[] | undefined;
    if (options === undefined) continue;
    const results = options.map((option) => checkJsonSchema(value, option, root, at));
    const passing = results.filter((result) => result.length === 0).length;
    if (keyword === "anyOf" ? passing === 0 : passing !== 1) {
      const closest = results.reduce((best, result) => (result.length < best.length ? result : best));
      problems.push(
        `${at}: ${passing} of ${options.length} ${keyword} alternatives match, ${wanted} should`,
        ...(passing === 0 ? closest : []),
      );
    }
  }
  return problems;
}

function checkString(value: string, schema: Record<string, unknown>, at: string): string[] {
  const problems: string[] = [];
  const length = [...value].length;
  if (typeof schema.minLength === "number" && length < schema.minLength) problems.push(`${at}: shorter than ${schema.minLength}`);
  if (typeof schema.maxLength === "number" && length > schema.maxLength) problems.push(`${at}: longer than ${schema.maxLength}`);
  if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(value))
    problems.push(`${at}: does not match ${schema.pattern}`);
  if (typeof schema.format === "string") {
    const test = FORMATS[schema.format];
    if (test === undefined) throw new Error(`checkJsonSchema: unsupported format "${schema.format}" at ${at}`);
    if (!test(value)) problems.push(`${at}: ${JSON.stringify(value)} is not a ${schema.format}`);
  }
  return problems;
}

function checkNumber(value: number, schema: Record<string, unknown>, at: string): string[] {
  const bounds: [string, (limit: number) => boolean][] = [
    ["minimum", (limit) => value >= limit],
    ["maximum", (limit) => value <= limit],
    ["exclusiveMinimum", (limit) => value > limit],
    ["exclusiveMaximum", (limit) => value < limit],
  ];
  return bounds.flatMap(([keyword, holds]) =>
    typeof schema[keyword] === "number" && !holds(schema[keyword]) ? [`${at}: ${value} breaks ${keyword} ${schema[keyword]}`] : [],
  );
}

function checkArray(value: unknown[], schema: Record<string, unknown>, root: unknown, at: string): string[] {
  const problems: string[] = [];
  if (typeof schema.minItems === "number" && value.length < schema.minItems) problems.push(`${at}: fewer than ${schema.minItems} items`);
  if (typeof schema.maxItems === "number" && value.length > schema.maxItems) problems.push(`${at}: more than ${schema.maxItems} items`);
  if (schema.items !== undefined) {
    for (const [i, item] of value.entries()) problems.push(...checkJsonSchema(item, schema.items as Schema, root, `${at}[${i}]`));
  }
  return problems;
}

function checkObject(value: Record<string, unknown>, schema: Record<string, unknown>, root: unknown, at: string): string[] {
  const problems: string[] = [];
  const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
  for (const name of (schema.required as string[] | undefined) ?? [])
    if (!(name in value)) problems.push(`${at}: missing required ${name}`);
  const count = Object.keys(value).length;
  if (typeof schema.minProperties === "number" && count < schema.minProperties)
    problems.push(`${at}: fewer than ${schema.minProperties} properties`);
  for (const [name, inner] of Object.entries(value)) {
    const where = `${at}.${name}`;
    if (schema.propertyNames !== undefined)
      problems.push(...checkJsonSchema(name, schema.propertyNames as Schema, root, `${where} (name)`));
    if (name in properties) problems.push(...checkJsonSchema(inner, properties[name]!, root, where));
    else if (schema.additionalProperties === false) problems.push(`${at}: unexpected property ${name}`);
    else if (schema.additionalProperties !== undefined)
      problems.push(...checkJsonSchema(inner, schema.additionalProperties as Schema, root, where));
  }
  return problems;
}

function resolvePointer(root: unknown, pointer: string): Schema {
  if (!pointer.startsWith("#/")) throw new Error(`checkJsonSchema: only local $refs are supported, got ${pointer}`);
  let node = root;
  for (const raw of pointer.slice(2).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = isObject(node) ? node[key] : undefined;
    if (node === undefined) throw new Error(`checkJsonSchema: $ref ${pointer} does not resolve`);
  }
  return node as Schema;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case "null":
      return value === null;
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "array":
      return Array.isArray(value);
    case "object":
      return isObject(value);
    case "string":
    case "boolean":
      return typeof value === type;
    default:
      throw new Error(`checkJsonSchema: unknown type "${type}"`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function label(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value === "object" ? "object" : `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;
}
