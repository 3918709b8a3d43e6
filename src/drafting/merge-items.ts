import type { Citation } from "../domain/citation.ts";
import type { GroundedCandidate } from "./ground-candidates.ts";
import { createSpanIndex } from "./span-index.ts";

/**
 * Merges items of one section that cite overlapping spans, or state the same thing,
 * into one item with several citations (chunks and sources often repeat a fact).
 * Takes over `items` (the array is emptied as it is read) and leaves the items in it unchanged: each is let go once
 * merged, so a large deal's candidates and their merged copies are not all held at once.
 */
export function mergeItems(items: GroundedCandidate[]): GroundedCandidate[] {
  const merged: GroundedCandidate[] = [];
  const byStatement = new Map<string, number>();
  // A kept item's citations as span keys, made when a twin first joins it: a repeated citation is not added twice.
  // A kept item is copied at that moment too (the input items are never changed): most items have no twin, and
  // copying every kept item up front would hold a second object and two arrays for each.
  const spanKeys = new Map<number, Set<string>>();
  // The verified spans of each kept item, by section and source: the first kept item citing an overlapping span is its twin.
  const spans = createSpanIndex<number>();
  const fileSpans = (position: number, citations: Citation[]) => {
    const { section } = merged[position]!;
    for (const c of citations) if (c.match !== "unverified") spans.add(`${section}|${c.sourceId}`, c.charStart, c.charEnd, position);
  };
  const firstOverlapping = (item: GroundedCandidate): number | undefined => {
    let first = Number.POSITIVE_INFINITY;
    for (const c of item.citations) {
      if (c.match === "unverified") continue;
      for (const position of spans.overlapping(`${item.section}|${c.sourceId}`, c.charStart, c.charEnd)) first = Math.min(first, position);
    }
    return Number.isFinite(first) ? first : undefined;
  };
  // Read from the end of the reversed array: each item leaves it as it is merged.
  items.reverse();
  for (let item = items.pop(); item !== undefined; item = items.pop()) {
    const statementKey = `${item.section}|${normalizeStatement(item.statement)}`;
    const position = byStatement.get(statementKey) ?? firstOverlapping(item);
    if (position === undefined) {
      merged.push(item);
      byStatement.set(statementKey, merged.length - 1);
      fileSpans(merged.length - 1, item.citations);
      continue;
    }
    let known = spanKeys.get(position);
    if (known === undefined) {
      const kept = merged[position]!;
      merged[position] = { ...kept, citations: [...kept.citations], evidence: [...kept.evidence] };
      known = new Set(kept.citations.map(spanKey));
      spanKeys.set(position, known);
    }
    const twin = merged[position]!;
    const added: Citation[] = [];
    for (const citation of item.citations) {
      const key = spanKey(citation);
      if (known.has(key)) continue;
      twin.citations.push(citation);
      known.add(key);
      added.push(citation);
    }
    fileSpans(position, added);
    twin.evidence.push(...item.evidence);
    twin.details = { ...item.details, ...withoutNulls(twin.details) };
    const flags = new Set([...(twin.flags ?? []), ...(item.flags ?? [])]);
    if (flags.size > 0) twin.flags = [...flags];
  }
  return merged;
}

/** Whether two citations share any characters of one source. */
export function citationsOverlap(a: Citation, b: Citation): boolean {
  return a.sourceId === b.sourceId && a.charStart < b.charEnd && b.charStart < a.charEnd;
}

/** Citations with one key cite the same span with the same quote. */
function spanKey(c: Citation): string {
  return JSON.stringify([c.sourceId, c.charStart, c.charEnd, c.quote]);
}

/** A statement as the merge compares it: lower case, words only. */
export function normalizeStatement(statement: string): string {
  return statement
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function withoutNulls(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).filter(([, v]) => v !== null && v !== undefined));
}
