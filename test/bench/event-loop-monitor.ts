// Preloaded into the `baton serve` of hostile-uploads.ts (node --import): measures the server's main-thread event loop
// from inside, so a figure is the server's own and not the machine's or the bench client's. On "reset" it starts
// over; on "report" it answers the longest delay of a 10 ms timer since, in ms. Threads are left alone.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { isMainThread } from "node:worker_threads";

if (isMainThread && process.send !== undefined) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  process.on("message", (message) => {
    if (message === "reset") histogram.reset();
    if (message === "report") process.send!({ longestEventLoopDelayMs: Math.round(histogram.max / 1e6) });
  });
  // The IPC channel must not keep a server that is told to stop alive.
  process.channel?.unref();
}
