import { z } from "@hono/zod-openapi";
import { DraftItemSchema, GapSchema } from "../../domain/item.ts";
import { DraftSchema } from "../../domain/draft.ts";
import { MatchKindSchema } from "../../domain/citation.ts";
import { SectionKeySchema } from "../../domain/sections.ts";

export const StoredItemSchema = DraftItemSchema.extend({
  extractedStatement: z.string().nullable().describe("the extractor's words when the AE edited the statement"),
  needsChecking: z.boolean().describe("every citation failed verification: never shown as fact"),
  runId: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).openapi("StoredItem");

export const StoredGapAnswerSchema = z
  .object({ section: SectionKeySchema, answer: z.string(), answeredBy: z.string(), answeredAt: z.string() })
  .openapi("GapAnswer");

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
