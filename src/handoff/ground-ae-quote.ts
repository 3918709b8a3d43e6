import type { Citation, MatchKind } from "../drafting/draft.ts";
import { createQuoteIndex } from "../grounding/create-quote-index.ts";
import { verifyQuote } from "../grounding/verify-quote.ts";
import type { ParsedSource } from "../ingest/parsed-source.ts";

export type AeQuoteCheck = { match: MatchKind; citation: Citation | null; reason?: string };

/**
 * Looks for a quote the AE gives for their own item in the deal's sources, the cited source first.
 * Returns the citation when verified (the source's own text and offsets); otherwise no citation and why.
 */
export function groundAeQuote(
  sources: ParsedSource[],
  quote: string,
  cited: { sourceId?: string | undefined; segmentId?: string | undefined } = {},
): AeQuoteCheck {
  const first = sources.find((parsed) => parsed.source.id === cited.sourceId);
  const ordered = first ? [first, ...sources.filter((parsed) => parsed !== first)] : sources;
  let reason = sources.length === 0 ? "the deal has no sources to check the quote against" : "not found in the deal's sources";
  for (const parsed of ordered) {
    const segmentId = parsed === first ? cited.segmentId : undefined;
    const result = verifyQuote(createQuoteIndex(parsed), quote, segmentId === undefined ? {} : { segmentId });
    if (result.match !== "unverified" && result.charStart !== null && result.charEnd !== null && result.quote !== null) {
      const citation: Citation = {
        sourceId: parsed.source.id,
        segmentId: result.segmentId ?? "",
        speaker: result.speaker,
        startMs: result.startMs,
        quote: result.quote,
        charStart: result.charStart,
        charEnd: result.charEnd,
        match: result.match,
        filename: parsed.source.filename,
        ...(result.segmentIds.length > 1 ? { segmentIds: result.segmentIds } : {}),
      };
      return { match: result.match, citation, ...(result.reason === undefined ? {} : { reason: result.reason }) };
    }
    // A reason about one source helps only when that source was cited or is the only one.
    if ((parsed === first || sources.length === 1) && result.reason !== undefined) reason = result.reason;
  }
  return { match: "unverified", citation: null, reason };
}
