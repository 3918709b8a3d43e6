import { createHash } from "node:crypto";
import { z } from "zod";

// Keywords some OpenAI-compatible servers reject in strict mode; zod still enforces them on the answer.
const UNSENT_KEYWORDS = new Set(["$schema", "maxLength", "minLength"]);

/** JSON Schema for strict structured output, plus a hash of it for cache keys. */
export function toStrictJsonSchema(schema: z.ZodType): { jsonSchema: Record<string, unknown>; hash: string } {
  const jsonSchema = strip(z.toJSONSchema(schema, { target: "draft-7" })) as Record<string, unknown>;
  const hash = createHash("sha256").update(JSON.stringify(jsonSchema)).digest("hex").slice(0, 12);
  return { jsonSchema, hash };
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !UNSENT_KEYWORDS.has(key))
      .map(([key, inner]) => [key, strip(inner)]),
  );
}
