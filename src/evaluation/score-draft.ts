import type { Draft } from "../domain/draft.ts";
import type { DraftItem } from "../domain/item.ts";
import { SECTION_KEYS, type SectionKey } from "../domain/sections.ts";
import { createQuoteIndex } from "../grounding/create-quote-index.ts";
import { verifyQuote } from "../grounding/verify-quote.ts";
import type { ParsedSource } from "../domain/source.ts";
import type { GoldFile } from "./gold-file.ts";
import { formatTimestamp } from "../domain/format-timestamp.ts";

export type SectionCounts = {
  /** Gold items scored in this section: the listed section the draft found them in, else their first listed section. */
  goldItems: number;
  goldFound: number;
  draftItems: number;
  draftCorrect: number;
  /** Gold items that list this section, and those the draft has in it (the stricter "every listed section" reading). */
  goldListed: number;
  goldFoundListed: number;
};

export type DraftScore = {
  goldItems: number;
  goldFound: number;
  /** Gold quotes that are not in the source: the gold file needs fixing. */
  goldQuotesMissing: string[];
  draftItems: number;
  draftCorrect: number;
  bySection: Record<SectionKey, SectionCounts>;
  citations: { verified: number; exact: number; invariantHolds: number; unverified: number };
  gapsExpected: number;
  gapsReported: number;
};

type Span = { start: number; end: number };

/**
 * Scores the part of a draft that cites one source against that source's gold file, per section.
 * A gold item lists the sections where it counts as found; it is one unit of recall, scored in the first
 * listed section where the draft has it (else in its first listed section), so one claim said once is
 * full credit. A drafted item is correct when it overlaps a gold span that lists the item's section.
 */
/** What the draft's items and the gold items of one source have in common: the one matching rule. */
type GoldMatch = {
  /** The draft's items that cite this source with a verified quote. */
  items: DraftItem[];
  goldSpans: { item: GoldFile["items"][number]; sections: SectionKey[]; span: Span }[];
  goldQuotesMissing: string[];
  /** The sections a gold item lists where the draft has an item overlapping it. */
  foundIn: (gold: { sections: SectionKey[]; span: Span }) => SectionKey[];
  /** A drafted item is correct when it overlaps a gold span that lists the item's section. */
  isCorrect: (item: DraftItem) => boolean;
};

function matchGold(draft: Draft, parsed: ParsedSource, gold: GoldFile): GoldMatch {
  const sourceId = parsed.source.id;
  const citesSource = (item: DraftItem) => item.citations.some((c) => c.sourceId === sourceId && c.match !== "unverified");
  const items = draft.items.filter(citesSource);
  const index = createQuoteIndex(parsed);
  const goldSpans: GoldMatch["goldSpans"] = [];
  const goldQuotesMissing: string[] = [];
  for (const item of gold.items) {
    const found = verifyQuote(index, item.quote);
    if (found.match === "unverified" || found.charStart === null || found.charEnd === null) {
      goldQuotesMissing.push(item.quote);
      continue;
    }
    goldSpans.push({ item, sections: item.sections, span: { start: found.charStart, end: found.charEnd } });
  }
  const spansOf = (item: DraftItem): Span[] =>
    item.citations.filter((c) => c.match !== "unverified" && c.sourceId === sourceId).map((c) => ({ start: c.charStart, end: c.charEnd }));
  const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
  const hasIn = (section: SectionKey, span: Span) =>
    items.some((item) => item.section === section && spansOf(item).some((cited) => overlaps(cited, span)));
  return {
    items,
    goldSpans,
    goldQuotesMissing,
    foundIn: (g) => g.sections.filter((section) => hasIn(section, g.span)),
    isCorrect: (item) => goldSpans.some((g) => g.sections.includes(item.section) && spansOf(item).some((span) => overlaps(span, g.span))),
  };
}

/** A drafted item no gold item supports, as the AE reads it: its section, label, first quote and where. */
export type UnmatchedItem = { section: SectionKey; label: string; quote: string; where: string };
/** A gold item the draft does not have in any section it lists. */
export type MissedGoldItem = { sections: SectionKey[]; statement: string; quote: string };

/** What precision and recall count against: the items of one source that match no gold item, and the gold items missed. */
export function listMismatches(
  draft: Draft,
  parsed: ParsedSource,
  gold: GoldFile,
): { unmatched: UnmatchedItem[]; missed: MissedGoldItem[] } {
  const match = matchGold(draft, parsed, gold);
  const unmatched = match.items
    .filter((item) => !match.isCorrect(item))
    .map((item) => {
      const first = item.citations.find((c) => c.sourceId === parsed.source.id && c.match !== "unverified")!;
      const time = first.startMs === null ? null : formatTimestamp(first.startMs);
      const where = [first.filename ?? parsed.source.filename, first.speaker, time].filter(Boolean).join(", ");
      return { section: item.section, label: item.statement, quote: first.quote, where };
    });
  const missed = match.goldSpans
    .filter((g) => match.foundIn(g).length === 0)
    .map((g) => ({ sections: g.sections, statement: g.item.statement, quote: g.item.quote }));
  return { unmatched, missed };
}

/**
 * Scores the part of a draft that cites one source against that source's gold file, per section.
 * A gold item lists the sections where it counts as found; it is one unit of recall, scored in the first
 * listed section where the draft has it (else in its first listed section), so one claim said once is
 * full credit. A drafted item is correct when it overlaps a gold span that lists the item's section.
 */
export function scoreDraft(draft: Draft, parsed: ParsedSource, gold: GoldFile): DraftScore {
  const sourceId = parsed.source.id;
  const { items, goldSpans, goldQuotesMissing, foundIn: foundInOf, isCorrect } = matchGold(draft, parsed, gold);
  const bySection = Object.fromEntries(
    SECTION_KEYS.map((s) => [s, { goldItems: 0, goldFound: 0, draftItems: 0, draftCorrect: 0, goldListed: 0, goldFoundListed: 0 }]),
  ) as Record<SectionKey, SectionCounts>;

  let goldFound = 0;
  for (const gold of goldSpans) {
    const foundIn = foundInOf(gold);
    for (const section of gold.sections) {
      bySection[section].goldListed += 1;
      if (foundIn.includes(section)) bySection[section].goldFoundListed += 1;
    }
    const scoredIn = foundIn[0] ?? gold.sections[0]!;
    bySection[scoredIn].goldItems += 1;
    if (foundIn.length > 0) {
      bySection[scoredIn].goldFound += 1;
      goldFound += 1;
    }
  }
  let draftCorrect = 0;
  for (const item of items) {
    bySection[item.section].draftItems += 1;
    if (isCorrect(item)) {
      bySection[item.section].draftCorrect += 1;
      draftCorrect += 1;
    }
  }
  const all = [...draft.items, ...draft.needsChecking].flatMap((item) => item.citations).filter((c) => c.sourceId === sourceId);
  const verified = all.filter((c) => c.match !== "unverified");
  const expectedGaps = gold.expectedGaps ?? [];
  return {
    goldItems: goldSpans.length,
    goldFound,
    goldQuotesMissing,
    draftItems: items.length,
    draftCorrect,
    bySection,
    citations: {
      verified: verified.length,
      exact: verified.filter((c) => c.match === "exact").length,
      invariantHolds: verified.filter((c) => parsed.source.text.slice(c.charStart, c.charEnd) === c.quote).length,
      unverified: all.length - verified.length,
    },
    gapsExpected: expectedGaps.length,
    gapsReported: expectedGaps.filter((section) => !items.some((item) => item.section === section)).length,
  };
}
