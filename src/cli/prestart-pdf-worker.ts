import { readFileSync, statSync } from "node:fs";
import { DEFAULT_LIMITS } from "../ingest-limits.ts";

/**
 * Starts reading the command's PDF files on a worker process before the command's own modules load: the worker's
 * start-up (a Node process and the PDF library) and the read then overlap them and the parsing of the other files.
 * Anything unusable (settings, a missing or oversized file) is left for the command to report. A command without a
 * PDF loads none of the worker's modules.
 */
export async function prestartPdfWorker(args: string[]): Promise<void> {
  const pdfs = args.filter((arg) => /\.pdf$/i.test(arg) && !arg.startsWith("-"));
  if (pdfs.length === 0) return;
  try {
    const { readPdfAhead, startPdfWorker } = await import("../ingest/pdf/run-pdf-worker.ts");
    // Forked before the settings load (zod is most of their cost), with the default caps; settings with other caps
    // have the read below retire it unused and start a worker with theirs, so no file is read under the wrong cap.
    startPdfWorker(DEFAULT_LIMITS);
    const { loadConfig } = await import("../config.ts");
    const { limits } = loadConfig();
    for (const path of pdfs.slice(0, limits.pdfWorkers)) {
      if (statSync(path).size <= limits.maxFileBytes) readPdfAhead(new Uint8Array(readFileSync(path)), limits);
    }
  } catch {
    // The command itself says what is wrong.
  }
}
