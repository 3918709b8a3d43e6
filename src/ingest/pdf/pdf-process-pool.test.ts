import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { writeDeflateBombPdf } from "../../../test/support/write-deflate-bomb-pdf.ts";
import { AppError } from "../../errors.ts";
import { PdfProcessPool, type PdfReadLimits } from "./pdf-process-pool.ts";

const NOTES = new Uint8Array(readFileSync(resolve(import.meta.dirname, "../../../fixtures/formats/pdf/meeting-notes.pdf")));
const LIMITS: PdfReadLimits = { memoryMb: 512, maxPages: 10, timeoutMs: 20_000, maxWorkers: 2, filesPerWorker: 100 };
// Generous: a loaded machine must pass; only the end of a process is awaited, never its speed.
const GONE_WITHIN = { timeout: 20_000, interval: 50 };

/** Whether the process runs (a zombie waiting for its parent to reap it does not). */
function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "latin1"));
  } catch {
    if (existsSync("/proc/self/stat")) return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("PdfProcessPool", () => {
  const pools: PdfProcessPool[] = [];
  const newPool = () => {
    const pool = new PdfProcessPool();
    pools.push(pool);
    return pool;
  };
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((pool) => pool.close()));
  });

  it("reads many files on one worker process, each with its text, title and date", async () => {
    const pool = newPool();
    const results = [];
    for (let file = 0; file < 3; file += 1) results.push(await pool.read(NOTES, LIMITS));
    for (const result of results) {
      expect(result.pages).toHaveLength(3);
      expect(result.pages[0]).toMatch(/^Larkspur Analytics - Confidential\n/);
      expect(result.title).toBe("Northwind kickoff notes");
      expect(result.creationDate).toBe("2024-02-06T16:30:00.000Z");
      expect(result.peakRssKb).toBeGreaterThan(0);
    }
    expect(new Set(results.map((result) => result.workerPid)).size).toBe(1);
    expect(pool.processIds).toEqual([results[0]!.workerPid]);
  });

  it("reads on a worker started ahead with the file's caps, and replaces one started with other caps", async () => {
    const pool = newPool();
    pool.startWorker({ memoryMb: LIMITS.memoryMb });
    const [early] = pool.processIds;
    expect((await pool.read(NOTES, LIMITS)).workerPid).toBe(early);
    pool.startWorker({ memoryMb: LIMITS.memoryMb });
    expect(pool.processIds).toEqual([early]);

    const other = newPool();
    other.startWorker({ memoryMb: 256 });
    const [wrongCaps] = other.processIds;
    const read = await other.read(NOTES, { ...LIMITS, maxWorkers: 1 });
    expect(read.workerPid).not.toBe(wrongCaps);
    expect(other.processIds).toEqual([read.workerPid]);
    await vi.waitFor(() => expect(isRunning(wrongCaps!)).toBe(false), GONE_WITHIN);
  });

  it("replaces a worker after its allotted number of files", async () => {
    const pool = newPool();
    const limits = { ...LIMITS, filesPerWorker: 2 };
    const pids: number[] = [];
    for (let file = 0; file < 3; file += 1) pids.push((await pool.read(NOTES, limits)).workerPid);
    expect(pids[1]).toBe(pids[0]);
    expect(pids[2]).not.toBe(pids[0]);
    expect(pool.processIds).toEqual([pids[2]]);
    await vi.waitFor(() => expect(isRunning(pids[0]!)).toBe(false), GONE_WITHIN);
  });

  it("kills a worker that breaches its memory cap and reads the next file on a fresh one", async () => {
    const pool = newPool();
    const limits = { ...LIMITS, memoryMb: 64 };
    const first = await pool.read(NOTES, limits);
    const error = await rejection(pool.read(await writeDeflateBombPdf(10), { ...limits, timeoutMs: 60_000 }));
    expect(`${error.code}: ${error.message}`).toBe(
      "LIMIT_EXCEEDED: PDF needs more than 64 MB of memory to read (limit BATON_PDF_MEMORY_MB)",
    );
    await vi.waitFor(() => expect(isRunning(first.workerPid)).toBe(false), GONE_WITHIN);
    const next = await pool.read(NOTES, limits);
    expect(next.workerPid).not.toBe(first.workerPid);
    expect(next.title).toBe("Northwind kickoff notes");
  });

  it.runIf(existsSync("/proc/self/status"))("kills a worker whose resident size passes its cap", async () => {
    const pool = newPool();
    const error = await rejection(pool.read(NOTES, { ...LIMITS, maxResidentMb: 20 }));
    expect(error).toMatchObject({ code: "LIMIT_EXCEEDED", message: expect.stringMatching(/BATON_PDF_MEMORY_MB/) });
    expect(pool.processIds).toEqual([]);
  });

  it("kills a worker at the deadline and reads the next file on a fresh one", async () => {
    const pool = newPool();
    const first = await pool.read(NOTES, LIMITS);
    const error = await rejection(pool.read(await writeDeflateBombPdf(20), { ...LIMITS, timeoutMs: 1_500 }));
    expect(`${error.code}: ${error.message}`).toBe(
      "LIMIT_EXCEEDED: reading the PDF took longer than the parse time limit (BATON_PARSE_TIMEOUT_MS)",
    );
    const next = await pool.read(NOTES, LIMITS);
    expect(next.workerPid).not.toBe(first.workerPid);
    expect(next.pages).toHaveLength(3);
  });

  it("replaces a worker that dies while reading or while idle", async () => {
    const pool = newPool();
    const reading = rejection(pool.read(NOTES, LIMITS));
    await vi.waitFor(() => expect(pool.processIds).toHaveLength(1));
    const [crashed] = pool.processIds;
    process.kill(crashed!, "SIGKILL");
    const error = await reading;
    expect(`${error.code}: ${error.message}`).toBe("INVALID_INPUT: PDF reader stopped unexpectedly (signal SIGKILL)");
    const idle = await pool.read(NOTES, LIMITS);
    expect(idle.workerPid).not.toBe(crashed);
    process.kill(idle.workerPid, "SIGKILL");
    await vi.waitFor(() => expect(pool.processIds).toEqual([]), GONE_WITHIN);
    const next = await pool.read(NOTES, LIMITS);
    expect(next.workerPid).not.toBe(idle.workerPid);
    expect(next.title).toBe("Northwind kickoff notes");
  });

  it("queues files beyond the worker cap and reads them all", async () => {
    const pool = newPool();
    const results = await Promise.all([1, 2, 3].map(() => pool.read(NOTES, { ...LIMITS, maxWorkers: 1 })));
    expect(results.map((result) => result.pages.length)).toEqual([3, 3, 3]);
    expect(new Set(results.map((result) => result.workerPid)).size).toBe(1);
  });

  it("times out a file still waiting for a worker and frees the queue", async () => {
    const pool = newPool();
    const limits = { ...LIMITS, maxWorkers: 1 };
    const first = pool.read(NOTES, limits);
    const waiting = pool.read(NOTES, { ...limits, timeoutMs: 1 });
    await expect(waiting).rejects.toMatchObject({ code: "LIMIT_EXCEEDED", message: expect.stringMatching(/BATON_PARSE_TIMEOUT_MS/) });
    await expect(first).resolves.toMatchObject({ title: "Northwind kickoff notes" });
    await expect(pool.read(NOTES, limits)).resolves.toMatchObject({ pages: expect.any(Array) });
  });

  it("rejects at once when no time is left", async () => {
    const pool = newPool();
    await expect(pool.read(NOTES, { ...LIMITS, timeoutMs: 0 })).rejects.toMatchObject({
      code: "LIMIT_EXCEEDED",
      message: expect.stringMatching(/BATON_PARSE_TIMEOUT_MS/),
    });
    expect(pool.processIds).toEqual([]);
  });

  it("ends every worker on close, idle or reading, and reads nothing after", async () => {
    const pool = new PdfProcessPool();
    const idle = await pool.read(NOTES, LIMITS);
    // Two read (one on the idle worker, one on a worker still starting), the third waits for one of them.
    const outcomes = Promise.allSettled([1, 2, 3].map(() => pool.read(NOTES, LIMITS)));
    await vi.waitFor(() => expect(pool.processIds).toHaveLength(2));
    const pids = pool.processIds;
    expect(pids).toContain(idle.workerPid);
    await pool.close();
    // The one on the starting worker cannot have finished; the others may have, just before the close.
    expect((await outcomes).filter((outcome) => outcome.status === "rejected").length).toBeGreaterThanOrEqual(1);
    await expect(pool.read(NOTES, LIMITS)).rejects.toMatchObject({ message: "the PDF reader is shut down" });
    expect(pids.filter(isRunning)).toEqual([]);
    expect(pool.processIds).toEqual([]);
  });

  it("does not keep its process alive: a script that reads a PDF and returns exits, and its worker with it", async () => {
    const script = `
      import { runPdfWorker } from ${JSON.stringify(resolve(import.meta.dirname, "run-pdf-worker.ts"))};
      import { readFileSync } from "node:fs";
      const bytes = new Uint8Array(readFileSync(${JSON.stringify(resolve(import.meta.dirname, "../../../fixtures/formats/pdf/meeting-notes.pdf"))}));
      const result = await runPdfWorker(bytes, ${JSON.stringify(LIMITS)});
      console.log(result.workerPid);
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], { timeout: 60_000 });
    const workerPid = Number(stdout.trim());
    expect(workerPid).toBeGreaterThan(0);
    await vi.waitFor(() => expect(isRunning(workerPid)).toBe(false), GONE_WITHIN);
  });
});
