import { z } from "zod";
import { CitationSchema } from "./citation.ts";
import { DealSchema } from "./deal.ts";
import { CompletenessSchema, DraftSourceSchema } from "./draft.ts";
import { ExtractorInfoSchema } from "./extractor-info.ts";
import { GapAnswerSchema } from "./gap-answer.ts";
import { GapSchema, ItemOriginSchema } from "./item.ts";
import { SectionKeySchema } from "./sections.ts";

/** An item as an approved handoff states it: reviewed, with verified citations only. */
export const HandoffItemSchema = z.object({
  id: z.string(),
  section: SectionKeySchema,
  statement: z.string(),
  /** "edited" means approved in the AE's own wording; `extractedStatement` keeps the extractor's. */
  status: z.enum(["approved", "edited"]).describe('"edited": approved in the AE\'s own wording'),
  origin: ItemOriginSchema,
  /** Added by the AE, not found by extraction: provided by the AE even when a verified quote supports it. */
  providedByAe: z.boolean(),
  /** Verified citations only (exact, normalized or fuzzy); an unverified quote is never shown as a citation. */
  citations: z.array(CitationSchema).describe("verified citations only"),
  details: z.record(z.string(), z.unknown()),
  flags: z.array(z.string()),
  /** The extractor's statement when the AE reworded an extracted item; null otherwise. */
  extractedStatement: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
});
export type HandoffItem = z.infer<typeof HandoffItemSchema>;

/** What approving a handoff freezes: read by the CSM brief and the reports, never changed once stored. */
export const HandoffDocumentSchema = z.object({
  version: z.number().int(),
  dealId: z.string(),
  approvedBy: z.string(),
  approvedAt: z.string(),
  deal: DealSchema.pick({ id: true, account: true, closeDate: true, amount: true, currency: true, aeId: true, csmId: true }),
  /** Items not rejected and not waiting for a citation check, in section order. */
  items: z.array(HandoffItemSchema).describe("items neither rejected nor waiting for a citation check, in section order"),
  /** The AE's answers to sections the sources left empty: provided by the AE, not sourced. */
  gapAnswers: z.array(GapAnswerSchema.omit({ version: true }).extend({ question: z.string() })),
  /** Sections still empty and unanswered at approval. */
  gaps: z.array(GapSchema).describe("sections still empty and unanswered at approval"),
  completeness: CompletenessSchema,
  sources: z.array(DraftSourceSchema),
  extractor: ExtractorInfoSchema,
  /** Items still in "draft" that this approval approved on the AE's behalf. */
  implicitlyApprovedItemIds: z.array(z.string()).describe('items still in "draft" that this approval approved'),
  /** What the approval left out: items the AE rejected, items whose every citation failed verification. */
  excluded: z.object({ rejectedItemIds: z.array(z.string()), needsCheckingItemIds: z.array(z.string()) }),
});
export type HandoffDocument = z.infer<typeof HandoffDocumentSchema>;

/** Who approved which version when. */
export type Approval = { version: number; approvedBy: string; approvedAt: string };
