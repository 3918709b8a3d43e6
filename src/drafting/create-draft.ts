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
import { mergeOwnerSteps } from "./merge-owner-steps.ts";
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
 * every citation, flag claims resting on injected text, merge duplicates, one claim one item, the people map, pronouns (then one step per owner and piece of work), due dates and statuses,
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
 * Takes over `extraction.items` (the array is emptied): each stage's input is let go once the next stage has it, so
 * the items that merging drops are not held while a large deal's later stages run (memory stays proportional to the input).
 */
export function finishDraft(extraction: ExtractionResult, sources: ParsedSource[], all: ParsedSource[], now: Date): Draft {
  const fresh = new Set(sources.map((s) => s.source.id));
  // Contradictions among earlier sources alone were found when those were extracted.
  const contradictions = detectContradictions(all).filter((item) => item.evidence.some((e) => fresh.has(e.sourceId ?? "")));
  // One stage a statement: an array held by a temporary (a copy, a nested call's answer) stays alive until the
  // function returns. Grounding, merging and consolidating each empty the array they are given and let its items go
  // as they go, so a stage's input and output are not both held whole.
  const candidates = extraction.items.splice(0);
  candidates.push(...detectInjections(sources), ...contradictions);
  let items = groundCandidates(candidates, all);
  items = flagInjectedClaims(items);
  items = mergeItems(items);
  items = consolidateItems(items, all);
  items = completePeople(items, all);
  items = resolvePronouns(items, all);
  items = mergeOwnerSteps(items);
  items = settleActions(items, all);
  const warnings = findOffTopicSources(all);
  items = flagOffTopicClaims(items, warnings);
  return assembleDraft(items, extraction, sources, now, warnings);
}
