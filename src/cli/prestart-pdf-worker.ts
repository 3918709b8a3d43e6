import { loadConfig } from "../config.ts";
import { warmPdfWorker } from "../ingest/pdf/run-pdf-worker.ts";

/**
 * Starts a PDF worker process when the command's files include a PDF, before the command's own modules load: the
 * worker's start-up (a Node process and the PDF library) then overlaps them and the parsing of the other files.
 */
export function prestartPdfWorker(args: string[]): void {
  if (!args.some((arg) => /\.pdf$/i.test(arg))) return;
  try {
    warmPdfWorker(loadConfig().limits);
  } catch {
    // Unusable settings: the command itself says so.
  }
}
