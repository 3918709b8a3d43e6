// A draft thread of the service (draft-pool.ts): the stored parses are parsed here, and the offline extraction and
// every stage after any extractor's answer (grounding, merging, people, dates) run here, so a large deal keeps this
// thread busy, not the server.
import type { ExtractionResult } from "../extraction/extractor.ts";
import { createOfflineExtractor } from "../extraction/offline/offline-extractor.ts";
import type { StoredParse } from "../storage/source-repository.ts";
import { serveThreadRequests } from "../workers/thread-protocol.ts";
import { finishDraft } from "./create-draft.ts";
import { parseStoredParse } from "./parse-stored-parse.ts";

/**
 * Every stored parse of the deal (moved here, not copied) and which of them to extract now. Offline: extract and
 * finish here. Otherwise the model's answer, got on the main thread, is finished here.
 */
export type DraftTask = { stored: StoredParse[]; freshIds: string[]; now: string } & (
  | { kind: "offline" }
  | { kind: "finish"; extraction: ExtractionResult }
);

serveThreadRequests(async (task: DraftTask) => {
  const all = task.stored.map(parseStoredParse);
  const fresh = new Set(task.freshIds);
  const sources = all.filter((p) => fresh.has(p.source.id));
  const extraction = task.kind === "offline" ? await createOfflineExtractor().extract(sources) : task.extraction;
  return finishDraft(extraction, sources, all, new Date(task.now));
});
