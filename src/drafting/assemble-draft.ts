import { countOpenSections, measureCompleteness } from "./measure-completeness.ts";
import { findGaps } from "./find-gaps.ts";
import { createHash } from "node:crypto";
import type { ExtractionResult } from "../extraction/extractor.ts";
import type { ParsedSource } from "../domain/source.ts";
import type { Draft, SourceWarning } from "../domain/draft.ts";
import type { DraftItem } from "../domain/item.ts";
import { isInjectedClaim } from "./flag-injected-claims.ts";
import { isOffTopicClaim } from "./flag-off-topic-claims.ts";
import type { GroundedCandidate } from "./ground-candidates.ts";
import { SECTION_KEYS } from "../domain/sections.ts";

/** A stable id: the same claim on the same span keeps its id across re-runs, so reviews stay attached. */
function itemIdFor(item: Pick<GroundedCandidate, "section" | "statement" | "citations">): string {
  const anchor = item.citations.find((c) => c.match !== "unverified");
  const key = anchor ? `${item.section}|${anchor.sourceId}|${anchor.charStart}|${anchor.charEnd}` : `${item.section}|${item.statement}`;
  return `itm_${createHash("sha256").update(key).digest("hex").slice(0, 16)}`;
}

export function isVerified(item: Pick<DraftItem, "citations" | "origin">): boolean {
  return item.origin === "ae" || item.citations.some((c) => c.match !== "unverified");
}

/**
 * Orders items by section, splits off what failed verification or rests on injected text or on an off-topic
 * source only, and derives gaps and completeness.
 */
export function assembleDraft(
  items: GroundedCandidate[],
  extraction: ExtractionResult,
  sources: ParsedSource[],
  now: Date,
  warnings: SourceWarning[] = [],
): Draft {
  const sourceOrder = new Map(sources.map((s, i) => [s.source.id, i]));
  const draftItems: DraftItem[] = items.map((item) => ({
    id: itemIdFor(item),
    section: item.section,
    statement: item.statement,
    citations: item.citations,
    status: "draft",
    details: item.details,
    origin: "extracted",
    ...(item.flags && item.flags.length > 0 ? { flags: item.flags } : {}),
  }));
  const position = (item: DraftItem) => {
    const first = item.citations[0];
    return [SECTION_KEYS.indexOf(item.section), sourceOrder.get(first?.sourceId ?? "") ?? 0, first?.charStart ?? 0];
  };
  draftItems.sort((a, b) => compareTuples(position(a), position(b)));
  const shownAsFact = (item: DraftItem) => isVerified(item) && !isInjectedClaim(item) && !isOffTopicClaim(item);
  const verified = draftItems.filter(shownAsFact);
  const needsChecking = draftItems.filter((item) => !shownAsFact(item));
  const gaps = findGaps(verified, { refused: extraction.refusedSections });
  return {
    extractor: extraction.info,
    sources: sources.map(({ source }) => ({
      id: source.id,
      filename: source.filename,
      format: source.format,
      sha256: source.sha256,
    })),
    items: verified,
    needsChecking,
    gaps,
    warnings,
    completeness: measureCompleteness(countOpenSections(gaps)),
    usage: extraction.usage,
    createdAt: now.toISOString(),
  };
}

function compareTuples(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
