// The ingest limits and their defaults, free of zod: config.ts reads their overrides from the environment, and the
// CLI starts its PDF worker with the default caps before the settings load (src/cli/prestart-pdf-worker.ts).

export type IngestLimits = {
  /** Largest accepted file, in bytes. */
  maxFileBytes: number;
  /** Most segments one source may produce. */
  maxSegments: number;
  /** Wall-clock budget for parsing one file. */
  parseTimeoutMs: number;
  /** Pages read from one PDF; later pages are rejected, not silently dropped. */
  pdfMaxPages: number;
  /** Heap cap of the isolated PDF worker process. */
  pdfMemoryMb: number;
  /** PDF worker processes alive at once in this process; further PDFs wait (within their parse time). */
  pdfWorkers: number;
  /** Files one PDF worker process reads before a fresh one replaces it (a breach, timeout or crash replaces it at once). */
  pdfWorkerFiles: number;
  /** Distinct speakers (transcripts) or senders and recipients (email) one file may name. */
  maxSpeakers: number;
  /** Worker threads the service parses uploads on (the main thread only routes and writes). */
  parseWorkers: number;
  /** Heap cap of each parse worker thread. */
  parseMemoryMb: number;
  /** Deepest MIME nesting and most MIME parts accepted in one email. */
  mimeMaxDepth: number;
  mimeMaxParts: number;
};

export const DEFAULT_LIMITS: IngestLimits = {
  maxFileBytes: 25 * 1024 * 1024,
  maxSegments: 50_000,
  parseTimeoutMs: 20_000,
  pdfMaxPages: 300,
  pdfMemoryMb: 512,
  pdfWorkers: 2,
  pdfWorkerFiles: 100,
  maxSpeakers: 1_000,
  parseWorkers: 2,
  parseMemoryMb: 1_024,
  mimeMaxDepth: 8,
  mimeMaxParts: 200,
};
