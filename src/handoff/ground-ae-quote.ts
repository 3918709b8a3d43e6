import type { Citation, MatchKind } from "../drafting/draft.ts";
import { citationFromVerification } from "../drafting/ground-candidates.ts";
import { createQuoteIndex } from "../grounding/create-quote-index.ts";
import { verifyQuote } from "../grounding/verify-quote.ts";
import type { ParsedSource } from "../ingest/parsed-source.ts";

type AeQuoteCheck = { match: MatchKind; citation: Citation | null; reason?: string };

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
    const citation = citationFromVerification(parsed, result);
    if (citation !== null) {
      return { match: citation.match, citation, ...(result.reason === undefined ? {} : { reason: result.reason }) };
    }
    // A reason about one source helps only when that source was cited or is the only one.
    if ((parsed === first || sources.length === 1) && result.reason !== undefined) reason = result.reason;
  }
  return { match: "unverified", citation: null, reason };
}
