import { Worker } from "node:worker_threads";
import type { IngestLimits } from "../config.ts";
import { AppError } from "../errors.ts";
import type { ParsedSource } from "../domain/source.ts";
import { Semaphore } from "./pdf/semaphore.ts";
import type { ParseRequest, ParseResponse } from "./parse-worker-protocol.ts";
import { checkFileSize } from "./parse-source.ts";

const WORKER_URL = new URL("./parse-worker.ts", import.meta.url);
// The parser's own checks (checkTime in its loops) answer first with the same words; the pool's deadline, a
// little later, is the hard stop for a stage that has no such check.
const HARD_STOP_GRACE_MS = 1_000;

type Slot = { worker: Worker; busy: boolean };

/**
 * Parses uploads on long-lived worker threads, at most `limits.parseWorkers` at once (later files wait their
 * turn; the wait does not count against a file's parse time). Each parse runs under a hard deadline
 * (`parseTimeoutMs`) and heap cap (`parseMemoryMb`): past either, the thread is terminated and replaced, and the
 * file is refused naming the limit. Idle threads do not keep the process alive.
 */
export class ParsePool {
  readonly #slots: Slot[] = [];
  readonly #turns: Semaphore;
  #nextId = 1;

  constructor(parseWorkers: number) {
    this.#turns = new Semaphore(parseWorkers);
  }

  /** Threads running or idle now (tests and the bench look at it). */
  get threadCount(): number {
    return this.#slots.length;
  }

  /** Files being parsed on a thread now. */
  get busyCount(): number {
    return this.#slots.filter((slot) => slot.busy).length;
  }

  async parse(bytes: Uint8Array, filename: string, limits: IngestLimits): Promise<ParsedSource> {
    // Cheap refusals answer at once, before waiting for a thread.
    checkFileSize(bytes, limits);
    this.#turns.resize(limits.parseWorkers);
    return this.#turns.run(() => this.#parseOnThread(bytes, filename, limits));
  }

  /** Ends every thread (a running parse is refused as cancelled). */
  async close(): Promise<void> {
    await Promise.all(this.#slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  #parseOnThread(bytes: Uint8Array, filename: string, limits: IngestLimits): Promise<ParsedSource> {
    const slot = this.#idleSlot(limits);
    slot.busy = true;
    slot.worker.ref();
    const id = this.#nextId++;
    // A PDF child per thread at most the share of the process-wide PDF cap, so the cap still holds across threads.
    const pdfWorkers = Math.max(1, Math.floor(limits.pdfWorkers / Math.max(1, limits.parseWorkers)));
    const request: ParseRequest = { id, bytes, filename, limits: { ...limits, pdfWorkers } };
    return new Promise<ParsedSource>((resolve, reject) => {
      const finish = (outcome: { parsed: ParsedSource } | { error: AppError }, keepThread: boolean) => {
        clearTimeout(timer);
        slot.worker.off("message", onMessage);
        slot.worker.off("error", onError);
        slot.worker.off("exit", onExit);
        if (keepThread) {
          slot.busy = false;
          slot.worker.unref();
        } else {
          this.#drop(slot);
        }
        if ("parsed" in outcome) resolve(outcome.parsed);
        else reject(outcome.error);
      };
      const onMessage = (response: ParseResponse) => {
        if (response.id !== id) return;
        if (response.ok) finish({ parsed: response.parsed }, true);
        else finish({ error: new AppError(response.error) }, true);
      };
      const onError = (error: Error & { code?: string }) => {
        finish({ error: error.code === "ERR_WORKER_OUT_OF_MEMORY" ? memoryError(limits) : unreadable(error) }, false);
      };
      const onExit = () => finish({ error: unreadable(new Error("parse worker exited")) }, false);
      const timer = setTimeout(() => finish({ error: timeoutError(limits) }, false), limits.parseTimeoutMs + HARD_STOP_GRACE_MS);
      slot.worker.on("message", onMessage);
      slot.worker.on("error", onError);
      slot.worker.on("exit", onExit);
      slot.worker.postMessage(request);
    });
  }

  #idleSlot(limits: IngestLimits): Slot {
    const idle = this.#slots.find((slot) => !slot.busy);
    if (idle !== undefined) return idle;
    const worker = new Worker(WORKER_URL, {
      resourceLimits: { maxOldGenerationSizeMb: limits.parseMemoryMb },
      // The thread needs no environment: limits arrive with each file.
      env: {},
      stdout: false,
      stderr: false,
    });
    worker.unref();
    const slot: Slot = { worker, busy: false };
    this.#slots.push(slot);
    return slot;
  }

  #drop(slot: Slot): void {
    const index = this.#slots.indexOf(slot);
    if (index !== -1) this.#slots.splice(index, 1);
    void slot.worker.terminate();
  }
}

function timeoutError(limits: IngestLimits): AppError {
  return new AppError({
    code: "LIMIT_EXCEEDED",
    message: `parsing took longer than ${limits.parseTimeoutMs} ms (limit BATON_PARSE_TIMEOUT_MS)`,
    context: { limitMs: limits.parseTimeoutMs },
  });
}

function memoryError(limits: IngestLimits): AppError {
  return new AppError({
    code: "LIMIT_EXCEEDED",
    message: `parsing needed more than ${limits.parseMemoryMb} MB (limit BATON_PARSE_MEMORY_MB)`,
    context: { limitMb: limits.parseMemoryMb },
  });
}

function unreadable(cause: Error): AppError {
  return new AppError({ code: "INVALID_INPUT", message: "could not read this file: its parser stopped", cause });
}

/** The service's pool: one per process, threads started on first use. */
let shared: ParsePool | undefined;

/** Files the process's parse threads are working on now (the hostile-upload tests wait for one to start). */
export function parsesInProgress(): number {
  return shared?.busyCount ?? 0;
}

/** Parses one upload on the process's parse threads; the CLI parses in its own thread instead (one user, no one to keep waiting). */
export function parseSourceOffMainThread(bytes: Uint8Array, filename: string, limits: IngestLimits): Promise<ParsedSource> {
  shared ??= new ParsePool(limits.parseWorkers);
  return shared.parse(bytes, filename, limits);
}
