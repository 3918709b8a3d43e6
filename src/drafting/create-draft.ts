import { detectInjections } from "../extraction/detect-injections.ts";
import { detectContradictions } from "../extraction/detect-contradictions.ts";
import type { ExtractionResult, ExtractOptions, Extractor } from "../extraction/extractor.ts";
import type { ParsedSource } from "../domain/source.ts";
import { assembleDraft } from "./assemble-draft.ts";
import type { Draft } from "../domain/draft.ts";
import { flagInjectedClaims } from "./flag-injected-claims.ts";
import { consolidateItems } from "./consolidate-items.ts";
import { groundCandidates } from "./ground-candidates.ts";
import { settleActions } from "./settle-actions.ts";
import { mergeItems } from "./merge-items.ts";
import { completePeople } from "./complete-people.ts";
import { resolvePronouns } from "./resolve-pronouns.ts";
import { findOffTopicSources } from "./find-off-topic-sources.ts";
import { flagOffTopicClaims } from "./flag-off-topic-claims.ts";

type CreateDraftDeps = { extractor: Extractor; now: () => Date };

type CreateDraftOptions = ExtractOptions & {
  /**
   * Every source of the deal, when `sources` are only the new ones (a re-extraction): the new sources are
   * extracted, and contradictions between them and the earlier sources are still found and cited.
   */
  contextSources?: ParsedSource[];
};

/**
 * The one place that knows the pipeline order: extract, detect injections and contradictions, ground
 * every citation, flag claims resting on injected text, merge duplicates, one claim one item, the people map, pronouns, due dates and statuses,
 * off-topic sources (their claims listed for checking), assemble.
 */
export async function createDraft(sources: ParsedSource[], deps: CreateDraftDeps, options: CreateDraftOptions = {}): Promise<Draft> {
  const { contextSources, ...extractOptions } = options;
  const extraction = await deps.extractor.extract(sources, extractOptions);
  return finishDraft(extraction, sources, contextSources ?? sources, deps.now());
}

/**
 * Everything after the extractor's answer: deterministic and CPU-bound, so the service runs it on a draft thread
 * (draft-pool.ts). `all` is every source of the deal; `sources` the ones just extracted.
 */
export function finishDraft(extraction: ExtractionResult, sources: ParsedSource[], all: ParsedSource[], now: Date): Draft {
  const fresh = new Set(sources.map((s) => s.source.id));
  // Contradictions among earlier sources alone were found when those were extracted.
  const contradictions = detectContradictions(all).filter((item) => item.evidence.some((e) => fresh.has(e.sourceId ?? "")));
  const candidates = [...extraction.items, ...detectInjections(sources), ...contradictions];
  const grounded = groundCandidates(candidates, all);
  const consolidated = consolidateItems(mergeItems(flagInjectedClaims(grounded)), all);
  const merged = settleActions(resolvePronouns(completePeople(consolidated, all), all), all);
  const warnings = findOffTopicSources(all);
  return assembleDraft(flagOffTopicClaims(merged, warnings), extraction, sources, now, warnings);
}
