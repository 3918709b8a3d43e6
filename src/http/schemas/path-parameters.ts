import { z } from "@hono/zod-openapi";

/** Path parameters shared by the deal routes, each with the description the document shows. */
export const DealIdParameter = z.string().max(64).describe("the deal's id (deal_…)");
export const DealPathSchema = z.object({ dealId: DealIdParameter });
