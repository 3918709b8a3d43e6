import { z } from "@hono/zod-openapi";
import { CitationSchema } from "../../domain/citation.ts";
import { DraftSchema } from "../../domain/draft.ts";
import { ExtractorInfoSchema } from "../../domain/extractor-info.ts";
import { GapSchema } from "../../domain/item.ts";
import { SectionKeySchema } from "../../domain/sections.ts";
import { DealSchema } from "./deal-schema.ts";
import { StoredGapAnswerSchema } from "./draft-schemas.ts";

// The documented shape of an approved version (src/handoff/build-handoff-document.ts); the version routes' typed answers
// hold the two together.

const VERSION_META = { version: z.number().int(), approvedBy: z.string(), approvedAt: z.string() };

export const VersionMetaSchema = z.object(VERSION_META).openapi("VersionMeta");

const HandoffItemSchema = z.object({
  id: z.string(),
  section: SectionKeySchema,
  statement: z.string(),
  status: z.enum(["approved", "edited"]).describe('"edited": approved in the AE\'s own wording'),
  origin: z.enum(["extracted", "ae"]),
  providedByAe: z.boolean(),
  citations: z.array(CitationSchema).describe("verified citations only"),
  details: z.record(z.string(), z.unknown()),
  flags: z.array(z.string()),
  extractedStatement: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
});

export const HandoffDocumentSchema = z
  .object({
    version: z.number().int(),
    dealId: z.string(),
    approvedBy: z.string(),
    approvedAt: z.string(),
    deal: DealSchema.pick({ id: true, account: true, closeDate: true, amount: true, currency: true, aeId: true, csmId: true }),
    items: z.array(HandoffItemSchema).describe("items neither rejected nor waiting for a citation check, in section order"),
    gapAnswers: z.array(z.object({ ...StoredGapAnswerSchema.shape, question: z.string() })),
    gaps: z.array(GapSchema).describe("sections still empty and unanswered at approval"),
    completeness: DraftSchema.shape.completeness,
    sources: DraftSchema.shape.sources,
    extractor: ExtractorInfoSchema,
    implicitlyApprovedItemIds: z.array(z.string()).describe('items still in "draft" that this approval approved'),
    excluded: z.object({ rejectedItemIds: z.array(z.string()), needsCheckingItemIds: z.array(z.string()) }),
  })
  .openapi("HandoffDocument");

export const VersionSchema = z.object({ ...VERSION_META, document: HandoffDocumentSchema }).openapi("Version");
