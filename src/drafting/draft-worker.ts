// A draft thread of the service (draft-pool.ts): the deal's stored parses are read and parsed here, and the offline
// extraction and every stage after any extractor's answer (grounding, merging, people, dates) run here, so a large
// deal keeps this thread busy, not the server.
import type { ParsedSource } from "../domain/source.ts";
import type { ExtractionResult } from "../extraction/extractor.ts";
import { createOfflineExtractor } from "../extraction/offline/offline-extractor.ts";
import { readStoredParses } from "../storage/read-stored-parses.ts";
import type { StoredParse } from "../storage/source-repository.ts";
import { serveThreadRequests } from "../workers/thread-protocol.ts";
import { finishDraft } from "./create-draft.ts";
import { parseStoredParse } from "./parse-stored-parse.ts";

/**
 * Where the thread finds every stored parse of the deal: the database file, read here; or, for a database in memory
 * (which a thread cannot open), the parses as bytes, moved here rather than copied.
 */
export type DraftSources = { database: string; dealId: string } | { stored: StoredParse[] };

/**
 * The deal's sources and which of them to extract now. Offline: extract and finish here. Otherwise the model's answer,
 * got on the main thread, is finished here.
 */
export type DraftTask = { sources: DraftSources; freshIds: string[]; now: string } & (
  | { kind: "offline" }
  | { kind: "finish"; extraction: ExtractionResult }
);

function load(sources: DraftSources): ParsedSource[] {
  return "stored" in sources ? sources.stored.map(parseStoredParse) : readStoredParses(sources.database, sources.dealId);
}

serveThreadRequests(async (task: DraftTask) => {
  const all = load(task.sources);
  const fresh = new Set(task.freshIds);
  const sources = all.filter((p) => fresh.has(p.source.id));
  const extraction = task.kind === "offline" ? await createOfflineExtractor().extract(sources) : task.extraction;
  return finishDraft(extraction, sources, all, new Date(task.now));
});
