import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../config.ts";
import { pdfPoolLimits, readPdfAhead, runPdfWorker } from "./run-pdf-worker.ts";

const NOTES = new Uint8Array(readFileSync(resolve(import.meta.dirname, "../../../fixtures/formats/pdf/meeting-notes.pdf")));
const LIMITS = { ...pdfPoolLimits(DEFAULT_LIMITS), maxPages: 10, timeoutMs: 20_000 };

describe("readPdfAhead", () => {
  it("answers the next read of the same bytes, once", async () => {
    // Read ahead under a page limit the file does not pass (3 pages, 1 allowed): the read that takes it fails with that limit.
    readPdfAhead(NOTES, { ...DEFAULT_LIMITS, pdfMaxPages: 1 });
    await expect(runPdfWorker(NOTES, LIMITS)).rejects.toMatchObject({
      code: "LIMIT_EXCEEDED",
      message: "PDF has 3 pages, over the limit of 1 (BATON_PDF_MAX_PAGES)",
    });
    await expect(runPdfWorker(NOTES, LIMITS)).resolves.toMatchObject({ title: "Northwind kickoff notes" });
  });

  it("leaves reads of other bytes alone", async () => {
    readPdfAhead(NOTES, { ...DEFAULT_LIMITS, pdfMaxPages: 1 });
    const other = new Uint8Array([...NOTES, 0x0a]);
    await expect(runPdfWorker(other, LIMITS)).resolves.toMatchObject({ pages: expect.any(Array) });
    await expect(runPdfWorker(NOTES, LIMITS)).rejects.toMatchObject({ code: "LIMIT_EXCEEDED" });
  });
});
