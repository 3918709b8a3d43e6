import { type ChildProcess, fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { getCompileCacheDir } from "node:module";
import { join } from "node:path";
import { AppError } from "../../errors.ts";
import {
  memoryLimitMessage,
  type PdfWorkerReply,
  type PdfWorkerRequest,
  type PdfWorkerResult,
  RESIDENT_LIMIT_EXIT_CODE,
} from "./pdf-worker-protocol.ts";

export type PdfExtraction = Extract<PdfWorkerResult, { ok: true }> & {
  /** The worker process that read the file (reused for several files). */
  workerPid: number;
};

/** What a worker process is started with; a worker serves only files asking for the same caps. */
export type PdfProcessCaps = {
  /** Heap cap of the worker (V8 old space). */
  memoryMb: number;
  /** Resident-size cap of the worker, watched by the worker and by this process. */
  maxResidentMb: number;
};

/** How one file's read ended: `keep` says whether the worker may read another. */
type Outcome = { value: PdfExtraction; keep: true } | { error: AppError; keep: boolean };

const WORKER_PATH = join(import.meta.dirname, "pdf-worker-entry.js");
const MEMORY_POLL_MS = 50;

function residentMb(pid: number): number | null {
  try {
    // Linux only; elsewhere the heap cap alone applies.
    const kilobytes = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "latin1"))?.[1];
    return kilobytes === undefined ? null : Number(kilobytes) / 1024;
  } catch {
    return null;
  }
}

/**
 * One long-lived PDF worker process (pdf-worker.ts): isolated (its own process, an empty environment), heap-capped,
 * its resident size watched from both sides; it ends itself when this process goes. Reads one file at a time.
 */
export class PdfProcess {
  readonly caps: PdfProcessCaps;
  /** Files read so far. */
  filesRead = 0;
  readonly #child: ChildProcess;
  readonly #exited: Promise<void>;
  #busy = false;
  #nextId = 1;
  #stderrTail = "";
  #ranOutOfMemory = false;
  /** The running file's handler of the child's death, if a file is running. */
  #onDeath: ((code: number | null, signal: NodeJS.Signals | null) => void) | undefined;
  #startError: Error | undefined;

  constructor(caps: PdfProcessCaps) {
    this.caps = caps;
    this.#child = fork(WORKER_PATH, [String(caps.maxResidentMb), getCompileCacheDir() ?? ""], {
      execPath: process.execPath,
      execArgv: [`--max-old-space-size=${caps.memoryMb}`],
      serialization: "advanced",
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      env: {},
    });
    // Read only to tell V8's out-of-memory abort from other deaths; never logged or kept whole.
    this.#child.stderr?.setEncoding("utf8");
    this.#child.stderr?.on("data", (chunk: string) => {
      this.#stderrTail = (this.#stderrTail + chunk).slice(-200);
      if (/heap limit|out of memory|allocation failed/i.test(this.#stderrTail)) this.#ranOutOfMemory = true;
    });
    this.#child.on("error", (error) => {
      this.#startError = error;
    });
    // A file's answer waits for "close" rather than "exit": it comes after the IPC channel has delivered the last
    // message. A worker retired by closing its channel has no "close", only "exit".
    this.#child.once("close", (code, signal) => this.#onDeath?.(code, signal));
    this.#exited = new Promise((resolve) => this.#child.once("exit", () => resolve()));
    this.#setIdle();
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  /** Alive and reading nothing now. */
  get idle(): boolean {
    return !this.#busy && this.alive;
  }

  get alive(): boolean {
    return this.#child.exitCode === null && this.#child.signalCode === null && this.#startError === undefined;
  }

  /** Reads one file within `timeoutMs`; on a cap breach, a timeout or a crash the worker is killed (`keep` false). */
  read(bytes: Uint8Array, maxPages: number, timeoutMs: number): Promise<Outcome> {
    if (this.#busy) throw new Error("a PDF worker reads one file at a time");
    this.#busy = true;
    this.#hold();
    const id = this.#nextId++;
    const { memoryMb, maxResidentMb } = this.caps;
    return new Promise<Outcome>((resolve) => {
      let settled = false;
      const finish = (outcome: Outcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(memoryWatch);
        this.#child.off("message", onMessage);
        this.#onDeath = undefined;
        this.#busy = false;
        if (outcome.keep) {
          this.filesRead += 1;
          this.#setIdle();
        } else {
          this.kill();
        }
        resolve(outcome);
      };
      const timer = setTimeout(() => finish({ error: timeoutError(), keep: false }), timeoutMs);
      const memoryWatch = setInterval(() => {
        const rss = this.#child.pid === undefined ? null : residentMb(this.#child.pid);
        if (rss !== null && rss > maxResidentMb) finish({ error: memoryError(memoryMb), keep: false });
      }, MEMORY_POLL_MS);
      const onMessage = (reply: PdfWorkerReply) => {
        if (reply.id !== id) return;
        const { result } = reply;
        if (result.ok) finish({ value: { ...result, workerPid: this.#child.pid ?? 0 }, keep: true });
        // A file refused for memory may have left the worker's heap near its cap: it is replaced.
        else finish({ error: new AppError({ code: result.code, message: result.message }), keep: result.code !== "LIMIT_EXCEEDED" });
      };
      this.#onDeath = (code, signal) => finish({ error: this.#deathError(code, signal), keep: false });
      this.#child.on("message", onMessage);
      if (!this.alive) {
        finish({ error: this.#deathError(this.#child.exitCode, this.#child.signalCode), keep: false });
        return;
      }
      const request: PdfWorkerRequest = { id, bytes, maxPages, memoryMb };
      // A send error means the child already died; its close handler gives the answer.
      this.#child.send(request, () => undefined);
    });
  }

  /** Ends the worker at once; resolves once it has exited. */
  kill(): Promise<void> {
    // Held alive until the exit is seen, so that whoever awaits it is answered.
    this.#hold();
    if (this.alive) this.#child.kill("SIGKILL");
    return this.#exited;
  }

  /** Ends an idle worker by closing its channel (it exits on its own); resolves once it has exited. */
  retire(): Promise<void> {
    if (this.#busy || !this.#child.connected) return this.kill();
    this.#hold();
    this.#child.disconnect();
    return this.#exited;
  }

  #deathError(code: number | null, signal: NodeJS.Signals | null): AppError {
    if (this.#startError !== undefined) {
      return new AppError({ code: "INTERNAL", message: "could not start the PDF reader process", cause: this.#startError });
    }
    // V8 aborts on a fatal out-of-memory (SIGTRAP/SIGABRT, or exit code 133/134 via a shell), sometimes before its
    // message reaches stderr; the child exits with RESIDENT_LIMIT_EXIT_CODE when its own resident-size watch trips.
    const fatalAbort = signal === "SIGTRAP" || signal === "SIGABRT" || code === 133 || code === 134;
    if (this.#ranOutOfMemory || fatalAbort || code === RESIDENT_LIMIT_EXIT_CODE) return memoryError(this.caps.memoryMb);
    const how = signal === null ? `exit code ${code}` : `signal ${signal}`;
    return new AppError({ code: "INVALID_INPUT", message: `PDF reader stopped unexpectedly (${how})` });
  }

  // An idle worker does not keep this process alive: a CLI exits when its work is done, and the worker with it.
  #setIdle(): void {
    this.#child.unref();
    this.#child.channel?.unref();
    (this.#child.stderr as { unref?: () => void } | null)?.unref?.();
  }

  #hold(): void {
    this.#child.ref();
    this.#child.channel?.ref();
    (this.#child.stderr as { ref?: () => void } | null)?.ref?.();
  }
}

function memoryError(limitMb: number): AppError {
  return new AppError({ code: "LIMIT_EXCEEDED", message: memoryLimitMessage(limitMb), context: { limitMb } });
}

export function timeoutError(): AppError {
  return new AppError({
    code: "LIMIT_EXCEEDED",
    message: "reading the PDF took longer than the parse time limit (BATON_PARSE_TIMEOUT_MS)",
  });
}
