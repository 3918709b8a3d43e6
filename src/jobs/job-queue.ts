import type { Logger } from "../logger.ts";

type Task = (signal: AbortSignal) => Promise<void>;

export type JobQueue = {
  /** Queues a task; at most `concurrency` run at once, in arrival order. */
  enqueue(id: string, task: Task): void;
  /** Resolves when nothing is queued or running (tests and batch callers wait on it). */
  idle(): Promise<void>;
  /** Resolves when the task queued under `id` has settled (at once when no such task is queued or running). */
  settled(id: string): Promise<void>;
  /** Drops queued tasks, aborts running ones and waits for them to settle (graceful shutdown). */
  stop(): Promise<void>;
};

/** An in-process queue: extraction runs outlive the request that started them, bounded by concurrency. */
export function createJobQueue(options: { concurrency: number; logger: Logger }): JobQueue {
  const waiting: { id: string; task: Task }[] = [];
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  const settledWaiters = new Map<string, (() => void)[]>();
  let idleWaiters: (() => void)[] = [];

  const settle = (id: string) => {
    for (const resolve of settledWaiters.get(id) ?? []) resolve();
    settledWaiters.delete(id);
  };
  let stopped = false;

  const settleIdle = () => {
    if (waiting.length === 0 && running.size === 0) {
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    }
  };

  const pump = () => {
    while (!stopped && running.size < options.concurrency && waiting.length > 0) {
      const { id, task } = waiting.shift()!;
      const controller = new AbortController();
      const done = task(controller.signal)
        .catch((error: unknown) => {
          // Tasks record their own failures; this is the last line for a bug in one.
          options.logger.error("job crashed", { jobId: id, errorName: (error as Error)?.name ?? "unknown" });
        })
        .finally(() => {
          running.delete(id);
          settle(id);
          pump();
          settleIdle();
        });
      running.set(id, { controller, done });
    }
  };

  return {
    enqueue(id, task) {
      if (stopped) throw new Error("job queue is stopped");
      waiting.push({ id, task });
      pump();
    },
    idle() {
      if (waiting.length === 0 && running.size === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    settled(id) {
      if (!running.has(id) && !waiting.some((entry) => entry.id === id)) return Promise.resolve();
      return new Promise((resolve) => settledWaiters.set(id, [...(settledWaiters.get(id) ?? []), resolve]));
    },
    async stop() {
      stopped = true;
      for (const { id } of waiting.splice(0)) settle(id);
      for (const { controller } of running.values()) controller.abort();
      await Promise.all([...running.values()].map((r) => r.done));
      settleIdle();
    },
  };
}
