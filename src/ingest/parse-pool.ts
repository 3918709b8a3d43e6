import type { IngestLimits } from "../config.ts";
import { AppError } from "../errors.ts";
import type { ParsedSource } from "../domain/source.ts";
import { ThreadPool } from "../workers/thread-pool.ts";
import type { ParseTask } from "./parse-worker.ts";
import { checkFileSize } from "./parse-source.ts";

// The parser's own checks (checkTime in its loops) answer first with the same words; the pool's deadline, a
// little later, is the hard stop for a stage that has no such check.
const HARD_STOP_GRACE_MS = 1_000;

/**
 * Parses uploads on long-lived worker threads, at most `limits.parseWorkers` at once (later files wait their
 * turn; the wait does not count against a file's parse time). Each parse runs under a hard deadline
 * (`parseTimeoutMs`) and heap cap (`parseMemoryMb`): past either, the thread is replaced and the file refused,
 * naming the limit.
 */
export class ParsePool {
  readonly #threads: ThreadPool<ParseTask, ParsedSource>;

  constructor(memoryMb: number) {
    this.#threads = new ThreadPool({ workerUrl: new URL("./parse-worker.ts", import.meta.url), memoryMb });
  }

  get threadCount(): number {
    return this.#threads.threadCount;
  }

  get busyCount(): number {
    return this.#threads.busyCount;
  }

  async parse(bytes: Uint8Array, filename: string, limits: IngestLimits): Promise<ParsedSource> {
    // Cheap refusals answer at once, before waiting for a thread.
    checkFileSize(bytes, limits);
    // Each thread gets an equal share of the process-wide cap on PDF child processes, at least one.
    const pdfWorkers = Math.max(1, Math.floor(limits.pdfWorkers / Math.max(1, limits.parseWorkers)));
    // The thread gets a copy of its own, moved rather than cloned: one copy here instead of the serializer's.
    const copy = bytes.slice();
    return this.#threads.run(
      { bytes: copy, filename, limits: { ...limits, pdfWorkers } },
      {
        concurrency: limits.parseWorkers,
        transfer: [copy.buffer],
        timeoutMs: limits.parseTimeoutMs + HARD_STOP_GRACE_MS,
        timeoutError: () =>
          new AppError({
            code: "LIMIT_EXCEEDED",
            message: `parsing took longer than ${limits.parseTimeoutMs} ms (limit BATON_PARSE_TIMEOUT_MS)`,
            context: { limitMs: limits.parseTimeoutMs },
          }),
        memoryError: () =>
          new AppError({
            code: "LIMIT_EXCEEDED",
            message: `parsing needed more than ${limits.parseMemoryMb} MB (limit BATON_PARSE_MEMORY_MB)`,
            context: { limitMb: limits.parseMemoryMb },
          }),
      },
    );
  }

  close(): Promise<void> {
    return this.#threads.close();
  }
}

/** The service's pool: one per process, threads started on first use. */
let shared: ParsePool | undefined;

/** Files the process's parse threads are working on now (the hostile-upload tests wait for one to start). */
export function parsesInProgress(): number {
  return shared?.busyCount ?? 0;
}

/** Ends the service's parse threads and their PDF worker processes (on shutdown); later parses start new ones. */
export async function closeParseThreads(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}

/** Parses one upload on the process's parse threads; the CLI parses in its own thread instead (one user, no one to keep waiting). */
export function parseSourceOffMainThread(bytes: Uint8Array, filename: string, limits: IngestLimits): Promise<ParsedSource> {
  shared ??= new ParsePool(limits.parseMemoryMb);
  return shared.parse(bytes, filename, limits);
}
