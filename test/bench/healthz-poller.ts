// A worker thread of hostile-uploads.ts: polls the server's /healthz every `pollMs` and samples its resident size,
// on an event loop of its own, so the bench's own work (building and sending a large body) never counts as the
// server's wait. Answers { longestWaitMs, peakRssMb } when told to stop.
import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";

const { base, pid, pollMs } = workerData as { base: string; pid: number; pollMs: number };

function residentMb(): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "latin1"))?.[1];
  return kb === undefined ? 0 : Math.round(Number(kb) / 1024);
}

let stopped = false;
let longestWaitMs = 0;
let peakRssMb = residentMb();
parentPort!.once("message", () => {
  stopped = true;
});
parentPort!.postMessage("started");
while (!stopped) {
  const sent = performance.now();
  await fetch(`${base}/healthz`).then((r) => r.arrayBuffer());
  longestWaitMs = Math.max(longestWaitMs, performance.now() - sent);
  peakRssMb = Math.max(peakRssMb, residentMb());
  await new Promise((r) => setTimeout(r, pollMs));
}
parentPort!.postMessage({ longestWaitMs, peakRssMb });
