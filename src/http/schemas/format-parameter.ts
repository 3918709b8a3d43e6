import { z } from "@hono/zod-openapi";

/**
 * The `format` query parameter of routes that answer JSON or a document: the same validation everywhere (an unknown
 * format is a 400 naming the accepted ones), aliases mapped to one canonical name.
 */
export function formatParameter<const A extends Record<string, string>>(aliases: A, description: string) {
  const accepted = Object.keys(aliases) as [keyof A & string, ...(keyof A & string)[]];
  const canonical = [...new Set(Object.values(aliases))];
  return z
    .enum(accepted, { error: `expected ${canonical.join(" or ")}` })
    .optional()
    .describe(description);
}

/**
 * The format to answer in: the query's when given, else the first whose media type the Accept header names, else JSON.
 */
export function chooseFormat<F extends string>(
  asked: string | undefined,
  aliases: Record<string, F>,
  accept: string | undefined,
  byMediaType: Record<string, F>,
): F | "json" {
  if (asked !== undefined) return aliases[asked] ?? "json";
  const entry = Object.entries(byMediaType).find(([mediaType]) => (accept ?? "").includes(mediaType));
  return entry?.[1] ?? "json";
}
