import { z } from "@hono/zod-openapi";

export const DealSchema = z
  .object({
    id: z.string(),
    account: z.string(),
    closeDate: z.string().nullable().describe("YYYY-MM-DD"),
    amount: z.number().nullable(),
    currency: z.string().nullable(),
    aeId: z.string(),
    csmId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    revision: z
      .number()
      .int()
      .nonnegative()
      .describe(
        "bumped by every change to what the deal's draft, brief or report reads (deal fields, sources, items, gap answers, versions)",
      ),
  })
  .openapi("Deal");
