import { detectInjections } from "../extraction/detect-injections.ts";
import type { ExtractOptions, Extractor } from "../extraction/extractor.ts";
import type { ParsedSource } from "../ingest/parsed-source.ts";
import { assembleDraft } from "./assemble-draft.ts";
import type { Draft } from "./draft.ts";
import { groundCandidates } from "./ground-candidates.ts";
import { mergeItems } from "./merge-items.ts";

export type CreateDraftDeps = { extractor: Extractor; now: () => Date };

/** The one place that knows the pipeline order: extract, detect injections, ground every citation, merge duplicates, assemble. */
export async function createDraft(sources: ParsedSource[], deps: CreateDraftDeps, options: ExtractOptions = {}): Promise<Draft> {
  const extraction = await deps.extractor.extract(sources, options);
  const candidates = [...extraction.items, ...detectInjections(sources)];
  const grounded = groundCandidates(candidates, sources);
  const merged = mergeItems(grounded);
  return assembleDraft(merged, extraction, sources, deps.now());
}
