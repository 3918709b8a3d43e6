import type { IngestLimits } from "../../config.ts";
import type { PdfExtraction } from "./pdf-process.ts";
import { PdfProcessPool, type PdfReadLimits } from "./pdf-process-pool.ts";

/** This process's (or this parse thread's) PDF workers, shared by every parse: one cap for all of them. */
const shared = new PdfProcessPool();

/** The pool settings of the ingest limits (the deadline and page cap come with each file). */
export function pdfPoolLimits(limits: IngestLimits): Pick<PdfReadLimits, "memoryMb" | "maxWorkers" | "filesPerWorker"> {
  return { memoryMb: limits.pdfMemoryMb, maxWorkers: limits.pdfWorkers, filesPerWorker: limits.pdfWorkerFiles };
}

/**
 * Extracts a PDF's text on the shared pool of worker processes (heap cap, resident-size watch, deadline); rejects
 * with one-line AppErrors. At most `maxWorkers` read at once; a call waits for one within its deadline.
 */
export function runPdfWorker(bytes: Uint8Array, limits: PdfReadLimits): Promise<PdfExtraction> {
  return shared.read(bytes, limits);
}

/** Starts a PDF worker now, so its start-up overlaps the caller's own loading and parsing. */
export function warmPdfWorker(limits: IngestLimits): void {
  shared.warm(pdfPoolLimits(limits));
}

/** Ends the shared PDF workers (the service on shutdown, tests after their last PDF). */
export function closePdfWorkers(): Promise<void> {
  return shared.close();
}
