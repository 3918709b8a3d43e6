// `npm run bench [-- GROUP] [--runs N]`: each benchmark runs in a child process and prints one JSON line; this prints a table.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { benchBriefRatio, benchCli, benchCores, benchDraft, benchUpload } from "./ratio-benchmarks.ts";
import { runsFromArgs } from "./summarize-runs.ts";

type Row = Record<string, string | number>;
type BenchOutput = { results: Row[]; peakRssMb: number };

const HERE = import.meta.dirname;
const TARGETS: Record<string, number> = { vtt: 20, srt: 20, text: 20, mbox: 5 };

function run(script: string, ...args: string[]): BenchOutput {
  const out = execFileSync(process.execPath, [join(HERE, script), ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, OPENAI_API_KEY: "", OPENAI_BASE_URL: "", BATON_EXTRACTOR: "" },
  });
  return JSON.parse(out.trim().split("\n").at(-1)!) as BenchOutput;
}

/** The wall-clock times the tests no longer assert (they assert behaviour), against the bound each once had. */
function printWorstCases(group: string): void {
  console.log(`-- worst-case inputs of the ${group} tests (best of 3 for fixed inputs, slowest for random ones) --`);
  const { results, peakRssMb } = run("worst-case-timings.ts", group);
  for (const r of results) {
    const verdict = Number(r.ms) < Number(r.boundMs) ? "within" : "OVER";
    console.log(`${String(r.bench).padEnd(50)} ${String(r.ms).padStart(9)} ms  (${verdict} the ${r.boundMs} ms bound)`);
  }
  console.log(`peak RSS ${peakRssMb} MB`);
}

const args = process.argv.slice(2);
const only = args.find((arg, index) => !arg.startsWith("--") && args[index - 1] !== "--runs");
const runs = runsFromArgs(args, 3);
const sections: [string, () => void][] = [
  ["draft", () => benchDraft(runs)],
  ["cli", () => benchCli(runs)],
  [
    "parse",
    () => {
      console.log("\n== Parse throughput (best of 3 on a 16 MiB generated input; corpus: one pass) ==");
      for (const kind of Object.keys(TARGETS)) {
        const { results, peakRssMb } = run("parse-throughput.ts", kind);
        for (const r of results) {
          const target = TARGETS[kind]!;
          const verdict = Number(r.mbPerSecond) >= target ? "meets" : "BELOW";
          console.log(
            `${String(r.bench).padEnd(26)} ${String(r.format).padEnd(10)} ${String(r.mbPerSecond).padStart(8)} MB/s  ` +
              `${String(r.segments).padStart(8)} segments  peak RSS ${peakRssMb} MB  (${verdict} target ${target} MB/s)`,
          );
        }
      }
      const corpus = run("parse-throughput.ts", "corpus");
      for (const r of corpus.results) {
        console.log(
          `${String(r.bench).padEnd(26)} ${String(r.format).padEnd(16)} ${String(r.files).padStart(3)} files ${String(r.bytes).padStart(9)} B ${String(r.mbPerSecond).padStart(8)} MB/s`,
        );
      }
      if (corpus.results.length === 0) console.log("(shared corpus not found: corpus rows skipped)");
      console.log(`corpus pass peak RSS ${corpus.peakRssMb} MB`);
      printWorstCases("parse");
    },
  ],
  [
    "verify",
    () => {
      console.log("\n== Quote verification on a ~1 MiB generated call (400 quotes per kind, no segment id given) ==");
      const { results, peakRssMb } = run("verify-throughput.ts");
      for (const r of results) {
        if (r.kind === "index") {
          console.log(
            `index build ${String(r.ms).padStart(8)} ms  (${r.bytes} B, ${r.segments} segments, ${r.tokens} words; parse ${r.parseMs} ms)`,
          );
          continue;
        }
        console.log(
          `${String(r.kind).padEnd(15)} ${String(r.perSecond).padStart(7)} verifications/s  mean ${String(r.meanMs).padStart(6)} ms  ` +
            `slowest ${String(r.slowestMs).padStart(7)} ms  verdict as expected ${Math.round(Number(r.asExpected) * 100)}%`,
        );
      }
      console.log(`peak RSS ${peakRssMb} MB`);
      printWorstCases("verify");
    },
  ],
  ["brief", () => benchBriefRatio(runs)],
  ["cores", () => benchCores(runs)],
  ["upload", () => benchUpload(runs)],
  [
    "llm",
    () => {
      console.log("\n== LLM path against a local mock endpoint (127.0.0.1; tokens counted by src/extraction/llm/count-tokens.ts) ==");
      const { results, peakRssMb } = run("llm-path.ts");
      for (const r of results) {
        if (r.bench === "llm fixed overhead per call") {
          console.log(
            `fixed overhead per call ${String(r.promptTokens).padStart(6)} prompt tokens  (system ${r.systemTokens}, ` +
              `user template ${r.userTemplateTokens}, response_format schema ${r.schemaTokens})`,
          );
          continue;
        }
        const verdict = Number(r.rerunCalls) === 0 ? "re-run makes 0 calls" : "RE-RUN CALLED THE LLM";
        console.log(
          `${String(r.bench).padEnd(24)} ${String(r.segments).padStart(4)} segments ${String(r.sourceTokens).padStart(6)} source tokens  ` +
            `${String(r.callsPerDeal).padStart(4)} calls/deal  ${String(r.promptTokens).padStart(6)} prompt tokens  ` +
            `${String(r.promptPerSourceToken).padStart(5)} per source token (${r.marginalPerSourceToken} without the fixed overhead)  ` +
            `re-run: ${r.rerunCalls} calls, ${r.rerunCachedCalls} cached (${verdict})`,
        );
      }
      if (!results.some((r) => r.bench === "corpus transcripts")) console.log("(shared corpus not found: corpus row skipped)");
      console.log(`peak RSS ${peakRssMb} MB`);
      printWorstCases("llm");
    },
  ],
  [
    "batch",
    () => {
      console.log(
        "\n== Batch of 200 generated deals on the job queue: local mock endpoint, 300 ms latency, 600 requests/min enforced (429 beyond), BATON_LLM_RPM=600 ==",
      );
      const { results, peakRssMb } = run("batch-throughput.ts");
      for (const r of results) {
        console.log(
          `run ${r.run}: ${r.deals} deals, ${r.calls} calls in ${r.seconds} s; the limit allows ${r.limitSeconds} s: ratio ${r.ratio}  ` +
            `failed deals ${r.failedDeals}  duplicate calls ${r.duplicateCalls}  429s ${r.rejected429}  (LLM client loaded before, in ${r.warmUpSeconds} s)`,
        );
      }
      const best = Math.min(...results.map((r) => Number(r.ratio)));
      const clean = results.every((r) => Number(r.failedDeals) === 0 && Number(r.duplicateCalls) === 0);
      const verdict = best <= 1.1 && clean ? "meets" : "MISSES";
      console.log(
        `best ratio ${best} of ${results.length} runs (${verdict} target ratio <= 1.10, 0 failed deals and 0 duplicate calls in every run)`,
      );
      console.log(`peak RSS ${peakRssMb} MB`);
    },
  ],
  [
    "hostile",
    () => {
      console.log("\n== Hostile inputs against `baton serve` (a /healthz poll every 20 ms meanwhile; target: longest wait <= 200 ms) ==");
      const { results } = run("hostile-uploads.ts");
      for (const r of results) {
        const verdict = Number(r.longestHealthzWaitMs) <= 200 ? "meets" : "OVER";
        console.log(
          `${String(r.input).padEnd(66)} ${String(r.seconds).padStart(7)} s  peak RSS ${String(r.peakRssMb).padStart(5)} MB  ` +
            `longest /healthz wait ${String(r.longestHealthzWaitMs).padStart(5)} ms (${verdict})  ` +
            `server event-loop delay ${String(r.longestEventLoopDelayMs).padStart(5)} ms  answer: ${r.answer}`,
        );
      }
    },
  ],
];

if (only !== undefined && !sections.some(([name]) => name === only)) {
  throw new Error(`no benchmark group "${only}"; groups: ${sections.map(([name]) => name).join(", ")}`);
}
for (const [name, bench] of sections) {
  if (only === undefined || only === name) bench();
}
