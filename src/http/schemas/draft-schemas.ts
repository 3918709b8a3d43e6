import { z } from "@hono/zod-openapi";
import { GapSchema } from "../../domain/item.ts";
import { GapAnswerSchema } from "../../domain/gap-answer.ts";
import { StoredItemSchema as DomainStoredItemSchema } from "../../domain/stored-item.ts";
import { DraftSchema } from "../../domain/draft.ts";
import { MatchKindSchema } from "../../domain/citation.ts";

export const StoredItemSchema = z.object(DomainStoredItemSchema.shape).openapi("StoredItem");

export const StoredGapAnswerSchema = z.object(GapAnswerSchema.shape).openapi("GapAnswer");

export const DraftGapSchema = GapSchema.extend({
  answer: StoredGapAnswerSchema.optional().describe("the AE's answer, when given"),
}).openapi("DraftGap");

// Named schemas are built here, not named where another folder built them: `.openapi` exists only on schemas made
// after @hono/zod-openapi extended zod, and import order must not decide that.
export const CompletenessSchema = z.object(DraftSchema.shape.completeness.shape).openapi("Completeness");

export const DealDraftSchema = DraftSchema.extend({
  dealId: z.string(),
  items: z.array(StoredItemSchema).describe("items with a verified citation or added by the AE, rejected ones included, in section order"),
  needsChecking: z.array(StoredItemSchema),
  gaps: z.array(DraftGapSchema),
  completeness: CompletenessSchema,
  createdAt: z.string().nullable().describe("when the latest successful extraction run finished; null before any has"),
}).openapi("DealDraft");

/** How the quote of an item the AE adds was checked against the deal's sources. */
export const QuoteCheckSchema = z.object({ match: MatchKindSchema, reason: z.string().optional() }).openapi("QuoteCheck");
