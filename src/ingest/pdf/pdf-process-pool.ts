import { AppError } from "../../errors.ts";
import { Semaphore } from "../../workers/semaphore.ts";
import { type PdfExtraction, PdfProcess, type PdfProcessCaps, timeoutError } from "./pdf-process.ts";

export type PdfReadLimits = {
  /** Heap cap of a worker (V8 old space). */
  memoryMb: number;
  /** Wall-clock budget, the wait for a worker included; the worker is killed after it. */
  timeoutMs: number;
  maxPages: number;
  /** Resident-size cap of a worker; defaults to memoryMb plus room for the runtime. */
  maxResidentMb?: number;
  /** Workers reading at once; later files wait (the wait counts against timeoutMs). */
  maxWorkers: number;
  /** Files a worker reads before it is replaced by a fresh one. */
  filesPerWorker: number;
};

// Decompressed streams live in ArrayBuffers outside the V8 heap, which --max-old-space-size does not cap; the
// resident size is watched too, with room for the runtime itself.
const RESIDENT_HEADROOM_MB = 256;

function capsOf(limits: Pick<PdfReadLimits, "memoryMb" | "maxResidentMb">): PdfProcessCaps {
  return { memoryMb: limits.memoryMb, maxResidentMb: limits.maxResidentMb ?? limits.memoryMb + RESIDENT_HEADROOM_MB };
}

const sameCaps = (a: PdfProcessCaps, b: PdfProcessCaps) => a.memoryMb === b.memoryMb && a.maxResidentMb === b.maxResidentMb;

/**
 * Long-lived PDF worker processes, each reused for `filesPerWorker` files and then replaced; a worker that breaches
 * a cap, times out or crashes is killed and replaced at once, and only its file fails. At most `maxWorkers` read at
 * once. Idle workers do not keep this process alive; `close` ends them all.
 */
export class PdfProcessPool {
  readonly #workers: PdfProcess[] = [];
  readonly #turns = new Semaphore(1);
  readonly #endings = new Set<Promise<void>>();
  #closed = false;

  /** Worker processes alive now, reading or idle. */
  get processIds(): number[] {
    return this.#workers.flatMap((worker) => (worker.alive && worker.pid !== undefined ? [worker.pid] : []));
  }

  /** Extracts a PDF's text on a worker; rejects with one-line AppErrors. */
  async read(bytes: Uint8Array, limits: PdfReadLimits): Promise<PdfExtraction> {
    if (limits.timeoutMs <= 0) throw timeoutError();
    this.#turns.resize(limits.maxWorkers);
    const deadline = Date.now() + limits.timeoutMs;
    const queueTimeout = new AbortController();
    const timer = setTimeout(() => queueTimeout.abort(timeoutError()), limits.timeoutMs);
    try {
      return await this.#turns.run(() => {
        clearTimeout(timer);
        const timeoutMs = deadline - Date.now();
        return timeoutMs <= 0 ? Promise.reject(timeoutError()) : this.#readOnWorker(bytes, { ...limits, timeoutMs });
      }, queueTimeout.signal);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Starts a worker now, if none is alive, so that a read coming soon finds its start-up under way; a read asking for
   * other caps replaces it with one of its own.
   */
  startWorker(limits: Pick<PdfReadLimits, "memoryMb" | "maxResidentMb">): void {
    this.#prune();
    if (this.#closed || this.#workers.length > 0) return;
    this.#workers.push(new PdfProcess(capsOf(limits)));
  }

  /** Ends every worker for good (files being read or waiting fail) and resolves once all have exited. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const worker of this.#workers.splice(0)) this.#track(worker.idle ? worker.retire() : worker.kill());
    await Promise.all(this.#endings);
  }

  async #readOnWorker(bytes: Uint8Array, limits: PdfReadLimits): Promise<PdfExtraction> {
    if (this.#closed) throw new AppError({ code: "INTERNAL", message: "the PDF reader is shut down" });
    const worker = this.#takeWorker(limits);
    const outcome = await worker.read(bytes, limits.maxPages, limits.timeoutMs);
    if (!outcome.keep || worker.filesRead >= limits.filesPerWorker) this.#drop(worker);
    if ("error" in outcome) throw outcome.error;
    return outcome.value;
  }

  /** An idle worker with the file's caps, or a new one (idle workers with other caps make room). */
  #takeWorker(limits: PdfReadLimits): PdfProcess {
    this.#prune();
    const caps = capsOf(limits);
    const idle = this.#workers.find((worker) => worker.idle && sameCaps(worker.caps, caps));
    if (idle !== undefined) return idle;
    for (const worker of this.#workers.filter((w) => w.idle)) {
      if (this.#workers.length < limits.maxWorkers) break;
      this.#drop(worker);
    }
    const worker = new PdfProcess(caps);
    this.#workers.push(worker);
    return worker;
  }

  /** Forgets workers that died while idle (their own resident watch, or killed from outside). */
  #prune(): void {
    for (const worker of this.#workers.filter((w) => !w.alive)) this.#drop(worker);
  }

  #drop(worker: PdfProcess): void {
    const index = this.#workers.indexOf(worker);
    if (index !== -1) this.#workers.splice(index, 1);
    this.#track(worker.retire());
  }

  #track(ending: Promise<void>): void {
    this.#endings.add(ending);
    void ending.finally(() => this.#endings.delete(ending));
  }
}
