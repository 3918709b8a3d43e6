import { Worker } from "node:worker_threads";
import { AppError } from "../errors.ts";
import { Semaphore } from "./semaphore.ts";
import { CLOSE_REQUEST, CLOSED_REPLY, type ThreadReply, type ThreadRequest } from "./thread-protocol.ts";

export type ThreadPoolOptions = {
  /** The worker's entry file; it answers with serveThreadRequests (thread-protocol.ts). */
  workerUrl: URL;
  /** Heap cap of each thread (V8 old space); past it the task fails with `memoryError` and the thread is replaced. */
  memoryMb: number;
};

export type ThreadTaskOptions = {
  /** Threads running tasks at once; later tasks wait their turn (the wait does not count against `timeoutMs`). */
  concurrency: number;
  /** Hard stop: past it the thread is terminated and replaced, and the task fails with `timeoutError`. */
  timeoutMs: number;
  timeoutError: () => AppError;
  memoryError: () => AppError;
  /** Aborting ends the task's thread and fails the task with the signal's reason. */
  signal?: AbortSignal;
  /** Buffers of the payload moved to the thread instead of copied (unusable here afterwards). */
  transfer?: ArrayBuffer[];
};

type Slot = { worker: Worker; busy: boolean };

/**
 * Long-lived worker threads for CPU-bound work (parsing, drafting), so the main thread only routes, authenticates
 * and writes. Each task runs under a hard deadline and a heap cap enforced from outside the thread: a stage that
 * never checks the time is stopped all the same. Idle threads do not keep the process alive.
 */
export class ThreadPool<Payload, Result> {
  readonly #options: ThreadPoolOptions;
  readonly #slots: Slot[] = [];
  readonly #turns = new Semaphore(1);
  #nextId = 1;

  constructor(options: ThreadPoolOptions) {
    this.#options = options;
  }

  /** Threads running or idle now. */
  get threadCount(): number {
    return this.#slots.length;
  }

  /** Tasks running on a thread now. */
  get busyCount(): number {
    return this.#slots.filter((slot) => slot.busy).length;
  }

  run(payload: Payload, options: ThreadTaskOptions): Promise<Result> {
    this.#turns.resize(options.concurrency);
    return this.#turns.run(() => this.#runOnThread(payload, options), options.signal);
  }

  /** Ends every thread, each once it has let go of what it holds (or after a grace period); tasks running on them fail. */
  async close(): Promise<void> {
    await Promise.all(
      this.#slots.splice(0).map(async (slot) => {
        await askToClose(slot.worker);
        await slot.worker.terminate();
      }),
    );
  }

  #runOnThread(payload: Payload, options: ThreadTaskOptions): Promise<Result> {
    if (options.signal?.aborted) return Promise.reject(options.signal.reason);
    const slot = this.#idleSlot();
    slot.busy = true;
    slot.worker.ref();
    const id = this.#nextId++;
    return new Promise<Result>((resolve, reject) => {
      const finish = (outcome: { value: Result } | { error: unknown }, keepThread: boolean) => {
        clearTimeout(timer);
        options.signal?.removeEventListener("abort", onAbort);
        slot.worker.off("message", onMessage);
        slot.worker.off("error", onError);
        slot.worker.off("exit", onExit);
        if (keepThread) {
          slot.busy = false;
          slot.worker.unref();
        } else {
          this.#drop(slot);
        }
        if ("value" in outcome) resolve(outcome.value);
        else reject(outcome.error);
      };
      const onMessage = (reply: ThreadReply<Result>) => {
        if (reply.id !== id) return;
        // The deadline holds even when this thread was too busy to run the timer before the answer came: a late
        // answer is refused the same way (the thread finished its task and stays).
        if (performance.now() - started >= options.timeoutMs) finish({ error: options.timeoutError() }, true);
        else if (reply.ok) finish({ value: reply.value }, true);
        else finish({ error: new AppError(reply.error) }, true);
      };
      const onError = (error: Error & { code?: string }) =>
        finish({ error: error.code === "ERR_WORKER_OUT_OF_MEMORY" ? options.memoryError() : crashed(error) }, false);
      const onExit = () => finish({ error: crashed(new Error("worker thread exited")) }, false);
      const onAbort = () => finish({ error: options.signal?.reason }, false);
      const started = performance.now();
      const timer = setTimeout(() => finish({ error: options.timeoutError() }, false), options.timeoutMs);
      options.signal?.addEventListener("abort", onAbort, { once: true });
      slot.worker.on("message", onMessage);
      slot.worker.on("error", onError);
      slot.worker.on("exit", onExit);
      const request: ThreadRequest<Payload> = { id, payload };
      slot.worker.postMessage(request, options.transfer ?? []);
    });
  }

  #idleSlot(): Slot {
    const idle = this.#slots.find((slot) => !slot.busy);
    if (idle !== undefined) return idle;
    const worker = new Worker(this.#options.workerUrl, {
      resourceLimits: { maxOldGenerationSizeMb: this.#options.memoryMb },
      // Threads need no environment and none of the process's flags or preloads: what a task needs arrives with it.
      env: {},
      execArgv: [],
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

// A busy thread (a synchronous stretch of parsing) cannot answer; it is terminated after this, and what it held ends
// on its own (a PDF worker process exits when its channel closes).
const CLOSE_GRACE_MS = 2_000;

function askToClose(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("exit", done);
      resolve();
    };
    const onMessage = (message: unknown) => message === CLOSED_REPLY && done();
    const timer = setTimeout(done, CLOSE_GRACE_MS);
    worker.on("message", onMessage);
    worker.on("exit", done);
    // Held alive until answered: a service shutting down may have nothing else left running.
    worker.ref();
    worker.postMessage(CLOSE_REQUEST);
  });
}

function crashed(cause: Error): AppError {
  return new AppError({ code: "INTERNAL", message: "a worker thread stopped unexpectedly", cause });
}
