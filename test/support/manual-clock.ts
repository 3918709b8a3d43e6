// A clock that moves only when the test says so: timers fire in time order as it advances, and what they start
// (promises, SQLite writes, msw answers) is given turns of the event loop to settle between them.
import type { Clock } from "../../src/clock.ts";

type Timer = { at: number; order: number; callback: () => void };

export type ManualClock = Clock & {
  /** Moves time forward by `ms`, firing each timer due on the way (in order), settling work between them. */
  advance(ms: number): Promise<void>;
  /** Lets pending work settle without moving time. */
  settle(): Promise<void>;
};

export const CLOCK_START = Date.parse("2026-03-02T09:00:00.000Z");

export function createManualClock(start = CLOCK_START): ManualClock {
  let now = start;
  let order = 0;
  const timers: Timer[] = [];
  const settle = async () => {
    // A few macrotask turns: enough for microtask chains, a SQLite call and an in-process msw answer.
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
  };
  const nextDue = (until: number) => timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at || a.order - b.order)[0];
  return {
    now: () => now,
    setTimer(callback, ms) {
      const timer = { at: now + Math.max(0, ms), order: order++, callback };
      timers.push(timer);
      return () => {
        const index = timers.indexOf(timer);
        if (index >= 0) timers.splice(index, 1);
      };
    },
    settle,
    async advance(ms) {
      const target = now + ms;
      await settle();
      for (let timer = nextDue(target); timer !== undefined; timer = nextDue(target)) {
        timers.splice(timers.indexOf(timer), 1);
        now = Math.max(now, timer.at);
        timer.callback();
        await settle();
      }
      now = target;
      await settle();
    },
  };
}

/** Waits (turn by turn, no deadline of its own: the test's timeout bounds it) until `check` stops throwing. */
export async function eventually(check: () => void): Promise<void> {
  for (;;) {
    try {
      check();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}
