import { z } from "@hono/zod-openapi";

/** A calendar date as YYYY-MM-DD: 2026-02-31 is refused, not rolled over to March. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD")
  .refine((value) => {
    const ms = Date.parse(`${value}T00:00:00Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(value);
  }, "not a calendar date")
  .openapi({ format: "date" });
