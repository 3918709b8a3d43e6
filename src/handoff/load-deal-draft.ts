import type { DealDraft } from "../domain/deal-draft.ts";
import type { ExtractorInfo } from "../domain/extractor-info.ts";
import { type Usage, NO_USAGE } from "../domain/usage.ts";
import { findGaps } from "../drafting/assemble-draft.ts";
import { SECTION_KEYS } from "../domain/sections.ts";
import type { GapAnswer } from "../domain/gap-answer.ts";
import type { GapAnswerRepository } from "../storage/gap-answer-repository.ts";
import type { ItemRepository } from "../storage/item-repository.ts";
import type { StoredItem } from "../domain/stored-item.ts";
import type { RunRepository } from "../storage/run-repository.ts";
import type { SourceRepository } from "../storage/source-repository.ts";
import { measureCompleteness } from "../drafting/measure-completeness.ts";

export type DealDraftStores = {
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
    // An answered gap fills its section: the AE's word counts toward completeness.
    completeness: measureCompleteness(gaps.filter((g) => g.answer === undefined).length),
    usage,
    createdAt: lastRun?.finishedAt ?? null,
  };
}

/** The sections the items leave empty, each with the AE's answer when there is one. */
export function findAnsweredGaps(items: StoredItem[], answers: GapAnswer[]): DealDraft["gaps"] {
  return findGaps(items).map((gap) => {
    const answer = answers.find((a) => a.section === gap.section);
    return answer ? { ...gap, answer } : gap;
  });
}
