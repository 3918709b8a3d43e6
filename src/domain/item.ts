import { z } from "zod";
import { CitationSchema } from "./citation.ts";
import { GapIdSchema } from "./gap-id.ts";
import { SectionKeySchema } from "./sections.ts";

export const ItemStatusSchema = z.enum(["draft", "approved", "edited", "rejected"]);
export type ItemStatus = z.infer<typeof ItemStatusSchema>;

/** "extracted" by an extractor, or "ae" when the AE added it. */
export const ItemOriginSchema = z.enum(["extracted", "ae"]);
export type ItemOrigin = z.infer<typeof ItemOriginSchema>;

export const DraftItemSchema = z.object({
  id: z.string(),
  section: SectionKeySchema,
  statement: z.string(),
  citations: z.array(CitationSchema),
  status: ItemStatusSchema,
  /** Section-specific structure (who promised, due date, stance, severity…). */
  details: z.record(z.string(), z.unknown()).optional(),
  /** "extracted" by an extractor, or "ae" when the AE added it without a source. */
  origin: ItemOriginSchema.optional(),
  /** Reviewer-facing markers: "contradiction", "unrealistic", "prompt-injection", "markup-removed", "refused". */
  flags: z.array(z.string()).optional(),
});
export type DraftItem = z.infer<typeof DraftItemSchema>;

/** A section no item fills, or a contract field no source states, with the question it asks the AE. */
export const GapSchema = z.object({
  id: GapIdSchema.optional().describe(
    "stable id: the section key, or accountOverview.<field> for a contract field; absent in versions approved before gaps had ids, which were section gaps",
  ),
  section: SectionKeySchema,
  question: z.string(),
});
export type Gap = z.infer<typeof GapSchema>;
