import { measureCompleteness } from "./measure-completeness.ts";
import { createHash } from "node:crypto";
import type { ExtractionResult } from "../extraction/extractor.ts";
import type { ParsedSource } from "../domain/source.ts";
import type { Draft } from "../domain/draft.ts";
import type { DraftItem, Gap } from "../domain/item.ts";
import { isInjectedClaim } from "./flag-injected-claims.ts";
import type { GroundedCandidate } from "./ground-candidates.ts";
import { SECTION_KEYS, SECTIONS, type SectionKey } from "../domain/sections.ts";
import { fieldsOfSection, fieldsStatedBy, HANDOFF_FIELDS } from "../domain/handoff-fields.ts";

/** A stable id: the same claim on the same span keeps its id across re-runs, so reviews stay attached. */
function itemIdFor(item: Pick<GroundedCandidate, "section" | "statement" | "citations">): string {
  const anchor = item.citations.find((c) => c.match !== "unverified");
  const key = anchor ? `${item.section}|${anchor.sourceId}|${anchor.charStart}|${anchor.charEnd}` : `${item.section}|${item.statement}`;
  return `itm_${createHash("sha256").update(key).digest("hex").slice(0, 16)}`;
}

export function isVerified(item: Pick<DraftItem, "citations" | "origin">): boolean {
  return item.origin === "ae" || item.citations.some((c) => c.match !== "unverified");
}

/** Orders items by section, splits off what failed verification or rests on injected text, and derives gaps and completeness. */
export function assembleDraft(items: GroundedCandidate[], extraction: ExtractionResult, sources: ParsedSource[], now: Date): Draft {
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
  const shownAsFact = (item: DraftItem) => isVerified(item) && !isInjectedClaim(item);
  const verified = draftItems.filter(shownAsFact);
  const needsChecking = draftItems.filter((item) => !shownAsFact(item));
  const gaps = findGaps(verified, extraction.refusedSections);
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
    completeness: measureCompleteness(gaps.length),
    usage: extraction.usage,
    createdAt: now.toISOString(),
  };
}

// The contract's data layer: each part the AE must supply by name when no source states it.
const CONTRACT_PARTS = fieldsOfSection("accountOverview");

/**
 * Every section without a verified item, with a concrete question for the AE; an account overview that
 * leaves contract value, seats, plan, start or renewal date unstated asks for each of them by name.
 */
export function findGaps(items: Pick<DraftItem, "section" | "status" | "details">[], refused: SectionKey[] = []): Gap[] {
  const kept = items.filter((i) => i.status !== "rejected");
  const covered = new Set(kept.map((i) => i.section));
  const gaps: Gap[] = [];
  for (const section of SECTION_KEYS) {
    if (!covered.has(section)) {
      gaps.push({
        section,
        question: refused.includes(section)
          ? `The model declined to answer this section. ${SECTIONS[section].gapQuestion}`
          : SECTIONS[section].gapQuestion,
      });
    } else if (section === "accountOverview") {
      const stated = new Set(
        kept.filter((i) => i.section === section).flatMap((i) => fieldsStatedBy({ section: i.section, statement: "", details: i.details })),
      );
      const missing = CONTRACT_PARTS.filter((part) => !stated.has(part)).map((part) => HANDOFF_FIELDS[part].name);
      if (missing.length > 0) {
        gaps.push({
          section,
          question: `No source states the ${joinNames(missing)}: what ${missing.length === 1 ? "is it" : "are they"}?`,
        });
      }
    }
  }
  return gaps;
}

function joinNames(names: string[]): string {
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

function compareTuples(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
