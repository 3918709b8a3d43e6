// `npm run bench -- cores` (run by run-benchmarks.ts in its own process): batch extraction with the offline
// extractor through a real `baton serve` (a child process on a temp database, BATON_JOB_CONCURRENCY=2). Each run
// queues a batch of generated varied calls (POST /v1/batches/extractions), follows it to its end and reports the
// server's CPU time (utime + stime of every thread, /proc/<pid>/stat) over the wall time: the cores it kept busy.
// On a machine shared with other work that figure is capped by what the others leave, so the threads' time running
// or ready to run (waiting for a core: /proc/<pid>/task/*/schedstat) over the wall time is reported too: the cores
// the server could have used, and the same for its two busiest threads (2 when both draft threads worked all along).
// The main thread's own CPU share is reported apart. Prints one JSON line.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { generateToken, hashToken } from "../../src/access/tokens.ts";
import { loadConfig } from "../../src/config.ts";
import { buildDeps } from "../../src/deps.ts";
import { parseSource } from "../../src/ingest/parse-source.ts";
import { SILENT_LOGGER } from "../../src/logger.ts";
import { generateVariedCall } from "./generate-varied-call.ts";
import { startBenchServer } from "./start-bench-server.ts";

const RUNS = Number(process.argv[2] ?? "3");
const DEALS_PER_RUN = Number(process.argv[3] ?? "12");
const CALL_BYTES = 200 * 1024;
const WARM_UP_DEALS = 2;
const POLL_MS = 200;
const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());

setTimeout(() => {
  process.stderr.write("cores bench: gave up after 900 s\n");
  process.exit(1);
}, 900_000).unref();

/** CPU seconds (user + system) of a /proc stat file: the whole process's, or one thread's. */
function cpuSeconds(statPath: string): number {
  const fields = readFileSync(statPath, "latin1").split(") ")[1]!.split(" ");
  // After "pid (comm) ", field 3 (state) is index 0: utime is field 14, stime field 15.
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Seconds each thread of `pid` has spent running and waiting in a run queue, by thread id. */
function demandSeconds(pid: number): Map<string, number> {
  const threads = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const [running, waiting] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "latin1").split(" ").map(Number);
      threads.set(tid, (running! + waiting!) / 1e9);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return threads;
}

/** Running-or-ready seconds of each thread between two readings, most first. */
function demandBetween(before: Map<string, number>, after: Map<string, number>): number[] {
  return [...after].map(([tid, seconds]) => seconds - (before.get(tid) ?? 0)).sort((a, b) => b - a);
}

type Run = { id: string; dealId: string; status: string };

/** Queues one batch and waits for every run of it to finish; the runs that did not succeed are counted. */
async function extractBatch(base: string, token: string, dealIds: string[]): Promise<number> {
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const res = await fetch(`${base}/v1/batches/extractions`, { method: "POST", headers, body: JSON.stringify({ dealIds }) });
  if (res.status !== 202) throw new Error(`batch answered ${res.status}`);
  const { runs } = (await res.json()) as { runs: Run[] };
  let failed = 0;
  for (const queued of runs) {
    for (;;) {
      const { run } = (await (await fetch(`${base}/v1/deals/${queued.dealId}/extractions/${queued.id}`, { headers })).json()) as {
        run: Run;
      };
      if (run.status === "succeeded" || run.status === "failed") {
        if (run.status === "failed") failed += 1;
        break;
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }
  return failed;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "baton-cores-"));
  const dbPath = join(dir, "baton.sqlite");
  const deps = buildDeps(loadConfig({ BATON_DB: dbPath, BATON_EXTRACTOR: "offline" }), { logger: SILENT_LOGGER });
  const token = generateToken();
  const now = new Date();
  const revops = deps.users.add({ name: "Riley Ops", email: "riley@corvala.example", role: "revops", tokenHash: hashToken(token) }, now);
  const dealIds: string[] = [];
  for (let n = 1; n <= WARM_UP_DEALS + RUNS * DEALS_PER_RUN; n++) {
    const deal = deps.deals.add(
      { account: `Account ${n}`, closeDate: "2026-02-06", amount: null, currency: null, aeId: revops.id, csmId: null },
      now,
    );
    const bytes = new TextEncoder().encode(generateVariedCall(CALL_BYTES, n));
    deps.sources.add(deal.id, await parseSource(bytes, "call.vtt", deps.config.limits), bytes, revops.id, now);
    dealIds.push(deal.id);
  }
  deps.db.close();

  const { child, base } = await startBenchServer({ dbPath, env: { BATON_JOB_CONCURRENCY: "2" } });
  const pid = child.pid!;
  const results: Record<string, number>[] = [];
  try {
    // The draft threads start and load their modules once, as on a server that has been up a while.
    await extractBatch(base, token, dealIds.slice(0, WARM_UP_DEALS));
    for (let run = 0; run < RUNS; run++) {
      const batch = dealIds.slice(WARM_UP_DEALS + run * DEALS_PER_RUN, WARM_UP_DEALS + (run + 1) * DEALS_PER_RUN);
      const demandBefore = demandSeconds(pid);
      const [cpuBefore, mainBefore, started] = [
        cpuSeconds(`/proc/${pid}/stat`),
        cpuSeconds(`/proc/${pid}/task/${pid}/stat`),
        performance.now(),
      ];
      const failed = await extractBatch(base, token, batch);
      const seconds = (performance.now() - started) / 1000;
      const cpu = cpuSeconds(`/proc/${pid}/stat`) - cpuBefore;
      const main = cpuSeconds(`/proc/${pid}/task/${pid}/stat`) - mainBefore;
      const demand = demandBetween(demandBefore, demandSeconds(pid));
      results.push({
        run: run + 1,
        deals: batch.length,
        failed,
        seconds: Number(seconds.toFixed(2)),
        cpuSeconds: Number(cpu.toFixed(2)),
        cores: Number((cpu / seconds).toFixed(2)),
        mainThreadCores: Number((main / seconds).toFixed(2)),
        runnableCores: Number((demand.reduce((sum, s) => sum + s, 0) / seconds).toFixed(2)),
        // The two draft threads, when both were at work all along: 2.
        busiestTwoThreads: Number(((demand[0]! + (demand[1] ?? 0)) / seconds).toFixed(2)),
        loadAverage: Number(loadavg()[0]!.toFixed(2)),
      });
    }
  } finally {
    child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(JSON.stringify({ results, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

await main();
