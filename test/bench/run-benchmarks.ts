// `npm run bench`: each benchmark runs in a child process and prints one JSON line; this prints a table.
import { execFileSync } from "node:child_process";
import { join } from "node:path";

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

const only = process.argv[2];
const sections: [string, () => void][] = [
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
    },
  ],
];

for (const [name, bench] of sections) {
  if (only === undefined || only === name) bench();
}
