import type { Draft, DraftItem } from "../drafting/draft.ts";
import { SECTION_KEYS, type SectionKey } from "../drafting/sections.ts";
import { createQuoteIndex } from "../grounding/create-quote-index.ts";
import { verifyQuote } from "../grounding/verify-quote.ts";
import type { ParsedSource } from "../ingest/parsed-source.ts";
import type { GoldFile } from "./gold-file.ts";

type SectionCounts = { goldItems: number; goldFound: number; draftItems: number; draftCorrect: number };

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
 * Scores the part of a draft that cites one source against that source's gold file:
 * recall, precision and citation validity, per section. The draft may cover a whole deal.
 */
export function scoreDraft(draft: Draft, parsed: ParsedSource, gold: GoldFile): DraftScore {
  const sourceId = parsed.source.id;
  const citesSource = (item: DraftItem) => item.citations.some((c) => c.sourceId === sourceId && c.match !== "unverified");
  const items = draft.items.filter(citesSource);
  const index = createQuoteIndex(parsed);
  const bySection = Object.fromEntries(
    SECTION_KEYS.map((s) => [s, { goldItems: 0, goldFound: 0, draftItems: 0, draftCorrect: 0 }]),
  ) as Record<SectionKey, SectionCounts>;
  const goldSpans: { sections: SectionKey[]; span: Span }[] = [];
  const goldQuotesMissing: string[] = [];
  for (const item of gold.items) {
    const found = verifyQuote(index, item.quote);
    if (found.match === "unverified" || found.charStart === null || found.charEnd === null) {
      goldQuotesMissing.push(item.quote);
      continue;
    }
    goldSpans.push({ sections: item.sections, span: { start: found.charStart, end: found.charEnd } });
  }
  const spansOf = (item: DraftItem): Span[] =>
    item.citations.filter((c) => c.match !== "unverified" && c.sourceId === sourceId).map((c) => ({ start: c.charStart, end: c.charEnd }));
  const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

  let goldFound = 0;
  for (const gold of goldSpans) {
    let foundAnywhere = false;
    for (const section of gold.sections) {
      bySection[section].goldItems += 1;
      const hit = items.some((item) => item.section === section && spansOf(item).some((span) => overlaps(span, gold.span)));
      if (hit) bySection[section].goldFound += 1;
      foundAnywhere ||= hit;
    }
    if (foundAnywhere) goldFound += 1;
  }
  let draftCorrect = 0;
  for (const item of items) {
    bySection[item.section].draftItems += 1;
    const correct = goldSpans.some(
      (gold) => gold.sections.includes(item.section) && spansOf(item).some((span) => overlaps(span, gold.span)),
    );
    if (correct) {
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
