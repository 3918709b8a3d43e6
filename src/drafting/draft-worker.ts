// A draft thread of the service (draft-pool.ts): the offline extraction and every stage after any extractor's
// answer (grounding, merging, people, dates) run here, so a large deal keeps this thread busy, not the server.
import type { ParsedSource } from "../domain/source.ts";
import type { ExtractionResult } from "../extraction/extractor.ts";
import { createOfflineExtractor } from "../extraction/offline/offline-extractor.ts";
import { serveThreadRequests } from "../workers/thread-protocol.ts";
import { finishDraft } from "./create-draft.ts";

/** Offline: extract and finish here. Otherwise the model's answer, got on the main thread, is finished here. */
export type DraftTask = { sources: ParsedSource[]; contextSources: ParsedSource[]; now: string } & (
  | { kind: "offline" }
  | { kind: "finish"; extraction: ExtractionResult }
);

serveThreadRequests(async (task: DraftTask) => {
  const extraction = task.kind === "offline" ? await createOfflineExtractor().extract(task.sources) : task.extraction;
  return finishDraft(extraction, task.sources, task.contextSources, new Date(task.now));
});
