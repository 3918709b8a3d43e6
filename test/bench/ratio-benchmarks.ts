// The issue-13 figures as ratios within one run, repeated: draft time per MB, CLI start-up against a bare Node,
// brief p99 against /healthz p99, cores kept busy by batch extraction, uploads per minute with and without a PDF.
// Called by run-benchmarks.ts (`npm run bench -- draft|cli|brief|cores|upload [--runs N]`).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { binNodeOptions } from "./bin-node-options.ts";
import { generateVariedCall } from "./generate-varied-call.ts";
import { formatSpread, spreadOf } from "./summarize-runs.ts";

type Row = Record<string, string | number>;
type BenchOutput = { results: Row[]; peakRssMb: number };

const HERE = import.meta.dirname;
const ROOT = resolve(HERE, "../..");
const MB = 1024 * 1024;
const DRAFT_SIZES_MB = [1, 5, 10];
const SAMPLE_DEAL = join(ROOT, "fixtures/deals/kestrel-ridge-freight");
const CLI_PAIRS_PER_RUN = 3;

export function runBench(script: string, ...args: string[]): BenchOutput {
  return runBenchWith([], script, ...args);
}

/** runBench with Node options before the script (those `baton` starts Node with, for a bench of `baton draft`'s work). */
function runBenchWith(nodeOptions: string[], script: string, ...args: string[]): BenchOutput {
  const out = execFileSync(process.execPath, [...nodeOptions, join(HERE, script), ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, OPENAI_API_KEY: "", OPENAI_BASE_URL: "", BATON_EXTRACTOR: "" },
  });
  return JSON.parse(out.trim().split("\n").at(-1)!) as BenchOutput;
}

const verdict = (ok: boolean) => (ok ? "meets" : "MISSES");

/** Offline draft of generated varied calls of 1, 5 and 10 MB, each in its own process (its own peak RSS). */
export function benchDraft(runs: number): void {
  console.log(
    `\n== Offline draft of a generated varied call (test/bench/draft-scaling.ts, Node started as the bin starts it: ${binNodeOptions().join(" ")}), ${runs} runs of 1, 5 and 10 MB ==`,
  );
  const msPerMb = new Map<number, number[]>(DRAFT_SIZES_MB.map((size) => [size, []]));
  const rss = new Map<number, number[]>(DRAFT_SIZES_MB.map((size) => [size, []]));
  const ratios: number[] = [];
  // Each call is written once, here: the measured process only reads it, as `baton draft` reads a file.
  const dir = mkdtempSync(join(tmpdir(), "baton-draft-bench-"));
  try {
    const calls = new Map(DRAFT_SIZES_MB.map((size) => [size, join(dir, `varied-call-${size}mb.vtt`)]));
    for (const [size, path] of calls) writeFileSync(path, generateVariedCall(size * MB));
    for (let run = 0; run < runs; run += 1) {
      const ms = new Map<number, number>();
      for (const size of DRAFT_SIZES_MB) {
        const { results, peakRssMb } = runBenchWith(binNodeOptions(), "draft-scaling.ts", calls.get(size)!);
        ms.set(size, Number(results[0]!.ms));
        msPerMb.get(size)!.push(Number(results[0]!.ms) / size);
        rss.get(size)!.push(peakRssMb);
      }
      ratios.push(ms.get(10)! / ms.get(1)!);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  for (const size of DRAFT_SIZES_MB) {
    console.log(
      `${String(size).padStart(2)} MB  ms per MB: ${formatSpread(spreadOf(msPerMb.get(size)!), 0)}   peak RSS MB: ${formatSpread(spreadOf(rss.get(size)!), 0)}`,
    );
  }
  const ratio = spreadOf(ratios);
  const rss10 = spreadOf(rss.get(10)!);
  console.log(`10 MB time / 1 MB time: ${formatSpread(ratio)}  (${verdict(ratio.median <= 12)} target ≤ 12)`);
  console.log(`10 MB peak RSS: median ${rss10.median.toFixed(0)} MB  (${verdict(rss10.median < 500)} target < 500 MB)`);
}

function timeProcess(args: string[]): number {
  const started = performance.now();
  execFileSync(process.execPath, args, {
    stdio: "ignore",
    cwd: ROOT,
    env: { ...process.env, OPENAI_API_KEY: "", BATON_EXTRACTOR: "offline" },
  });
  return performance.now() - started;
}

/** `baton draft` on the sample deal against `node -e 0`, both started as the same Node binary, alternately. */
export function benchCli(runs: number): void {
  console.log(`\n== CLI: \`baton draft\` on the sample deal vs \`node -e 0\` (same Node binary), ${runs} × ${CLI_PAIRS_PER_RUN} pairs ==`);
  const files = readdirSync(SAMPLE_DEAL).map((name) => join(SAMPLE_DEAL, name));
  const draftArgs = [...binNodeOptions(), join(ROOT, "src/baton.js"), "draft", ...files, "--json"]; // as `baton` starts Node
  timeProcess(draftArgs); // fills Node's compile cache, as any second run finds it
  const draftMs: number[] = [];
  const nodeMs: number[] = [];
  const ratios: number[] = [];
  for (let pair = 0; pair < runs * CLI_PAIRS_PER_RUN; pair += 1) {
    const draft = timeProcess(draftArgs);
    const bare = timeProcess(["-e", "0"]);
    draftMs.push(draft);
    nodeMs.push(bare);
    ratios.push(draft / bare);
  }
  const ratio = spreadOf(ratios);
  console.log(`baton draft ms: ${formatSpread(spreadOf(draftMs), 0)}`);
  console.log(`node -e 0 ms:   ${formatSpread(spreadOf(nodeMs), 0)}`);
  console.log(`ratio:          ${formatSpread(ratio)}  (${verdict(ratio.median <= 8)} target ≤ 8)`);
}

/** Brief p99 against /healthz p99 on the same server in the same run, 50 connections. */
export function benchBriefRatio(runs: number): void {
  console.log(
    `\n== GET brief p99 vs GET /healthz p99: real server on 127.0.0.1, 50 connections, ${runs} runs of 2,000 requests per row ==`,
  );
  const byBench = new Map<string, number[]>();
  const ratios = new Map<string, number[]>();
  const rss: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const { results, peakRssMb } = runBench("brief-latency.ts", "load", "2000");
    rss.push(peakRssMb);
    const health = Number(results.find((r) => r.bench === "healthz")!.p99Ms);
    for (const r of results) {
      byBench.set(String(r.bench), [...(byBench.get(String(r.bench)) ?? []), Number(r.p99Ms)]);
      if (r.bench !== "healthz") ratios.set(String(r.bench), [...(ratios.get(String(r.bench)) ?? []), Number(r.p99Ms) / health]);
      if (Number(r.errors) > 0) console.log(`${r.bench}: ${r.errors} errors`);
    }
  }
  for (const [bench, p99] of byBench) console.log(`${bench.padEnd(32)} p99 ms: ${formatSpread(spreadOf(p99))}`);
  for (const [bench, values] of ratios) {
    const ratio = spreadOf(values);
    console.log(`${bench.padEnd(32)} p99 / healthz p99: ${formatSpread(ratio)}  (${verdict(ratio.median <= 3)} target ≤ 3)`);
  }
  console.log(`server peak RSS MB: ${formatSpread(spreadOf(rss), 0)}`);
}

/** Batch extraction (offline) through `baton serve` with BATON_JOB_CONCURRENCY=2: server CPU time over wall time. */
export function benchCores(runs: number): void {
  console.log(
    `\n== Batch extraction through \`baton serve\` (offline extractor, BATON_JOB_CONCURRENCY=2), ${runs} runs of 12 generated 200 KB calls ==`,
  );
  const { results } = runBench("extraction-cores.ts", String(runs), "12");
  for (const r of results) {
    console.log(
      `run ${r.run}: ${r.deals} deals in ${r.seconds} s, ${r.failed} failed  CPU ${r.cpuSeconds} s = ${r.cores} cores  ` +
        `(main thread ${r.mainThreadCores}; running or ready to run: ${r.runnableCores} cores, the two busiest threads ${r.busiestTwoThreads}; ` +
        `load average ${r.loadAverage})`,
    );
  }
  const cores = spreadOf(results.map((r) => Number(r.cores)));
  const busiest = spreadOf(results.map((r) => Number(r.busiestTwoThreads)));
  console.log(`cores used: ${formatSpread(cores)}  (${verdict(cores.median > 1.6)} target > 1.6)`);
  console.log(`the two busiest threads running or ready: ${formatSpread(busiest)}  (what the server would use on 2 idle cores)`);
}

/** 200 uploads of the sample deal with its PDF and without it, against one `baton serve` per run. */
export function benchUpload(runs: number): void {
  console.log(
    `\n== Uploads: \`baton serve\` on a temp database, 200 deals created and given the sample deal's files (4 in flight), ${runs} runs ==`,
  );
  const withPdf: number[] = [];
  const withoutPdf: number[] = [];
  const ratios: number[] = [];
  const rss: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const { results, peakRssMb } = runBench("upload-throughput.ts", "200");
    const pdf = Number(results.find((r) => r.bench === "with PDF")!.dealsPerMinute);
    const plain = Number(results.find((r) => r.bench === "without PDF")!.dealsPerMinute);
    withPdf.push(pdf);
    withoutPdf.push(plain);
    ratios.push(pdf / plain);
    rss.push(peakRssMb);
  }
  const pdf = spreadOf(withPdf);
  console.log(`with the PDF (4 files) deals/min:    ${formatSpread(pdf, 0)}  (${verdict(pdf.median >= 300)} target ≥ 300)`);
  console.log(`without the PDF (3 files) deals/min: ${formatSpread(spreadOf(withoutPdf), 0)}`);
  console.log(`with / without:                      ${formatSpread(spreadOf(ratios))}`);
  console.log(`server peak RSS MB: ${formatSpread(spreadOf(rss), 0)}`);
}
