import { z } from "zod";

/** How a quote was found in its source: one definition, shared by grounding, drafts and `baton verify`. */
export const MATCH_KINDS = ["exact", "normalized", "fuzzy", "unverified"] as const;
export const MatchKindSchema = z.enum(MATCH_KINDS);
export type MatchKind = (typeof MATCH_KINDS)[number];

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
