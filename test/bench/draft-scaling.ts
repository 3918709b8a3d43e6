// Offline draft of one generated varied call of `bytes` (run by run-benchmarks.ts in its own process, so the
// peak RSS is this size's alone): `node test/bench/draft-scaling.ts 1048576`.
import { DEFAULT_LIMITS } from "../../src/config.ts";
import { createDraft } from "../../src/drafting/create-draft.ts";
import { createOfflineExtractor } from "../../src/extraction/offline/offline-extractor.ts";
import { parseSource } from "../../src/ingest/parse-source.ts";
import { generateVariedCall } from "./generate-varied-call.ts";

const bytes = Number(process.argv[2] ?? 1024 * 1024);
const input = new TextEncoder().encode(generateVariedCall(bytes));
// The bench inputs are larger than one upload may be by default: limits are raised, not the measured work.
const limits = { ...DEFAULT_LIMITS, maxFileBytes: 64 * 1024 * 1024, maxSegments: 1_000_000, parseTimeoutMs: 600_000 };

const started = performance.now();
const parsed = await parseSource(input, "varied-call.vtt", limits);
const parsedAt = performance.now();
const draft = await createDraft([parsed], { extractor: createOfflineExtractor(), now: () => new Date(0) });
const ended = performance.now();

const round = (value: number) => Math.round(value * 100) / 100;
const results = [
  {
    bench: "draft",
    bytes: input.length,
    segments: parsed.segments.length,
    items: draft.items.length + draft.needsChecking.length,
    parseMs: round(parsedAt - started),
    ms: round(ended - started),
  },
];
process.stdout.write(`${JSON.stringify({ results, peakRssMb: round(process.resourceUsage().maxRSS / 1024) })}\n`);
