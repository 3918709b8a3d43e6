// One benchmark in its own process (run by run-benchmarks.ts) so peak memory is its own.
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { DEFAULT_LIMITS } from "../../src/config.ts";
import { parseSource } from "../../src/ingest/parse-source.ts";
import { CORPUS_DIR, corpusAvailable, listCorpusFiles } from "../support/corpus-dir.ts";
import { generateMbox, generateSrt, generateTextTranscript, generateVtt } from "./generate-inputs.ts";

const LIMITS = { ...DEFAULT_LIMITS, maxFileBytes: 64 * 1024 * 1024, maxSegments: 2_000_000, parseTimeoutMs: 120_000 };
const SIZE = 16 * 1024 * 1024;

const GENERATORS: Record<string, { make: (bytes: number) => string; filename: string }> = {
  vtt: { make: generateVtt, filename: "large.vtt" },
  srt: { make: generateSrt, filename: "large.srt" },
  text: { make: generateTextTranscript, filename: "large.txt" },
  mbox: { make: generateMbox, filename: "large.mbox" },
};

async function timeParse(bytes: Uint8Array, filename: string, repeat: number) {
  let best = Number.POSITIVE_INFINITY;
  let segments = 0;
  let format = "";
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    const parsed = await parseSource(bytes, filename, LIMITS);
    best = Math.min(best, performance.now() - start);
    segments = parsed.segments.length;
    format = parsed.source.format;
  }
  return { ms: best, segments, format };
}

async function benchGenerated(kind: string) {
  const generator = GENERATORS[kind]!;
  const bytes = new TextEncoder().encode(generator.make(SIZE));
  const { ms, segments, format } = await timeParse(bytes, generator.filename, 3);
  return {
    bench: `parse generated ${kind}`,
    format,
    bytes: bytes.length,
    segments,
    ms: round(ms),
    mbPerSecond: round(bytes.length / 1e6 / (ms / 1000)),
  };
}

async function benchCorpus() {
  const byFormat = new Map<string, { bytes: number; ms: number; files: number; rejected: number }>();
  for (const path of listCorpusFiles()) {
    const bytes = new Uint8Array(readFileSync(join(CORPUS_DIR, path)));
    const start = performance.now();
    let format = "rejected";
    try {
      format = (await parseSource(bytes, basename(path), DEFAULT_LIMITS)).source.format;
    } catch {
      format = "rejected";
    }
    const entry = byFormat.get(format) ?? { bytes: 0, ms: 0, files: 0, rejected: 0 };
    entry.bytes += bytes.length;
    entry.ms += performance.now() - start;
    entry.files += 1;
    byFormat.set(format, entry);
  }
  return [...byFormat].map(([format, e]) => ({
    bench: "parse corpus",
    format,
    files: e.files,
    bytes: e.bytes,
    ms: round(e.ms),
    mbPerSecond: round(e.bytes / 1e6 / (e.ms / 1000)),
  }));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

const which = process.argv[2] ?? "";
const results = which === "corpus" ? (corpusAvailable() ? await benchCorpus() : []) : [await benchGenerated(which)];
const peakRssMb = round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(`${JSON.stringify({ results, peakRssMb })}\n`);
