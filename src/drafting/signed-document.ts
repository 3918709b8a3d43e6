import type { ParsedSource } from "../domain/source.ts";

/** A signed order form or contract: a document (no speakers) that records a signature. */
export function isSignedDocument(parsed: ParsedSource): boolean {
  return parsed.segments.every((s) => s.speaker === null) && /\bsignature\b|\bsigned\b/i.test(parsed.source.text);
}
