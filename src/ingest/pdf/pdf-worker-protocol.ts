// The messages between the PDF process pool (pdf-process-pool.ts) and its pdf-worker.ts children (structured clone).

/** One file for a worker; a worker reads one file at a time and answers with the same id. */
export type PdfWorkerRequest = { id: number; bytes: Uint8Array; maxPages: number; memoryMb: number };

export type PdfWorkerResult =
  | {
      ok: true;
      pages: string[];
      title: string | null;
      creationDate: string | null;
      /** Peak resident memory of the worker process so far, in KiB. */
      peakRssKb: number;
    }
  | { ok: false; code: "INVALID_INPUT" | "LIMIT_EXCEEDED"; message: string };

export type PdfWorkerReply = { id: number; result: PdfWorkerResult };

export function memoryLimitMessage(limitMb: number): string {
  return `PDF needs more than ${limitMb} MB of memory to read (limit BATON_PDF_MEMORY_MB)`;
}

/** Exit code of a worker that ended itself because its resident size passed the cap it was given. */
export const RESIDENT_LIMIT_EXIT_CODE = 87;

/** Exit code of a worker that ended itself because its parent went away. */
export const PARENT_GONE_EXIT_CODE = 88;
