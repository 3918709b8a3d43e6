import { describe, expect, it } from "vitest";
import { Semaphore } from "./semaphore.ts";

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("Semaphore", () => {
  it("runs at most the limit at once and starts waiters in order as slots free", async () => {
    const slots = new Semaphore(2);
    const tasks = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    let running = 0;
    let peak = 0;
    const runs = tasks.map((task, index) =>
      slots.run(async () => {
        started.push(index);
        running += 1;
        peak = Math.max(peak, running);
        await task.promise;
        running -= 1;
        return index;
      }),
    );
    await settle();
    expect(started).toEqual([0, 1]);
    expect(slots.waiting).toBe(2);
    tasks[1]?.resolve();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    for (const task of tasks) task.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(peak).toBe(2);
    expect(slots.active).toBe(0);
  });

  it("frees the slot when a task rejects or throws", async () => {
    const slots = new Semaphore(1);
    await expect(slots.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(
      slots.run(() => {
        throw new Error("sync boom");
      }),
    ).rejects.toThrow("sync boom");
    expect(slots.active).toBe(0);
    await expect(slots.run(async () => "next")).resolves.toBe("next");
  });

  it("drops a waiter whose signal aborts and lets the next one in", async () => {
    const slots = new Semaphore(1);
    const first = deferred();
    const running = slots.run(() => first.promise);
    const controller = new AbortController();
    const abandoned = slots.run(async () => "never", controller.signal);
    const next = slots.run(async () => "next");
    controller.abort(new Error("timed out"));
    await expect(abandoned).rejects.toThrow("timed out");
    expect(slots.waiting).toBe(1);
    first.resolve();
    await running;
    await expect(next).resolves.toBe("next");
    expect(slots.active).toBe(0);
  });

  it("starts waiting tasks when the limit grows", async () => {
    const slots = new Semaphore(1);
    const first = deferred();
    const running = slots.run(() => first.promise);
    const second = slots.run(async () => "second");
    await settle();
    slots.resize(2);
    await expect(second).resolves.toBe("second");
    first.resolve();
    await running;
  });
});
