// The LLM path against a local mock endpoint (run by run-benchmarks.ts in its own process):
// prompt tokens spent per source token, the fixed overhead of one call, calls per deal, and a
// second run of unchanged input that must make no call. Loopback only; stops by itself.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { DEFAULT_LIMITS, loadConfig } from "../../src/config.ts";
import { createDraft } from "../../src/drafting/create-draft.ts";
import { createExtractor, EXTRACTION_PROMPT } from "../../src/extraction/create-extractor.ts";
import { HandoffExtractionSchema } from "../../src/extraction/handoff-schema.ts";
import { createLlmClient } from "../../src/extraction/llm-client.ts";
import { toStrictJsonSchema } from "../../src/extraction/llm/strict-json-schema.ts";
import { loadPrompt } from "../../src/extraction/load-prompt.ts";
import { parseSource } from "../../src/ingest/parse-source.ts";
import type { ParsedSource } from "../../src/domain/source.ts";
import { createLlmCacheRepository } from "../../src/storage/llm-cache-repository.ts";
import { openDatabase } from "../../src/storage/open-database.ts";
import { CORPUS_DIR, corpusAvailable } from "../support/corpus-dir.ts";
import { countTokens } from "../../src/extraction/llm/count-tokens.ts";
import { startMockOpenAi } from "./start-mock-openai.ts";

// Whatever happens, the process ends: a hung request cannot keep the bench alive.
setTimeout(() => {
  process.stderr.write("llm bench: gave up after 120 s\n");
  process.exit(1);
}, 120_000).unref();

const SAMPLE_DIR = resolve(import.meta.dirname, "../../fixtures/deals/kestrel-ridge-freight");
const mock = await startMockOpenAi();
const workDir = mkdtempSync(join(tmpdir(), "baton-llm-bench-"));
const db = openDatabase(join(workDir, "bench.sqlite"));
const env = { OPENAI_BASE_URL: mock.baseUrl, OPENAI_API_KEY: "bench", BATON_MODEL: "mock-model", BATON_LLM_MAX_RETRIES: "0" };

type Row = Record<string, string | number>;
const results: Row[] = [];
try {
  const overhead = await measureOverhead();
  results.push(overhead);
  const sample = await parseFiles(
    readdirSync(SAMPLE_DIR)
      .sort()
      .map((name) => join(SAMPLE_DIR, name)),
  );
  results.push(await benchDeal("sample deal", "kestrel-ridge-freight", sample, {}, Number(overhead.promptTokens)));
  results.push(
    await benchDeal(
      "sample deal, 2k source tokens a call",
      "kestrel-ridge-freight",
      sample,
      // About 3.4k estimated fixed prompt + 8k output reservation + 2k of source text.
      { BATON_LLM_CONTEXT_TOKENS: "13400" },
      Number(overhead.promptTokens),
    ),
  );
  if (corpusAvailable()) results.push(await benchCorpus(Number(overhead.promptTokens)));
} finally {
  db.close();
  await mock.close();
  rmSync(workDir, { recursive: true, force: true });
}
const peakRssMb = Math.round((process.resourceUsage().maxRSS / 1024) * 100) / 100;
process.stdout.write(`${JSON.stringify({ results, peakRssMb })}\n`);

/** Prompt tokens of a call that carries no source at all: system prompt, empty user template and schema. */
async function measureOverhead(): Promise<Row> {
  const prompt = await loadPrompt(EXTRACTION_PROMPT.name, EXTRACTION_PROMPT.version);
  const messages = await prompt.format({ sources: "", sourceCount: "0", segmentCount: "0", chunkNote: "" });
  const { jsonSchema } = toStrictJsonSchema(HandoffExtractionSchema);
  const client = createLlmClient({
    apiKey: "bench",
    baseUrl: mock.baseUrl,
    model: "mock-model",
    timeoutMs: 10_000,
    maxRetries: 0,
    jsonMode: "json_schema",
  });
  const completion = await client.completeJson({ messages, schemaName: "handoff_extraction", jsonSchema });
  return {
    bench: "llm fixed overhead per call",
    promptTokens: completion.promptTokens,
    systemTokens: countTokens(messages[0]?.content ?? ""),
    userTemplateTokens: countTokens(messages[1]?.content ?? ""),
    schemaTokens: countTokens(JSON.stringify({ name: "handoff_extraction", schema: jsonSchema, strict: true })),
  };
}

async function benchDeal(
  bench: string,
  deal: string,
  sources: ParsedSource[],
  extra: Record<string, string>,
  overhead: number,
): Promise<Row> {
  const run = async () => {
    const extractor = await createExtractor(loadConfig({ ...env, ...extra }), { cache: () => createLlmCacheRepository(db) });
    const started = performance.now();
    const draft = await createDraft(sources, { extractor, now: () => new Date() });
    return { draft, ms: performance.now() - started };
  };
  const first = await run();
  const second = await run();
  const sourceTokens = sources.reduce((sum, s) => sum + s.segments.reduce((n, segment) => n + countTokens(segment.text), 0), 0);
  const { usage } = first.draft;
  const verified = first.draft.items.reduce((n, item) => n + item.citations.filter((c) => c.match !== "unverified").length, 0);
  return {
    bench,
    deal,
    sources: sources.length,
    segments: sources.reduce((n, s) => n + s.segments.length, 0),
    sourceTokens,
    calls: usage.llmCalls,
    callsPerDeal: usage.llmCalls,
    promptTokens: usage.promptTokens,
    completionTokens: usage.completionTokens,
    promptPerSourceToken: round(usage.promptTokens / sourceTokens),
    marginalPerSourceToken: round((usage.promptTokens - usage.llmCalls * overhead) / sourceTokens),
    verifiedCitations: verified,
    firstRunMs: round(first.ms),
    rerunCalls: second.draft.usage.llmCalls,
    rerunCachedCalls: second.draft.usage.cachedCalls,
    rerunMs: round(second.ms),
  };
}

/** Every corpus transcript as a one-file deal, summed. */
async function benchCorpus(overhead: number): Promise<Row> {
  const dir = join(CORPUS_DIR, "transcripts");
  const rows: Row[] = [];
  for (const folder of readdirSync(dir).sort()) {
    for (const name of readdirSync(join(dir, folder)).sort()) {
      const parsed = await parseFiles([join(dir, folder, name)]).catch(() => []);
      if (parsed.length === 0 || parsed[0]!.segments.length === 0) continue;
      rows.push(await benchDeal("corpus", name, parsed, {}, overhead));
    }
  }
  const sum = (key: string) => rows.reduce((n, row) => n + Number(row[key]), 0);
  const promptTokens = sum("promptTokens");
  const sourceTokens = sum("sourceTokens");
  return {
    bench: "corpus transcripts",
    deal: `${rows.length} one-file deals`,
    sources: rows.length,
    segments: sum("segments"),
    sourceTokens,
    calls: sum("calls"),
    callsPerDeal: round(sum("calls") / rows.length),
    promptTokens,
    completionTokens: sum("completionTokens"),
    promptPerSourceToken: round(promptTokens / sourceTokens),
    marginalPerSourceToken: round((promptTokens - sum("calls") * overhead) / sourceTokens),
    verifiedCitations: sum("verifiedCitations"),
    firstRunMs: round(sum("firstRunMs")),
    rerunCalls: sum("rerunCalls"),
    rerunCachedCalls: sum("rerunCachedCalls"),
    rerunMs: round(sum("rerunMs")),
  };
}

async function parseFiles(paths: string[]): Promise<ParsedSource[]> {
  const parsed: ParsedSource[] = [];
  for (const path of paths) parsed.push(await parseSource(new Uint8Array(readFileSync(path)), basename(path), DEFAULT_LIMITS));
  return parsed;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
