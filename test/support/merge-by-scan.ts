// The pairwise scans that the indexed merges replaced (src/drafting/merge-items.ts and merge-same-claims.ts), kept as
// the oracle the merges' property tests compare with: same input, same output. The same-claim scan applies the
// merge's own rule (same-claim-rule.ts) to every pair, so what the tests hold is that the index misses no twin.
import type { Citation } from "../../src/domain/citation.ts";
import type { ParsedSource } from "../../src/domain/source.ts";
import type { GroundedCandidate } from "../../src/drafting/ground-candidates.ts";
import { type ClaimLookups, countShared, createClaimLookups } from "../../src/drafting/claim-lookups.ts";
import { citationsOverlap, normalizeStatement } from "../../src/drafting/merge-items.ts";
import {
  absorb,
  ANSWERED_FIRST,
  answersAlternative,
  continuesTurn,
  isSameClaim,
  MAX_MERGED_CITATIONS,
} from "../../src/drafting/same-claim-rule.ts";

/** mergeItems by comparing each item with every kept item. */
export function mergeItemsByScan(items: GroundedCandidate[]): GroundedCandidate[] {
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

function sameSpan(a: Citation, b: Citation): boolean {
  return a.sourceId === b.sourceId && a.charStart === b.charStart && a.charEnd === b.charEnd && a.quote === b.quote;
}

function withoutNulls(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).filter(([, v]) => v !== null && v !== undefined));
}

/**
 * mergeSameClaims by comparing each item with every kept item, under the same rule (same-claim-rule.ts): what the
 * merge's index must find without the scan.
 */
export function mergeSameClaimsByScan(items: GroundedCandidate[], sources: ParsedSource[]): GroundedCandidate[] {
  const lookups = createClaimLookups(sources);
  // A merge can make two items the same claim ("You'll have it" joined to the request it answers): repeat until stable.
  let current = items;
  for (let pass = 0; pass < 3; pass++) {
    const next = mergeOnce(current, lookups);
    if (next.length === current.length) return next;
    current = next;
  }
  return current;
}

function mergeOnce(items: GroundedCandidate[], lookups: ClaimLookups): GroundedCandidate[] {
  const { turnOf, wordsOf } = lookups;
  const sharedWords = (a: GroundedCandidate, b: GroundedCandidate) =>
    countShared(wordsOf(a), wordsOf(b)) + (answersAlternative(a, b) ? ANSWERED_FIRST : 0);
  const out: GroundedCandidate[] = [];
  for (const item of items) {
    // The closest of the items it could join: the alternative a why-we-chose line answers, else the one sharing most words with it.
    const twins = out.filter(
      (other) =>
        other.citations.length < MAX_MERGED_CITATIONS &&
        (isSameClaim(other, item, lookups) || continuesTurn(other, item, turnOf) || continuesTurn(item, other, turnOf)),
    );
    const twin = twins.reduce<GroundedCandidate | undefined>(
      (best, other) => (best === undefined || sharedWords(other, item) > sharedWords(best, item) ? other : best),
      undefined,
    );
    if (twin === undefined) {
      out.push({ ...item, citations: [...item.citations], evidence: [...item.evidence], details: { ...item.details } });
      continue;
    }
    absorb(twin, item);
  }
  return out;
}
