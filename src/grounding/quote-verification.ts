import { z } from "zod";
import { MATCH_KINDS } from "../domain/citation.ts";

/** Every verified result scores at least this; every unverified one scores below it. */
export const VERIFIED_MIN_SCORE = 0.5;

export const QuoteVerificationSchema = z.object({
  match: z.enum(MATCH_KINDS),
  charStart: z.number().int().nonnegative().nullable(),
  charEnd: z.number().int().nonnegative().nullable(),
  /** The source's own text for the span found: `source.text.slice(charStart, charEnd)`. */
  quote: z.string().nullable(),
  segmentId: z.string().nullable(),
  /** Every segment the span touches, in order; more than one for a quote across a boundary. */
  segmentIds: z.array(z.string()),
  speaker: z.string().nullable(),
  startMs: z.number().nullable(),
  score: z.number().min(0).max(1),
  reason: z.string().optional(),
});
export type QuoteVerification = z.infer<typeof QuoteVerificationSchema>;

/** An unverified result: no span, a score under VERIFIED_MIN_SCORE, and why. */
export function createUnverified(reason: string, closeness = 0): QuoteVerification {
  const bounded = Math.min(Math.max(closeness, 0), 1);
  return {
    match: "unverified",
    charStart: null,
    charEnd: null,
    quote: null,
    segmentId: null,
    segmentIds: [],
    speaker: null,
    startMs: null,
    // Closeness is kept as a hint for ranking failures, always below the verified range.
    score: Math.round(bounded * (VERIFIED_MIN_SCORE - 0.01) * 1000) / 1000,
    reason,
  };
}
