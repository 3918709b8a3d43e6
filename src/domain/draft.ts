import { z } from "zod";
import { ExtractorInfoSchema } from "./extractor-info.ts";
import { DraftItemSchema, GapSchema } from "./item.ts";
import { UsageSchema } from "./usage.ts";

/** A source as a draft lists it: no text, only what identifies it. */
export const DraftSourceSchema = z.object({ id: z.string(), filename: z.string(), format: z.string(), sha256: z.string() });
export type DraftSource = z.infer<typeof DraftSourceSchema>;

export const CompletenessSchema = z.object({ score: z.number(), sectionsFilled: z.number().int(), sectionsTotal: z.number().int() });
export type Completeness = z.infer<typeof CompletenessSchema>;

export const DraftSchema = z.object({
  extractor: ExtractorInfoSchema,
  sources: z.array(DraftSourceSchema),
  /** Items with at least one verified citation (or added by the AE), in section order. */
  items: z.array(DraftItemSchema),
  /** Items whose every citation failed verification: never shown as fact, listed apart for the reviewer. */
  needsChecking: z.array(DraftItemSchema),
  gaps: z.array(GapSchema),
  completeness: CompletenessSchema,
  usage: UsageSchema,
  createdAt: z.string(),
});
export type Draft = z.infer<typeof DraftSchema>;
