// Runs in a child process of the PDF process pool (pdf-process-pool.ts), so that a hostile PDF (decompression
// bomb, pathological content stream) can only exhaust this process's capped heap, never the caller's. The pool
// reuses a worker for several files, one at a time.
import {
  memoryLimitMessage,
  PARENT_GONE_EXIT_CODE,
  type PdfWorkerReply,
  type PdfWorkerRequest,
  type PdfWorkerResult,
  RESIDENT_LIMIT_EXIT_CODE,
} from "./pdf-worker-protocol.ts";
import { loadPdfLibrary } from "./load-pdf-library.ts";
import { watchParent } from "./watch-parent.ts";
import { watchResidentMemory } from "./watch-resident-memory.ts";

function infoString(info: unknown, key: string): string | null {
  if (typeof info !== "object" || info === null) return null;
  const value = (info as Record<string, unknown>)[key];
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function describeFailure(error: unknown, memoryMb: number): PdfWorkerResult {
  const name = error instanceof Error ? error.name : "";
  // Large typed arrays fail with a RangeError before the heap cap is reached.
  if (error instanceof Error && /allocation failed|invalid (?:typed )?array length/i.test(error.message)) {
    return { ok: false, code: "LIMIT_EXCEEDED", message: memoryLimitMessage(memoryMb) };
  }
  if (name === "PasswordException") return { ok: false, code: "INVALID_INPUT", message: "PDF is password-protected" };
  // Library messages can be long or quote file internals, so only the error class is named.
  const kind = name === "InvalidPDFException" || name === "FormatError" ? name : "read error";
  return { ok: false, code: "INVALID_INPUT", message: `PDF is damaged or not a PDF (${kind})` };
}

/** Extracts per-page text and document metadata; never throws. */
async function extractPdf(request: PdfWorkerRequest): Promise<PdfWorkerResult> {
  const { PDFParse } = await loadPdfLibrary();
  const parser = new PDFParse({
    data: request.bytes,
    // No code generated from the file's PostScript functions.
    isEvalSupported: false,
    // No fonts, CMaps or WASM are loaded from disk or network (no cMapUrl, standardFontDataUrl or
    // wasmUrl is given): text extraction does without them, at the cost of some CJK encodings.
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    useWasm: false,
    enableXfa: false,
    // Text extraction never needs image pixels; refuse to decode any.
    maxImageSize: 1,
    verbosity: 0,
  });
  try {
    const info = await parser.getInfo();
    if (info.total > request.maxPages) {
      return {
        ok: false,
        code: "LIMIT_EXCEEDED",
        message: `PDF has ${info.total} pages, over the limit of ${request.maxPages} (BATON_PDF_MAX_PAGES)`,
      };
    }
    const result = await parser.getText({ pageJoiner: "" });
    const creation = info.getDateNode().CreationDate;
    return {
      ok: true,
      pages: result.pages.map((page) => page.text),
      title: infoString(info.info, "Title"),
      creationDate: creation instanceof Date && !Number.isNaN(creation.getTime()) ? creation.toISOString() : null,
      peakRssKb: process.resourceUsage().maxRSS,
    };
  } catch (error) {
    return describeFailure(error, request.memoryMb);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

/**
 * Serves the parent's read requests over IPC, one file at a time, until the parent goes. Started by
 * pdf-worker-entry.js, or by running this file directly.
 */
export function servePdfRequests(): void {
  if (process.send === undefined) return;
  // Ends itself rather than parse on for nobody once the parent is gone.
  watchParent(process, () => process.exit(PARENT_GONE_EXIT_CODE));
  // The parent passes the resident-size cap (MB) as the first argument.
  const maxResidentMb = Number(process.argv[2]);
  if (Number.isFinite(maxResidentMb) && maxResidentMb > 0) {
    watchResidentMemory(maxResidentMb, () => process.exit(RESIDENT_LIMIT_EXIT_CODE));
  }
  // Loaded while the parent is still loading its own modules or parsing other files.
  const library = loadPdfLibrary();
  process.on("message", (request: PdfWorkerRequest) => {
    void library
      .then(() => extractPdf(request))
      .then((result) => {
        const reply: PdfWorkerReply = { id: request.id, result };
        process.send?.(reply);
      });
  });
}

if (import.meta.main) servePdfRequests();
