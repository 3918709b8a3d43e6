import { AppError } from "../errors.ts";
import type { Draft } from "../domain/draft.ts";
import type { ExtractOptions, Extractor } from "../extraction/extractor.ts";
import type { ParsedSource } from "../domain/source.ts";
import { ThreadPool } from "../workers/thread-pool.ts";
import type { DraftSources, DraftTask } from "./draft-worker.ts";

/** How the service's draft threads are held in check. */
export type DraftLimits = {
  /** Draft threads working at once (the job queue's concurrency). */
  threads: number;
  /** Hard stop for the CPU-bound part of one run (offline extraction, grounding, merging); model calls are not counted. */
  timeoutMs: number;
  /** Heap cap of each draft thread. */
  memoryMb: number;
};

type DraftInput = {
  /** Where the draft thread finds every source of the deal (contradictions and grounding look at all of them). */
  sources: DraftSources;
  /** The sources to extract now. */
  freshIds: string[];
  /** The sources to extract now, parsed here: only an LLM extractor's prompts need them on this thread. */
  readFresh: () => ParsedSource[];
  extractor: Extractor;
  now: () => Date;
};

let shared: ThreadPool<DraftTask, Draft> | undefined;

/** Runs the service's drafts being worked on a thread now (the tests wait for one to start). */
export function draftsInProgress(): number {
  return shared?.busyCount ?? 0;
}

/**
 * createDraft for the service, off the main thread: a draft thread reads and parses the deal's stored parses itself;
 * the offline extractor runs on that thread with every stage after it. An LLM extractor's calls stay on the
 * main thread (they wait on the network and share its rate limits; their prompts need the parsed sources here) and
 * its answer is finished on a draft thread. Past `timeoutMs` or `memoryMb` the thread is replaced and the run fails
 * naming the limit.
 */
export async function draftOffMainThread(input: DraftInput, limits: DraftLimits, options: ExtractOptions = {}): Promise<Draft> {
  shared ??= new ThreadPool<DraftTask, Draft>({ workerUrl: new URL("./draft-worker.ts", import.meta.url), memoryMb: limits.memoryMb });
  const base = { sources: input.sources, freshIds: input.freshIds, now: input.now().toISOString() };
  const task: DraftTask =
    input.extractor.info.kind === "offline"
      ? { ...base, kind: "offline" }
      : { ...base, kind: "finish", extraction: await input.extractor.extract(input.readFresh(), options) };
  return shared.run(task, {
    concurrency: limits.threads,
    timeoutMs: limits.timeoutMs,
    transfer: "stored" in input.sources ? input.sources.stored.map((s) => s.json.buffer as ArrayBuffer) : [],
    timeoutError: () =>
      new AppError({
        code: "LIMIT_EXCEEDED",
        message: `drafting took longer than ${limits.timeoutMs} ms (limit BATON_DRAFT_TIMEOUT_MS)`,
        context: { limitMs: limits.timeoutMs },
      }),
    memoryError: () =>
      new AppError({
        code: "LIMIT_EXCEEDED",
        message: `drafting needed more than ${limits.memoryMb} MB (limit BATON_DRAFT_MEMORY_MB)`,
        context: { limitMb: limits.memoryMb },
      }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
