import { z } from "@hono/zod-openapi";
import { DealSchema as DomainDealSchema } from "../../domain/deal.ts";

// Named here from the domain's fields: `.openapi` exists only on schemas made after @hono/zod-openapi extended zod.
export const DealSchema = z.object(DomainDealSchema.shape).openapi("Deal");
