/** Time as the job queue and the LLM scheduler read it; tests inject a manual clock instead of waiting. */
export type Clock = {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `callback` after `ms`; the function returned cancels it. */
  setTimer(callback: () => void, ms: number): () => void;
};

export const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  setTimer(callback, ms) {
    const timer = setTimeout(callback, Math.max(0, ms));
    return () => clearTimeout(timer);
  },
};

/** Resolves after `ms` on `clock`, or rejects with the signal's reason when it aborts first. */
export function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      cancel();
      reject(signal?.reason);
    };
    const cancel = clock.setTimer(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
