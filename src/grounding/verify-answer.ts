import { z } from "zod";
import { MATCH_KINDS } from "../domain/citation.ts";
import type { QuoteVerification } from "./quote-verification.ts";

/**
 * One answer of `baton verify` and of POST /v1/deals/{dealId}/verify, field for field as
 * docs/contracts.md gives it, plus `segmentIds` when a quote spans segments.
 */
export const VerifyAnswerSchema = z.object({
  match: z.enum(MATCH_KINDS),
  charStart: z.number().int().nonnegative().nullable(),
  charEnd: z.number().int().nonnegative().nullable(),
  /** The source's own text for the span found: `source.text.slice(charStart, charEnd)`. */
  quote: z.string().nullable(),
  segmentId: z.string().nullable(),
  speaker: z.string().nullable(),
  startMs: z.number().nullable(),
  score: z.number().min(0).max(1),
  /** Every segment the span touches, only when there are several (an optional extension of the contract). */
  segmentIds: z.array(z.string()).optional(),
  reason: z.string().optional(),
});
export type VerifyAnswer = z.infer<typeof VerifyAnswerSchema>;

/** The contract's answer for a verification result; keys in the contract's order. */
export function toVerifyAnswer(result: QuoteVerification): VerifyAnswer {
  return {
    match: result.match,
    charStart: result.charStart,
    charEnd: result.charEnd,
    quote: result.quote,
    segmentId: result.segmentId,
    speaker: result.speaker,
    startMs: result.startMs,
    score: result.score,
    ...(result.segmentIds.length > 1 ? { segmentIds: result.segmentIds } : {}),
    ...(result.reason === undefined ? {} : { reason: result.reason }),
  };
}

/** An unverified answer for input that could not be checked at all (bad line, unknown or unusable source). */
export function createFailedAnswer(reason: string): VerifyAnswer {
  return {
    match: "unverified",
    charStart: null,
    charEnd: null,
    quote: null,
    segmentId: null,
    speaker: null,
    startMs: null,
    score: 0,
    reason,
  };
}
