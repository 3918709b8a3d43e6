import { z } from "zod";
import { MATCH_KINDS, type MatchKind } from "../grounding/quote-verification.ts";
import { SectionKeySchema } from "./sections.ts";

// The match kinds are grounding's: one definition, shared by drafts and `baton verify`.
export const MatchKindSchema = z.enum(MATCH_KINDS);
export type { MatchKind };

export const CitationSchema = z.object({
  sourceId: z.string(),
  segmentId: z.string(),
  speaker: z.string().nullable(),
  startMs: z.number().nullable(),
  /** The source's own text for the span when verified; the claimed quote when unverified. */
  quote: z.string(),
  charStart: z.number().int(),
  charEnd: z.number().int(),
  match: MatchKindSchema,
  /** Every segment the span touches, when it crosses a segment boundary. */
  segmentIds: z.array(z.string()).optional(),
  filename: z.string().optional(),
  reason: z.string().optional(),
});
export type Citation = z.infer<typeof CitationSchema>;

export const ItemStatusSchema = z.enum(["draft", "approved", "edited", "rejected"]);
export type ItemStatus = z.infer<typeof ItemStatusSchema>;

export const DraftItemSchema = z.object({
  id: z.string(),
  section: SectionKeySchema,
  statement: z.string(),
  citations: z.array(CitationSchema),
  status: ItemStatusSchema,
  /** Section-specific structure (who promised, due date, stance, severity…). */
  details: z.record(z.string(), z.unknown()).optional(),
  /** "extracted" by an extractor, or "ae" when the AE added it without a source. */
  origin: z.enum(["extracted", "ae"]).optional(),
  /** Reviewer-facing markers: "contradiction", "unrealistic", "prompt-injection", "markup-removed", "refused". */
  flags: z.array(z.string()).optional(),
});
export type DraftItem = z.infer<typeof DraftItemSchema>;

export const GapSchema = z.object({ section: SectionKeySchema, question: z.string() });
export type Gap = z.infer<typeof GapSchema>;

export const UsageSchema = z.object({
  llmCalls: z.number().int(),
  cachedCalls: z.number().int(),
  promptTokens: z.number().int(),
  completionTokens: z.number().int(),
});
export type Usage = z.infer<typeof UsageSchema>;

export const ExtractorInfoSchema = z.object({
  kind: z.enum(["llm", "offline"]),
  model: z.string().optional(),
  promptVersion: z.string().optional(),
});
export type ExtractorInfo = z.infer<typeof ExtractorInfoSchema>;

export const DraftSchema = z.object({
  extractor: ExtractorInfoSchema,
  sources: z.array(z.object({ id: z.string(), filename: z.string(), format: z.string(), sha256: z.string() })),
  /** Items with at least one verified citation (or added by the AE), in section order. */
  items: z.array(DraftItemSchema),
  /** Items whose every citation failed verification: never shown as fact, listed apart for the reviewer. */
  needsChecking: z.array(DraftItemSchema),
  gaps: z.array(GapSchema),
  completeness: z.object({ score: z.number(), sectionsFilled: z.number().int(), sectionsTotal: z.number().int() }),
  usage: UsageSchema,
  createdAt: z.string(),
});
export type Draft = z.infer<typeof DraftSchema>;
