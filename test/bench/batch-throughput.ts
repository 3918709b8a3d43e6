// `npm run bench -- batch` (run by run-benchmarks.ts in its own process): 200 generated deals extracted by the
// service's job queue against a local mock endpoint with 300 ms latency and a 600 requests-per-minute limit
// (429 + Retry-After beyond it), with BATON_LLM_RPM=600. Measures the total time against the time the limit
// allows, failed deals, 429s and calls paid for twice (same request body at the mock). Loopback only.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateToken, hashToken } from "../../src/access/tokens.ts";
import { loadConfig } from "../../src/config.ts";
import { buildDeps } from "../../src/deps.ts";
import { parseSource } from "../../src/ingest/parse-source.ts";
import { SILENT_LOGGER } from "../../src/logger.ts";
import { startBatch } from "../../src/services/extraction-service.ts";
import { startMockOpenAi } from "./start-mock-openai.ts";

const DEALS = Number(process.argv[2] ?? "200");
/** Each run on a fresh database and mock; the machine's other load shows as the spread between them. */
const RUNS = Number(process.argv[3] ?? "3");
const RPM = 600;
const LATENCY_MS = 300;

setTimeout(() => {
  process.stderr.write("batch bench: gave up after 600 s\n");
  process.exit(1);
}, 600_000).unref();

const results: Record<string, number | string>[] = [];
for (let run = 1; run <= RUNS; run++) results.push({ ...(await runBatch()), run });
console.log(JSON.stringify({ results, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));

async function runBatch(): Promise<Record<string, number | string>> {
  const mock = await startMockOpenAi({ latencyMs: LATENCY_MS, requestsPerMinute: RPM });
  const workDir = mkdtempSync(join(tmpdir(), "baton-batch-bench-"));
  try {
    const deps = buildDeps(
      loadConfig({
        BATON_DB: join(workDir, "bench.sqlite"),
        OPENAI_BASE_URL: mock.baseUrl,
        OPENAI_API_KEY: "bench",
        BATON_EXTRACTOR: "llm",
        BATON_MODEL: "mock-model",
        BATON_LLM_RPM: String(RPM),
        BATON_JOB_CONCURRENCY: "8",
      }),
      { logger: SILENT_LOGGER },
    );
    const now = new Date();
    const revops = deps.users.add(
      { name: "Riley Ops", email: "riley@corvala.example", role: "revops", tokenHash: hashToken(generateToken()) },
      now,
    );
    const ae = deps.users.add(
      { name: "Dana Whitlock", email: "dana@corvala.example", role: "ae", tokenHash: hashToken(generateToken()) },
      now,
    );
    const dealIds: string[] = [];
    for (let n = 1; n <= DEALS; n++) {
      const deal = deps.deals.add(
        { account: `Account ${n}`, closeDate: "2026-02-06", amount: 12_000 + n, currency: "USD", aeId: ae.id, csmId: null },
        now,
      );
      const bytes = new TextEncoder().encode(generateCall(n));
      deps.sources.add(deal.id, await parseSource(bytes, "call.vtt", deps.config.limits), bytes, ae.id, now);
      dealIds.push(deal.id);
    }

    // A running service has loaded the LLM client and prompt already (the first extraction does it once).
    const warmUpStarted = performance.now();
    await deps.createExtractor(dealIds[0]!);
    const warmUpSeconds = (performance.now() - warmUpStarted) / 1000;

    const started = performance.now();
    const runs = startBatch(deps, { user: revops, requestId: "bench" }, dealIds);
    await deps.jobs.idle();
    const seconds = (performance.now() - started) / 1000;
    await deps.jobs.stop();

    const failed = runs.filter(({ run }) => deps.runs.get(run.id)?.status !== "succeeded").length;
    const hashes = mock.answeredBodyHashes();
    const calls = hashes.length;
    const limitSeconds = (calls / RPM) * 60;
    deps.db.close();
    return {
      bench: "batch",
      deals: DEALS,
      calls,
      seconds: Number(seconds.toFixed(2)),
      limitSeconds: Number(limitSeconds.toFixed(2)),
      ratio: Number((seconds / limitSeconds).toFixed(3)),
      failedDeals: failed,
      duplicateCalls: calls - new Set(hashes).size,
      rejected429: mock.rejected(),
      warmUpSeconds: Number(warmUpSeconds.toFixed(2)),
    };
  } finally {
    await mock.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** A short discovery call whose every line names the deal, so no two deals send the same prompt. */
function generateCall(n: number): string {
  const lines = [
    `Account ${n} needs the rollout finished before the quarter ${(n % 4) + 1} planning review starts in earnest.`,
    `We promised account ${n} a named onboarding manager and weekly status calls during the first ninety days.`,
    `Their finance lead for account ${n} wants the renewal terms fixed for three years with a five percent cap.`,
    `The security review for account ${n} needs our SOC 2 report and the data processing agreement signed first.`,
    `Account ${n} evaluated two other vendors but chose us for the integration with their existing warehouse system.`,
    `Success for account ${n} means cutting the manual reconciliation time by half within the first six months.`,
  ];
  const cues = lines.map((line, i) => {
    const start = `00:00:${String(i * 5 + 1).padStart(2, "0")}.000`;
    const end = `00:00:${String(i * 5 + 5).padStart(2, "0")}.000`;
    return `${i + 1}\n${start} --> ${end}\n<v ${i % 2 === 0 ? `Buyer ${n}` : "Dana Whitlock"}>${line}\n`;
  });
  return `WEBVTT\n\n${cues.join("\n")}`;
}
