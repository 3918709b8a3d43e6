import { createHash } from "node:crypto";
import type { IngestLimits } from "../../ingest-limits.ts";
import type { PdfExtraction } from "./pdf-process.ts";
import { PdfProcessPool, type PdfReadLimits } from "./pdf-process-pool.ts";

/** This process's (or this parse thread's) PDF workers, shared by every parse: one cap for all of them. */
const shared = new PdfProcessPool();
/** Reads started ahead of their parse (the CLI's), by the file's digest; each is taken once. */
const early = new Map<string, Promise<PdfExtraction>>();

const digest = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The pool settings of the ingest limits (the deadline and page cap come with each file). */
export function pdfPoolLimits(limits: IngestLimits): Pick<PdfReadLimits, "memoryMb" | "maxWorkers" | "filesPerWorker"> {
  return { memoryMb: limits.pdfMemoryMb, maxWorkers: limits.pdfWorkers, filesPerWorker: limits.pdfWorkerFiles };
}

/**
 * Extracts a PDF's text on the shared pool of worker processes (heap cap, resident-size watch, deadline); rejects
 * with one-line AppErrors. At most `maxWorkers` read at once; a call waits for one within its deadline.
 */
export function runPdfWorker(bytes: Uint8Array, limits: PdfReadLimits): Promise<PdfExtraction> {
  if (early.size > 0) {
    const key = digest(bytes);
    const started = early.get(key);
    early.delete(key);
    if (started !== undefined) return started;
  }
  return shared.read(bytes, limits);
}

/**
 * Starts reading a PDF now, under the limits its parse will have (its parse time counted from now), so that the
 * worker's start-up and the read overlap the caller's own loading and parsing; the parse of the same bytes then
 * takes this read's answer.
 */
export function readPdfAhead(bytes: Uint8Array, limits: IngestLimits): void {
  const read = shared.read(bytes, { ...pdfPoolLimits(limits), maxPages: limits.pdfMaxPages, timeoutMs: limits.parseTimeoutMs });
  // Answered to the parse that takes it; a read nobody takes fails silently.
  read.catch(() => undefined);
  early.set(digest(bytes), read);
}

/** Starts a shared PDF worker with these limits' caps ahead of any read (the CLI's, before its settings load). */
export function startPdfWorker(limits: IngestLimits): void {
  shared.startWorker({ memoryMb: limits.pdfMemoryMb });
}

/** Ends the shared PDF workers (the service on shutdown, tests after their last PDF). */
export function closePdfWorkers(): Promise<void> {
  return shared.close();
}
