import type { Citation } from "../domain/citation.ts";
import type { GroundedCandidate } from "./ground-candidates.ts";

/**
 * Merges items of one section that cite overlapping spans, or state the same thing,
 * into one item with several citations (chunks and sources often repeat a fact).
 */
export function mergeItems(items: GroundedCandidate[]): GroundedCandidate[] {
  const merged: GroundedCandidate[] = [];
  const byStatement = new Map<string, GroundedCandidate>();
  for (const item of items) {
    const statementKey = `${item.section}|${normalizeStatement(item.statement)}`;
    const twin = byStatement.get(statementKey) ?? merged.find((other) => other.section === item.section && citeSameSpan(other, item));
    if (twin === undefined) {
      const copy = { ...item, citations: [...item.citations], evidence: [...item.evidence] };
      merged.push(copy);
      byStatement.set(statementKey, copy);
      continue;
    }
    for (const citation of item.citations) {
      if (!twin.citations.some((c) => sameSpan(c, citation))) twin.citations.push(citation);
    }
    twin.evidence.push(...item.evidence);
    twin.details = { ...item.details, ...withoutNulls(twin.details) };
    const flags = new Set([...(twin.flags ?? []), ...(item.flags ?? [])]);
    if (flags.size > 0) twin.flags = [...flags];
  }
  return merged;
}

function citeSameSpan(a: GroundedCandidate, b: GroundedCandidate): boolean {
  return a.citations.some((x) => x.match !== "unverified" && b.citations.some((y) => y.match !== "unverified" && citationsOverlap(x, y)));
}

/** Whether two citations share any characters of one source. */
export function citationsOverlap(a: Citation, b: Citation): boolean {
  return a.sourceId === b.sourceId && a.charStart < b.charEnd && b.charStart < a.charEnd;
}

function sameSpan(a: Citation, b: Citation): boolean {
  return a.sourceId === b.sourceId && a.charStart === b.charStart && a.charEnd === b.charEnd && a.quote === b.quote;
}

function normalizeStatement(statement: string): string {
  return statement
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function withoutNulls(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).filter(([, v]) => v !== null && v !== undefined));
}
