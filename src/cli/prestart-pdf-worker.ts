import { readFileSync, statSync } from "node:fs";
import { loadConfig } from "../config.ts";

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
    const { limits } = loadConfig();
    const { readPdfAhead } = await import("../ingest/pdf/run-pdf-worker.ts");
    for (const path of pdfs.slice(0, limits.pdfWorkers)) {
      if (statSync(path).size <= limits.maxFileBytes) readPdfAhead(new Uint8Array(readFileSync(path)), limits);
    }
  } catch {
    // The command itself says what is wrong.
  }
}
