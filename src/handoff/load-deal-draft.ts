import type { DealDraft } from "../domain/deal-draft.ts";
import type { SourceWarning } from "../domain/draft.ts";
import type { ExtractorInfo } from "../domain/extractor-info.ts";
import { type Usage, NO_USAGE } from "../domain/usage.ts";
import { contractFieldsOnDeal, findGaps } from "../drafting/find-gaps.ts";
import { gapIdOf } from "../domain/gap-id.ts";
import type { Deal } from "../domain/deal.ts";
import { SECTION_KEYS } from "../domain/sections.ts";
import type { GapAnswer } from "../domain/gap-answer.ts";
import type { GapAnswerRepository } from "../storage/gap-answer-repository.ts";
import type { ItemRepository } from "../storage/item-repository.ts";
import type { StoredItem } from "../domain/stored-item.ts";
import type { RunRepository } from "../storage/run-repository.ts";
import type { SourceRepository } from "../storage/source-repository.ts";
import { countOpenSections, measureCompleteness } from "../drafting/measure-completeness.ts";

export type DealDraftStores = {
  items: ItemRepository;
  sources: SourceRepository;
  runs: RunRepository;
  gapAnswers: GapAnswerRepository;
};

/** Assembles the current draft of a deal from storage; rejected items stay listed (with their status) but fill no section. */
export function loadDealDraft(stores: DealDraftStores, deal: Pick<Deal, "id" | "amount">, fallbackExtractor: ExtractorInfo): DealDraft {
  const dealId = deal.id;
  const stored = stores.items.list(dealId);
  const sectionOrder = (item: StoredItem) => SECTION_KEYS.indexOf(item.section);
  const items = stored.filter((i) => !i.needsChecking).sort((a, b) => sectionOrder(a) - sectionOrder(b));
  const needsChecking = stored.filter((i) => i.needsChecking);
  const gaps = findAnsweredGaps(items, stores.gapAnswers.list(dealId), deal);
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
    warnings: warningsOf(needsChecking),
    // An answered gap fills its section: the AE's word counts toward completeness.
    completeness: measureCompleteness(countOpenSections(gaps)),
    usage,
    createdAt: lastRun?.finishedAt ?? null,
  };
}

/** The sections the items leave empty and the contract fields neither they nor the deal state, each with the AE's answer when there is one. */
export function findAnsweredGaps(items: StoredItem[], answers: GapAnswer[], deal: Pick<Deal, "amount">): DealDraft["gaps"] {
  return findGaps(items, { knownFields: contractFieldsOnDeal(deal) }).map((gap) => {
    const answer = answers.find((a) => (a.gapId ?? a.section) === gapIdOf(gap));
    return answer ? { ...gap, answer } : gap;
  });
}

/** The off-topic sources the last extraction set aside, as the items it listed for checking record them. */
function warningsOf(needsChecking: StoredItem[]): SourceWarning[] {
  const warnings = new Map<string, SourceWarning>();
  for (const item of needsChecking) {
    const reason = item.details?.needsCheckingReason;
    const cited = item.citations.find((c) => c.match !== "unverified");
    if (!item.flags?.includes("off-topic-source") || typeof reason !== "string" || cited === undefined) continue;
    warnings.set(cited.sourceId, {
      kind: "off-topic-source",
      sourceId: cited.sourceId,
      filename: cited.filename ?? cited.sourceId,
      message: reason,
    });
  }
  return [...warnings.values()];
}
