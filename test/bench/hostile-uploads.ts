// `npm run bench -- hostile`: hostile inputs against a real `baton serve` (a child process on a temp database).
// For each: the answer (status and the limit named), its time, the server's peak resident size while it was
// handled, and the longest wait of a /healthz poll sent every 20 ms meanwhile from a thread of its own (so the
// bench's own work building and sending a large body is not counted as the server's), and the longest delay of the
// server's own event loop measured from inside it (event-loop-monitor.ts). A first row with nothing sent shows what a
// wait is on the machine as loaded now. Prints one JSON line.
import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { generateToken, hashToken } from "../../src/access/tokens.ts";
import { loadConfig } from "../../src/config.ts";
import { buildDeps } from "../../src/deps.ts";
import { parseSource } from "../../src/ingest/parse-source.ts";
import { SILENT_LOGGER } from "../../src/logger.ts";
import { writeDeflateBombPdf } from "../support/write-deflate-bomb-pdf.ts";
import { generateVtt } from "./generate-inputs.ts";
import { startBenchServer } from "./start-bench-server.ts";

const POLL_MS = 20;
const MONITOR = new URL("./event-loop-monitor.ts", import.meta.url).href;

/** The longest delay of the server's own event loop since the last call (event-loop-monitor.ts, preloaded). */
async function serverEventLoopDelay(child: ChildProcess): Promise<number> {
  const answer = once(child, "message");
  child.send("report");
  const [{ longestEventLoopDelayMs }] = (await answer) as [{ longestEventLoopDelayMs: number }];
  child.send("reset");
  return longestEventLoopDelayMs;
}

function stamp(seconds: number): string {
  const h = String(Math.floor(seconds / 3600)).padStart(2, "0");
  const m = String(Math.floor((seconds % 3600) / 60)).padStart(2, "0");
  return `${h}:${m}:${String(seconds % 60).padStart(2, "0")}.000`;
}
const voices = (n: number) =>
  `WEBVTT\n\n${Array.from({ length: n }, (_, i) => `${stamp(i)} --> ${stamp(i + 1)}\n<v Person ${i + 1}>Line ${i + 1}.`).join("\n\n")}\n`;
const senders = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `From s${i}@example.com Mon Jan 05 10:00:00 2026\nFrom: Sender ${i} <s${i}@example.com>\nTo: team@example.com\nSubject: Rollout\n\nWeek ${i}.\n`,
  ).join("\n");
const messages = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `From a@example.com Mon Jan 05 10:00:00 2026\nFrom: Ann <a@example.com>\nTo: b@example.com\nSubject: S\n\nMessage ${i} text.\n`,
  ).join("\n");

type Input = { name: string; send: (base: string, token: string, dealId: string) => Promise<Response> };

const upload = (filename: string, body: Uint8Array | string) => (base: string, token: string, dealId: string) => {
  const form = new FormData();
  form.append("file", new Blob([body]), filename);
  return fetch(`${base}/v1/deals/${dealId}/sources`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
};

async function inputs(): Promise<Input[]> {
  const deepJson = `${"[".repeat(12_000_000)}${"]".repeat(12_000_000)}`;
  return [
    {
      // What a /healthz wait is on this machine now, with nothing to handle: the floor of every row below.
      name: "baseline: nothing sent, polled for 2 s",
      send: () => new Promise((r) => setTimeout(() => r(new Response("{}")), 2_000)),
    },
    { name: "VTT, 5,000 distinct voices (0.3 MB)", send: upload("voices-5k.vtt", voices(5_000)) },
    { name: "VTT, 20,000 distinct voices (1.2 MB)", send: upload("voices-20k.vtt", voices(20_000)) },
    { name: "mbox, 20,000 senders (1.6 MB)", send: upload("senders.mbox", senders(20_000)) },
    { name: "mbox, 230,000 messages (23 MB)", send: upload("messages.mbox", messages(230_000)) },
    {
      name: "HTML, 1,000,000 nested <div> (11 MB)",
      send: upload("deep.html", `${"<div>".repeat(1_000_000)}x${"</div>".repeat(1_000_000)}`),
    },
    { name: "PDF, deflate bomb (inflates to 1 GB)", send: upload("bomb.pdf", await writeDeflateBombPdf(1024)) },
    {
      name: "JSON body nested 12,000,000 deep (24 MB)",
      send: (base, token, dealId) =>
        fetch(`${base}/v1/deals/${dealId}/gaps/whyTheyBought`, {
          method: "PUT",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: deepJson,
        }),
    },
    {
      name: "extraction of a 4 MB varied call (POST answers, the draft runs on)",
      send: (base, token, dealId) =>
        fetch(`${base}/v1/deals/${dealId}/extractions`, { method: "POST", headers: { authorization: `Bearer ${token}` } }),
    },
  ];
}

/** The /healthz poller, on a thread of its own (healthz-poller.ts); it posts "started", then its figures when told to stop. */
function startPoller(base: string, pid: number): Worker {
  return new Worker(new URL("./healthz-poller.ts", import.meta.url), { workerData: { base, pid, pollMs: POLL_MS } });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "baton-hostile-"));
  const dbPath = join(dir, "baton.sqlite");
  const deps = buildDeps(loadConfig({ BATON_DB: dbPath, BATON_EXTRACTOR: "offline" }), { logger: SILENT_LOGGER });
  const token = generateToken();
  const ae = deps.users.add({ name: "Dana Whitlock", email: "dana@corvala.example", role: "ae", tokenHash: hashToken(token) }, new Date());
  const deal = deps.deals.add(
    { account: "Hostile Co", closeDate: "2026-02-06", amount: null, currency: null, aeId: ae.id, csmId: null },
    new Date(),
  );
  // The extraction's deal: a long varied call stored directly (uploads are the other rows).
  const bytes = new TextEncoder().encode(generateVtt(4 * 1024 * 1024));
  deps.sources.add(deal.id, await parseSource(bytes, "long-call.vtt", deps.config.limits), bytes, ae.id, new Date());
  deps.db.close();

  const { child, base } = await startBenchServer({ dbPath, execArgv: ["--import", MONITOR], ipc: true });
  const results: Record<string, string | number>[] = [];
  let peakOverall = 0;
  try {
    for (const input of await inputs()) {
      const poller = startPoller(base, child.pid!);
      await once(poller, "message");
      await serverEventLoopDelay(child);
      const started = performance.now();
      const res = await input.send(base, token, deal.id);
      const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
      let elapsed = performance.now() - started;
      if (input.name.startsWith("extraction")) {
        // Follow the run to its end: /healthz is polled all along.
        const runId = (body as { run?: { id: string } }).run?.id;
        for (;;) {
          const run = (await (
            await fetch(`${base}/v1/deals/${deal.id}/extractions/${runId}`, { headers: { authorization: `Bearer ${token}` } })
          ).json()) as { run: { status: string } };
          if (run.run.status === "succeeded" || run.run.status === "failed") break;
          await new Promise((r) => setTimeout(r, 100));
        }
        elapsed = performance.now() - started;
      }
      const longestEventLoopDelayMs = await serverEventLoopDelay(child);
      poller.postMessage("stop");
      const [{ longestWaitMs, peakRssMb: peak }] = (await once(poller, "message")) as [{ longestWaitMs: number; peakRssMb: number }];
      await poller.terminate();
      peakOverall = Math.max(peakOverall, peak);
      results.push({
        input: input.name,
        answer: `${res.status}${body.error?.message ? ` ${body.error.message}` : ""}`,
        seconds: Number((elapsed / 1000).toFixed(2)),
        peakRssMb: peak,
        longestHealthzWaitMs: Math.round(longestWaitMs),
        longestEventLoopDelayMs,
      });
    }
  } finally {
    child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(JSON.stringify({ results, peakRssMb: peakOverall }));
}

await main();
