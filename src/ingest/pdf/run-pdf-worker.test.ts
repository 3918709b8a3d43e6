import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "../../errors.ts";
import { runPdfWorker } from "./run-pdf-worker.ts";

const NOTES = new Uint8Array(readFileSync(resolve(import.meta.dirname, "../../../fixtures/formats/pdf/meeting-notes.pdf")));
const LIMITS = { memoryMb: 512, maxPages: 10, timeoutMs: 20_000 };

describe("runPdfWorker", () => {
  it("returns per-page text, the metadata title and the creation date", async () => {
    const result = await runPdfWorker(NOTES, LIMITS);
    expect(result.pages).toHaveLength(3);
    expect(result.pages[0]).toMatch(/^Larkspur Analytics - Confidential\n/);
    expect(result.title).toBe("Northwind kickoff notes");
    expect(result.creationDate).toBe("2024-02-06T16:30:00.000Z");
    expect(result.peakRssKb).toBeGreaterThan(0);
  });

  it.runIf(existsSync("/proc/self/status"))("kills a worker whose resident size passes its cap", async () => {
    const error = await runPdfWorker(NOTES, { ...LIMITS, maxResidentMb: 20 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "LIMIT_EXCEEDED", message: expect.stringMatching(/BATON_PDF_MEMORY_MB/) });
  });

  it("queues calls beyond the worker cap and runs them all", async () => {
    const results = await Promise.all([1, 2, 3].map(() => runPdfWorker(NOTES, { ...LIMITS, maxWorkers: 1 })));
    expect(results.map((result) => result.pages.length)).toEqual([3, 3, 3]);
  });

  it("times out a call still waiting for a worker slot and frees the queue", async () => {
    const first = runPdfWorker(NOTES, { ...LIMITS, maxWorkers: 1 });
    const waiting = runPdfWorker(NOTES, { ...LIMITS, maxWorkers: 1, timeoutMs: 1 });
    await expect(waiting).rejects.toMatchObject({ code: "LIMIT_EXCEEDED", message: expect.stringMatching(/BATON_PARSE_TIMEOUT_MS/) });
    await expect(first).resolves.toMatchObject({ title: "Northwind kickoff notes" });
    await expect(runPdfWorker(NOTES, { ...LIMITS, maxWorkers: 1 })).resolves.toMatchObject({ pages: expect.any(Array) });
  });

  it("rejects at once when no time is left", async () => {
    await expect(runPdfWorker(NOTES, { ...LIMITS, timeoutMs: 0 })).rejects.toMatchObject({
      code: "LIMIT_EXCEEDED",
      message: expect.stringMatching(/BATON_PARSE_TIMEOUT_MS/),
    });
  });
});
