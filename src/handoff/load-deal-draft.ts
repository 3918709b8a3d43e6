import type { Draft, ExtractorInfo, Usage } from "../drafting/draft.ts";
import { findGaps } from "../drafting/assemble-draft.ts";
import { NO_USAGE } from "../extraction/extractor.ts";
import { SECTION_KEYS, type SectionKey } from "../drafting/sections.ts";
import type { GapAnswer, GapAnswerRepository } from "../storage/gap-answer-repository.ts";
import type { ItemRepository, StoredItem } from "../storage/item-repository.ts";
import type { RunRepository } from "../storage/run-repository.ts";
import type { SourceRepository } from "../storage/source-repository.ts";

/** The draft of a deal as stored: the contract's Draft plus the review trail and the AE's gap answers. */
export type DealDraft = Omit<Draft, "items" | "needsChecking" | "gaps"> & {
  dealId: string;
  items: StoredItem[];
  needsChecking: StoredItem[];
  gaps: { section: SectionKey; question: string; answer?: GapAnswer }[];
};

type DealDraftStores = {
  items: ItemRepository;
  sources: SourceRepository;
  runs: RunRepository;
  gapAnswers: GapAnswerRepository;
};

/** Assembles the current draft of a deal from storage; rejected items stay listed (with their status) but fill no section. */
export function loadDealDraft(stores: DealDraftStores, dealId: string, fallbackExtractor: ExtractorInfo): DealDraft {
  const stored = stores.items.list(dealId);
  const sectionOrder = (item: StoredItem) => SECTION_KEYS.indexOf(item.section);
  const items = stored.filter((i) => !i.needsChecking).sort((a, b) => sectionOrder(a) - sectionOrder(b));
  const needsChecking = stored.filter((i) => i.needsChecking);
  const gaps = findAnsweredGaps(items, stores.gapAnswers.list(dealId));
  const filled = SECTION_KEYS.length - gaps.filter((g) => g.answer === undefined).length;
  const runs = stores.runs.listForDeal(dealId).filter((r) => r.status === "succeeded");
  const usage: Usage = { ...NO_USAGE };
  for (const run of runs) {
    if (!run.usage) continue;
    for (const key of Object.keys(usage) as (keyof Usage)[]) usage[key] += run.usage[key];
  }
  const lastRun = runs.at(-1);
  return {
    dealId,
    extractor: lastRun?.extractor ?? fallbackExtractor,
    sources: stores.sources.listMeta(dealId).map((s) => ({ id: s.id, filename: s.filename, format: s.format, sha256: s.sha256 })),
    items,
    needsChecking,
    gaps,
    completeness: {
      score: Math.round((filled / SECTION_KEYS.length) * 100) / 100,
      sectionsFilled: filled,
      sectionsTotal: SECTION_KEYS.length,
    },
    usage,
    createdAt: lastRun?.finishedAt ?? new Date(0).toISOString(),
  };
}

/** The sections the items leave empty, each with the AE's answer when there is one. */
export function findAnsweredGaps(items: StoredItem[], answers: GapAnswer[]): DealDraft["gaps"] {
  return findGaps(items).map((gap) => {
    const answer = answers.find((a) => a.section === gap.section);
    return answer ? { ...gap, answer } : gap;
  });
}
