import type { ZodType } from "zod";

/** A response or request body that is JSON of this schema. */
export function jsonContent<const S extends ZodType>(schema: S, description: string) {
  return { description, content: { "application/json": { schema } } } as const;
}
