import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CLOCK_START, createManualClock, eventually, type ManualClock } from "../../test/support/manual-clock.ts";
import { SILENT_LOGGER } from "../logger.ts";
import { type Database, openDatabase } from "../storage/open-database.ts";
import type { FailureVerdict, JobHandler, JobQueue } from "./job-queue.ts";
import { createSqliteJobQueue } from "./sqlite-job-queue.ts";

const LEASE_MS = 30_000;
let dir: string;
let opened: Database[] = [];
let queues: JobQueue[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "baton-queue-test-"));
});
afterEach(async () => {
  for (const queue of queues) await queue.stop();
  for (const db of opened) db.close();
  queues = [];
  opened = [];
  rmSync(dir, { recursive: true, force: true });
});

/** A queue on its own connection to the test's database file, as another process would have. */
function openQueue(clock: ManualClock, options: { concurrency?: number; maxAttempts?: number } = {}) {
  const db = openDatabase(join(dir, "jobs.sqlite"));
  opened.push(db);
  const queue = createSqliteJobQueue({
    db,
    concurrency: options.concurrency ?? 1,
    leaseMs: LEASE_MS,
    maxAttempts: options.maxAttempts ?? 3,
    logger: SILENT_LOGGER,
    clock,
    random: () => 0.5,
  });
  queues.push(queue);
  return queue;
}

/** A handler whose every run waits until the test settles it, recording what happened to its jobs. */
function scriptedHandler(verdict: FailureVerdict = { retry: true, countsAsAttempt: true }) {
  const runs: { payload: unknown; attempt: number; succeed: () => void; fail: (error: Error) => void; signal: AbortSignal }[] = [];
  const events: string[] = [];
  const handler: JobHandler = {
    run: (payload, context) =>
      new Promise<void>((resolve, reject) => {
        runs.push({ payload, attempt: context.attempt, succeed: resolve, fail: reject, signal: context.signal });
        context.signal.addEventListener("abort", () => reject(context.signal.reason), { once: true });
      }),
    judge: () => verdict,
    describe: (error) => `failed: ${(error as Error).message}`,
    onRequeued: () => events.push("requeued"),
    onDead: (_payload, failure) => events.push(`dead: ${failure.reason}${failure.error === undefined ? " (no error)" : ""}`),
  };
  return { handler, runs, events };
}

const at = (ms: number) => new Date(CLOCK_START + ms).toISOString();

describe("the SQLite job queue", () => {
  it("runs at most `concurrency` jobs at once, in the order they were queued", async () => {
    const clock = createManualClock();
    const queue = openQueue(clock, { concurrency: 2 });
    const script = scriptedHandler();
    queue.register("test", script.handler);
    for (const id of ["a", "b", "c", "d"]) queue.enqueue({ id, kind: "test", payload: { id } });
    await eventually(() => expect(script.runs.map((run) => run.payload)).toEqual([{ id: "a" }, { id: "b" }]));
    script.runs[0]!.succeed();
    await eventually(() => expect(script.runs).toHaveLength(3));
    expect(script.runs[2]!.payload).toEqual({ id: "c" });
    expect(queue.inspect("a")?.status).toBe("succeeded");
    expect(queue.inspect("d")?.status).toBe("queued");
  });

  it("retries a failing job with exponential backoff, then dead-letters it with the reason", async () => {
    const clock = createManualClock();
    const queue = openQueue(clock, { maxAttempts: 3 });
    const script = scriptedHandler();
    queue.register("test", script.handler);
    queue.enqueue({ id: "job", kind: "test", payload: {} });
    await eventually(() => expect(script.runs).toHaveLength(1));
    script.runs[0]!.fail(new Error("HTTP 503"));
    // Attempt 1 failed: 5 s base, equal jitter at 0.5 gives 3.75 s.
    await eventually(() => expect(queue.inspect("job")).toMatchObject({ status: "queued", attempts: 1, nextAttemptAt: at(3_750) }));
    expect(queue.inspect("job")?.lastError).toBe("failed: HTTP 503");
    await clock.advance(3_749);
    expect(script.runs).toHaveLength(1);
    await clock.advance(1);
    await eventually(() => expect(script.runs).toHaveLength(2));
    expect(script.runs[1]!.attempt).toBe(2);
    script.runs[1]!.fail(new Error("HTTP 503"));
    // Attempt 2: a 10 s ceiling, 7.5 s with the jitter.
    await eventually(() => expect(queue.inspect("job")).toMatchObject({ status: "queued", nextAttemptAt: at(3_750 + 7_500) }));
    await clock.advance(7_500);
    await eventually(() => expect(script.runs).toHaveLength(3));
    script.runs[2]!.fail(new Error("HTTP 503"));
    await queue.settled("job");
    expect(queue.inspect("job")).toMatchObject({ status: "dead", attempts: 3, lastError: "failed: HTTP 503" });
    expect(script.events).toEqual(["requeued", "requeued", "dead: failed: HTTP 503"]);
  });

  it("dead-letters a failure that is not worth retrying at once", async () => {
    const clock = createManualClock();
    const queue = openQueue(clock);
    const script = scriptedHandler({ retry: false });
    queue.register("test", script.handler);
    queue.enqueue({ id: "job", kind: "test", payload: {} });
    await eventually(() => expect(script.runs).toHaveLength(1));
    script.runs[0]!.fail(new Error("HTTP 401"));
    await queue.settled("job");
    expect(queue.inspect("job")).toMatchObject({ status: "dead", attempts: 1, lastError: "failed: HTTP 401" });
  });

  it("brings a job told to wait back at that time without counting the attempt, and frees the worker meanwhile", async () => {
    const clock = createManualClock();
    const queue = openQueue(clock, { concurrency: 1, maxAttempts: 1 });
    const script = scriptedHandler({ retry: true, afterMs: 20_000, countsAsAttempt: false });
    queue.register("test", script.handler);
    queue.enqueue({ id: "first", kind: "test", payload: { id: "first" } });
    queue.enqueue({ id: "second", kind: "test", payload: { id: "second" } });
    await eventually(() => expect(script.runs).toHaveLength(1));
    script.runs[0]!.fail(new Error("HTTP 429"));
    // The one worker takes the second job while the first waits.
    await eventually(() => expect(script.runs.map((run) => run.payload)).toEqual([{ id: "first" }, { id: "second" }]));
    expect(queue.inspect("first")).toMatchObject({ status: "queued", attempts: 0, nextAttemptAt: at(20_000) });
    script.runs[1]!.succeed();
    await clock.advance(20_000);
    await eventually(() => expect(script.runs).toHaveLength(3));
    script.runs[2]!.succeed();
    await queue.idle();
    expect(queue.inspect("first")).toMatchObject({ status: "succeeded", attempts: 1 });
  });

  it("lets another worker take over a job whose worker stopped without a word once its lease expires", async () => {
    const crashedClock = createManualClock();
    const crashed = openQueue(crashedClock);
    const crashedScript = scriptedHandler();
    crashed.register("test", crashedScript.handler);
    crashed.enqueue({ id: "job", kind: "test", payload: {} });
    await eventually(() => expect(crashedScript.runs).toHaveLength(1));
    // `crashed` is dropped here: no stop, no heartbeat (its clock never moves again), its lease left in the table.
    const clock = createManualClock();
    const survivor = openQueue(clock);
    const script = scriptedHandler();
    survivor.register("test", script.handler);
    survivor.start();
    await clock.advance(LEASE_MS - 1);
    expect(script.runs).toHaveLength(0);
    expect(survivor.inspect("job")?.status).toBe("running");
    await clock.advance(2_000);
    await eventually(() => expect(script.runs).toHaveLength(1));
    expect(script.runs[0]!.attempt).toBe(2);
    script.runs[0]!.succeed();
    await survivor.settled("job");
    // The old worker finishing late changes nothing: its lease is gone.
    crashedScript.runs[0]!.fail(new Error("late"));
    await crashedClock.settle();
    expect(survivor.inspect("job")).toMatchObject({ status: "succeeded", attempts: 2, lastError: null });
  });

  it("dead-letters a job whose worker died on every attempt, without an error to report", async () => {
    const first = createManualClock();
    const queue = openQueue(first, { maxAttempts: 1 });
    queue.register("test", scriptedHandler().handler);
    queue.enqueue({ id: "job", kind: "test", payload: {} });
    await eventually(() => expect(queue.inspect("job")?.status).toBe("running"));
    const clock = createManualClock(CLOCK_START + LEASE_MS + 1);
    const next = openQueue(clock, { maxAttempts: 1 });
    const script = scriptedHandler();
    next.register("test", script.handler);
    next.start();
    await eventually(() => expect(next.inspect("job")?.status).toBe("dead"));
    expect(script.runs).toHaveLength(0);
    expect(script.events).toEqual(["dead: its worker stopped during each of its last attempts (1 in all) (no error)"]);
  });

  it("hands running jobs back on stop, the attempt not counted, for the next start to continue", async () => {
    const clock = createManualClock();
    const queue = openQueue(clock);
    const script = scriptedHandler();
    queue.register("test", script.handler);
    queue.enqueue({ id: "job", kind: "test", payload: {} });
    await eventually(() => expect(script.runs).toHaveLength(1));
    const waiting = queue.settled("job");
    await queue.stop();
    await waiting;
    expect(script.runs[0]!.signal.aborted).toBe(true);
    expect(queue.inspect("job")).toMatchObject({ status: "queued", attempts: 0 });
    expect(script.events).toEqual(["requeued"]);

    const restarted = openQueue(clock);
    const after = scriptedHandler();
    restarted.register("test", after.handler);
    restarted.start();
    await eventually(() => expect(after.runs).toHaveLength(1));
    after.runs[0]!.succeed();
    await restarted.idle();
    expect(restarted.inspect("job")).toMatchObject({ status: "succeeded", attempts: 1 });
  });

  it("keeps a job queued twice under one id once", async () => {
    const clock = createManualClock();
    const queue = openQueue(clock);
    const script = scriptedHandler();
    queue.register("test", script.handler);
    queue.enqueue({ id: "job", kind: "test", payload: { n: 1 } });
    queue.enqueue({ id: "job", kind: "test", payload: { n: 2 } });
    await eventually(() => expect(script.runs).toHaveLength(1));
    script.runs[0]!.succeed();
    await queue.idle();
    expect(script.runs.map((run) => run.payload)).toEqual([{ n: 1 }]);
  });
});
