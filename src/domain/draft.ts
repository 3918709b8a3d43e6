import { z } from "zod";
import { ExtractorInfoSchema } from "./extractor-info.ts";
import { DraftItemSchema, GapSchema } from "./item.ts";
import { UsageSchema } from "./usage.ts";

/** A source as a draft lists it: no text, only what identifies it. */
export const DraftSourceSchema = z.object({ id: z.string(), filename: z.string(), format: z.string(), sha256: z.string() });
export type DraftSource = z.infer<typeof DraftSourceSchema>;

export const CompletenessSchema = z.object({ score: z.number(), sectionsFilled: z.number().int(), sectionsTotal: z.number().int() });
export type Completeness = z.infer<typeof CompletenessSchema>;

/**
 * Something the reviewer should know about a source as a whole: an "off-topic-source" shares no people,
 * company or subject with the rest of the deal (its items are listed for checking); "unrelated-sources"
 * when no source of the deal shares any with another.
 */
export const SourceWarningSchema = z.object({
  kind: z.enum(["off-topic-source", "unrelated-sources"]),
  sourceId: z.string(),
  filename: z.string(),
  message: z.string(),
});
export type SourceWarning = z.infer<typeof SourceWarningSchema>;

export const DraftSchema = z.object({
  extractor: ExtractorInfoSchema,
  sources: z.array(DraftSourceSchema),
  /** Items with at least one verified citation (or added by the AE), in section order. */
  items: z.array(DraftItemSchema),
  /** Items whose every citation failed verification: never shown as fact, listed apart for the reviewer. */
  needsChecking: z.array(DraftItemSchema),
  gaps: z.array(GapSchema),
  /** Warnings about whole sources; absent in drafts made before warnings existed. */
  warnings: z.array(SourceWarningSchema).optional(),
  completeness: CompletenessSchema,
  usage: UsageSchema,
  createdAt: z.string(),
});
export type Draft = z.infer<typeof DraftSchema>;
