// Offline draft of one generated varied call (run by run-benchmarks.ts in its own process, so the peak RSS is this
// size's alone, with the Node options src/baton.js's first line gives, as `baton draft` runs):
// `node [options] test/bench/draft-scaling.ts CALL.vtt`. The call is generated and written by the parent
// (ratio-benchmarks.ts) and read here from disk as `baton draft` reads a file, so building the input is not counted
// in this process's time or peak RSS.
import { enableCompileCache } from "node:module";
import { readFile, stat } from "node:fs/promises";

// Started as `baton draft` starts (src/baton.js): Node's compile cache on before Baton's modules load, so a warm
// cache spares loading the type stripper and compiling the modules again (about 30 MB of the peak RSS).
enableCompileCache?.();
const { DEFAULT_LIMITS } = await import("../../src/config.ts");
const { createDraft } = await import("../../src/drafting/create-draft.ts");
const { createOfflineExtractor } = await import("../../src/extraction/offline/offline-extractor.ts");
const { parseSource } = await import("../../src/ingest/parse-source.ts");

const path = process.argv[2];
if (path === undefined) throw new Error("usage: node test/bench/draft-scaling.ts CALL.vtt");
const { size: bytes } = await stat(path);
// The bench inputs are larger than one upload may be by default: limits are raised, not the measured work.
const limits = { ...DEFAULT_LIMITS, maxFileBytes: 64 * 1024 * 1024, maxSegments: 1_000_000, parseTimeoutMs: 600_000 };

const started = performance.now();
// The file's bytes are let go once parsed, as `baton draft` lets them go.
const parsed = await parseSource(new Uint8Array(await readFile(path)), "varied-call.vtt", limits);
const parsedAt = performance.now();
const draft = await createDraft([parsed], { extractor: createOfflineExtractor(), now: () => new Date(0) });
const ended = performance.now();

const round = (value: number) => Math.round(value * 100) / 100;
const results = [
  {
    bench: "draft",
    bytes,
    segments: parsed.segments.length,
    items: draft.items.length + draft.needsChecking.length,
    parseMs: round(parsedAt - started),
    ms: round(ended - started),
  },
];
process.stdout.write(`${JSON.stringify({ results, peakRssMb: round(process.resourceUsage().maxRSS / 1024) })}\n`);
