import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import type { BusyTask } from "../../test/support/busy-thread-worker.ts";
import { ThreadPool, type ThreadTaskOptions } from "./thread-pool.ts";

const WORKER = new URL("../../test/support/busy-thread-worker.ts", import.meta.url);

// The deadline is long enough for a thread's cold start on a loaded machine; the spinning task never ends by itself.
const OPTIONS: ThreadTaskOptions = {
  concurrency: 1,
  timeoutMs: 30_000,
  timeoutError: () => new AppError({ code: "LIMIT_EXCEEDED", message: "took too long" }),
  memoryError: () => new AppError({ code: "LIMIT_EXCEEDED", message: "needed too much memory" }),
};

let pool: ThreadPool<BusyTask, string> | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe("ThreadPool", () => {
  it("answers a task's value and keeps its thread for the next one", async () => {
    pool = new ThreadPool({ workerUrl: WORKER, memoryMb: 256 });
    expect(await pool.run({ kind: "echo", value: "one" }, OPTIONS)).toBe("one");
    expect(await pool.run({ kind: "echo", value: "two" }, OPTIONS)).toBe("two");
    expect(pool.threadCount).toBe(1);
    expect(pool.busyCount).toBe(0);
  });

  it("answers a task's AppError as an AppError with its code, message and context", async () => {
    pool = new ThreadPool({ workerUrl: WORKER, memoryMb: 256 });
    const refusal = await pool.run({ kind: "refuse" }, OPTIONS).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "INVALID_INPUT", message: "refused on purpose", context: { n: 1 } });
  });

  it("stops a task that never yields at its deadline, replaces the thread and runs the next task", async () => {
    pool = new ThreadPool({ workerUrl: WORKER, memoryMb: 256 });
    // Warm the thread first so the short deadline below is spent spinning, not starting up.
    await pool.run({ kind: "echo", value: "warm" }, OPTIONS);
    await expect(pool.run({ kind: "spin" }, { ...OPTIONS, timeoutMs: 200 })).rejects.toThrow("took too long");
    expect(pool.threadCount).toBe(0);
    expect(await pool.run({ kind: "echo", value: "after" }, OPTIONS)).toBe("after");
  });

  it("stops a task past the thread's heap cap with the memory error", async () => {
    pool = new ThreadPool({ workerUrl: WORKER, memoryMb: 64 });
    await expect(pool.run({ kind: "hoard" }, { ...OPTIONS, timeoutMs: 600_000 })).rejects.toThrow("needed too much memory");
    expect(await pool.run({ kind: "echo", value: "after" }, OPTIONS)).toBe("after");
  });

  it("ends a running task when its signal aborts", async () => {
    pool = new ThreadPool({ workerUrl: WORKER, memoryMb: 256 });
    const controller = new AbortController();
    const spinning = pool.run({ kind: "spin" }, { ...OPTIONS, timeoutMs: 600_000, signal: controller.signal });
    for (let turn = 0; pool.busyCount === 0 && turn < 1_000_000; turn++) await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new AppError({ code: "TIMEOUT", message: "cancelled" }));
    await expect(spinning).rejects.toThrow("cancelled");
    expect(pool.busyCount).toBe(0);
  });

  it("runs at most `concurrency` tasks at once", async () => {
    pool = new ThreadPool({ workerUrl: WORKER, memoryMb: 256 });
    const controller = new AbortController();
    const first = pool.run({ kind: "spin" }, { ...OPTIONS, concurrency: 1, timeoutMs: 600_000, signal: controller.signal });
    const second = pool.run({ kind: "echo", value: "second" }, { ...OPTIONS, concurrency: 1 });
    for (let turn = 0; pool.busyCount === 0 && turn < 1_000_000; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(pool.threadCount).toBe(1);
    controller.abort(new AppError({ code: "TIMEOUT", message: "cancelled" }));
    await expect(first).rejects.toThrow("cancelled");
    expect(await second).toBe("second");
  });

  it("lets each idle thread end what it holds before ending it on close", async () => {
    pool = new ThreadPool({ workerUrl: WORKER, memoryMb: 256 });
    const dir = mkdtempSync(join(tmpdir(), "baton-thread-close-"));
    try {
      const note = join(dir, "closed.txt");
      expect(await pool.run({ kind: "note-close", path: note }, OPTIONS)).toBe("noted");
      await pool.close();
      expect(readFileSync(note, "utf8")).toBe("closed");
      expect(pool.threadCount).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
