import type { CandidateItem, EvidenceRef } from "../extraction/extractor.ts";
import { createQuoteIndex, type QuoteIndex } from "../grounding/create-quote-index.ts";
import type { QuoteVerification } from "../grounding/quote-verification.ts";
import { verifyQuote } from "../grounding/verify-quote.ts";
import type { ParsedSource } from "../domain/source.ts";
import type { Citation } from "../domain/citation.ts";
import { citedSourceFirst } from "./cited-source-first.ts";

export type GroundedCandidate = CandidateItem & { citations: Citation[] };

/**
 * Checks every piece of evidence against its source text; a failed check is data (match "unverified"), never an error.
 * Takes over `candidates` (the array is emptied as it is read), so a large deal's candidates are let go as they are grounded.
 */
export function groundCandidates(candidates: CandidateItem[], sources: ParsedSource[]): GroundedCandidate[] {
  const indexes = new Map<string, { parsed: ParsedSource; index: QuoteIndex }>();
  const indexFor = (parsed: ParsedSource) => {
    let entry = indexes.get(parsed.source.id);
    if (entry === undefined) {
      entry = { parsed, index: createQuoteIndex(parsed) };
      indexes.set(parsed.source.id, entry);
    }
    return entry;
  };
  const ground = (evidence: EvidenceRef): Citation => {
    const { cited, ordered: candidates } = citedSourceFirst(sources, evidence.sourceId);
    let fallback: Citation | undefined;
    for (const parsed of candidates) {
      const { index } = indexFor(parsed);
      const segmentId = parsed === cited ? evidence.segmentId : null;
      const result = verifyQuote(index, evidence.quote, segmentId ? { segmentId } : {});
      const citation = citationFromVerification(parsed, result);
      if (citation !== null) return citation;
      if (fallback === undefined && (parsed === cited || cited === undefined)) {
        fallback = unverifiedCitation(parsed, evidence, result.reason ?? "not found in the source");
      }
    }
    return fallback ?? unverifiedCitation(undefined, evidence, "cited source is not part of this deal");
  };
  // Read from the end of the reversed array: each candidate leaves it once its grounded copy is made.
  const grounded: GroundedCandidate[] = [];
  candidates.reverse();
  for (let candidate = candidates.pop(); candidate !== undefined; candidate = candidates.pop()) {
    grounded.push({ ...candidate, citations: candidate.evidence.map(ground) });
  }
  return grounded;
}

/** The citation a verified quote earns: the source's own text and offsets; null when the quote is unverified. */
export function citationFromVerification(parsed: ParsedSource, result: QuoteVerification): Citation | null {
  if (result.match === "unverified" || result.charStart === null || result.charEnd === null || result.quote === null) return null;
  return {
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
}

function unverifiedCitation(parsed: ParsedSource | undefined, evidence: EvidenceRef, reason: string): Citation {
  const segment = parsed?.segments.find((s) => s.id === evidence.segmentId);
  return {
    sourceId: parsed?.source.id ?? evidence.sourceId ?? "",
    segmentId: segment?.id ?? evidence.segmentId ?? "",
    speaker: segment?.speaker ?? null,
    startMs: segment?.startMs ?? null,
    quote: evidence.quote.slice(0, 400),
    charStart: segment?.charStart ?? 0,
    charEnd: segment?.charEnd ?? 0,
    match: "unverified",
    reason,
    ...(parsed ? { filename: parsed.source.filename } : {}),
  };
}
