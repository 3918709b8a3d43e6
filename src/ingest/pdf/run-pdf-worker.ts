import { fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "../../errors.ts";
import { memoryLimitMessage, type PdfWorkerRequest, type PdfWorkerResult, RESIDENT_LIMIT_EXIT_CODE } from "./pdf-worker-protocol.ts";
import { Semaphore } from "../../workers/semaphore.ts";

type PdfExtraction = Extract<PdfWorkerResult, { ok: true }>;

type PdfWorkerLimits = {
  /** Heap cap of the worker (V8 old space). */
  memoryMb: number;
  /** Wall-clock budget; the worker is killed after it. */
  timeoutMs: number;
  maxPages: number;
  /** Resident-size cap of the worker; defaults to memoryMb plus room for the runtime. */
  maxResidentMb?: number;
  /** Workers alive at once in this process; later calls wait (the wait counts against timeoutMs). */
  maxWorkers?: number;
};

const WORKER_PATH = join(import.meta.dirname, "pdf-worker.ts");
const MEMORY_POLL_MS = 50;
// Decompressed streams live in ArrayBuffers outside the V8 heap, which --max-old-space-size does
// not cap; the resident size is watched too, with room for the runtime itself.
const RESIDENT_HEADROOM_MB = 256;
const DEFAULT_MAX_WORKERS = 2;

/** One cap for the whole process, however many parses run at once. */
const workerSlots = new Semaphore(DEFAULT_MAX_WORKERS);

function memoryError(limitMb: number): AppError {
  return new AppError({ code: "LIMIT_EXCEEDED", message: memoryLimitMessage(limitMb), context: { limitMb } });
}

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
 * Extracts a PDF's text in a child process with a heap cap and a deadline; rejects with one-line
 * AppErrors. At most `maxWorkers` children run at once; a call waits for a slot within its deadline.
 */
export async function runPdfWorker(bytes: Uint8Array, limits: PdfWorkerLimits): Promise<PdfExtraction> {
  if (limits.timeoutMs <= 0) throw timeoutError();
  workerSlots.resize(limits.maxWorkers ?? DEFAULT_MAX_WORKERS);
  const deadline = Date.now() + limits.timeoutMs;
  const queueTimeout = new AbortController();
  const timer = setTimeout(() => queueTimeout.abort(timeoutError()), limits.timeoutMs);
  try {
    return await workerSlots.run(() => {
      clearTimeout(timer);
      const timeoutMs = deadline - Date.now();
      return timeoutMs <= 0 ? Promise.reject(timeoutError()) : spawnPdfWorker(bytes, { ...limits, timeoutMs });
    }, queueTimeout.signal);
  } finally {
    clearTimeout(timer);
  }
}

function spawnPdfWorker(bytes: Uint8Array, limits: PdfWorkerLimits): Promise<PdfExtraction> {
  const maxResidentMb = limits.maxResidentMb ?? limits.memoryMb + RESIDENT_HEADROOM_MB;
  return new Promise((resolve, reject) => {
    // The child watches its own resident size against this cap too, and exits when its parent goes.
    const child = fork(WORKER_PATH, [String(maxResidentMb)], {
      execPath: process.execPath,
      execArgv: [`--max-old-space-size=${limits.memoryMb}`],
      serialization: "advanced",
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      env: {},
    });
    let settled = false;
    let stderrTail = "";
    let ranOutOfMemory = false;
    const finish = (outcome: { value: PdfExtraction } | { error: AppError }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(memoryWatch);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      if ("value" in outcome) resolve(outcome.value);
      else reject(outcome.error);
    };
    const timer = setTimeout(() => finish({ error: timeoutError() }), limits.timeoutMs);
    const memoryWatch = setInterval(() => {
      const rss = child.pid === undefined ? null : residentMb(child.pid);
      if (rss !== null && rss > maxResidentMb) finish({ error: memoryError(limits.memoryMb) });
    }, MEMORY_POLL_MS);
    // Read only to tell V8's out-of-memory abort from other deaths; never logged or kept whole.
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-200);
      if (/heap limit|out of memory|allocation failed/i.test(stderrTail)) ranOutOfMemory = true;
    });
    child.on("message", (result: PdfWorkerResult) => {
      if (result.ok) finish({ value: result });
      else finish({ error: new AppError({ code: result.code, message: result.message }) });
    });
    child.on("error", (error) => {
      finish({
        error: new AppError({ code: "INTERNAL", message: "could not start the PDF reader process", cause: error }),
      });
    });
    // "close" rather than "exit": it comes after the IPC channel has delivered the last message.
    child.on("close", (code, signal) => {
      // V8 aborts on a fatal out-of-memory (SIGTRAP/SIGABRT, or exit code 133/134 via a shell), sometimes
      // before its message reaches stderr.
      const fatalAbort = signal === "SIGTRAP" || signal === "SIGABRT" || code === 133 || code === 134;
      // The child exits with RESIDENT_LIMIT_EXIT_CODE when its own resident-size watch trips.
      if (ranOutOfMemory || fatalAbort || code === RESIDENT_LIMIT_EXIT_CODE) {
        finish({ error: memoryError(limits.memoryMb) });
        return;
      }
      const how = signal === null ? `exit code ${code}` : `signal ${signal}`;
      finish({ error: new AppError({ code: "INVALID_INPUT", message: `PDF reader stopped unexpectedly (${how})` }) });
    });
    const request: PdfWorkerRequest = { bytes, maxPages: limits.maxPages, memoryMb: limits.memoryMb };
    // A send error means the child already died; its exit handler gives the answer.
    child.send(request, () => undefined);
  });
}

function timeoutError(): AppError {
  return new AppError({
    code: "LIMIT_EXCEEDED",
    message: "reading the PDF took longer than the parse time limit (BATON_PARSE_TIMEOUT_MS)",
  });
}
