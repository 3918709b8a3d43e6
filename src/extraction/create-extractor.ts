import { type Clock, SYSTEM_CLOCK } from "../clock.ts";
import type { Config } from "../config.ts";
import type { LlmCache } from "./llm-cache.ts";
import type { Extractor } from "./extractor.ts";
import { createOfflineExtractor } from "./offline/offline-extractor.ts";

export const EXTRACTION_PROMPT = { name: "extract-handoff", version: 1 } as const;

type ExtractorDeps = {
  cache: () => LlmCache;
  fetch?: typeof fetch;
  clock?: Clock;
  /**
   * The service's setting: an LLM call that would wait for the endpoint (a 429, a spent budget, an open circuit
   * breaker) fails at once with the wait, and the job queue brings the job back then. The CLI waits in place.
   */
  handBackWaits?: boolean;
};

/** Longest a job worker waits in place for the request budget before its job is handed back to the queue. */
export const WORKER_HOLD_LIMIT_MS = 5_000;

/** The extractor the configuration asks for: the LLM one when an endpoint is configured, else the offline one. */
export async function createExtractor(config: Config, deps: ExtractorDeps): Promise<Extractor> {
  return createExtractorFactory(config, deps)(deps.cache);
}

/**
 * Extractors over one process's LLM client and prompt: both are built once, on the first extractor asked for,
 * and each extractor gets its own cache (a deal's, or the CLI's).
 */
export function createExtractorFactory(config: Config, deps: Omit<ExtractorDeps, "cache">): (cache: () => LlmCache) => Promise<Extractor> {
  if (config.extractor === "offline") return async () => createOfflineExtractor();
  let shared: Promise<SharedLlmParts> | undefined;
  return async (cache) => {
    // A failed load (say, a missing prompt file) is not kept: the next extractor asked for tries again.
    shared ??= loadSharedLlmParts(config, deps).catch((error: unknown) => {
      shared = undefined;
      throw error;
    });
    const { client, prompt, createLlmExtractor } = await shared;
    return createLlmExtractor({
      client,
      cache: cache(),
      prompt,
      contextTokens: config.llm.contextTokens,
      maxOutputTokens: config.llm.maxOutputTokens,
      maskPii: config.llm.maskPii,
    });
  };
}

type SharedLlmParts = Awaited<ReturnType<typeof loadSharedLlmParts>>;

async function loadSharedLlmParts(config: Config, deps: Omit<ExtractorDeps, "cache">) {
  // The LLM path (openai, LangChain prompts) is loaded only when configured: offline runs start faster.
  const [{ createLlmClient }, { createLlmExtractor }, { loadPrompt }, { LlmScheduler }] = await Promise.all([
    import("./llm-client.ts"),
    import("./llm/llm-extractor.ts"),
    import("./load-prompt.ts"),
    import("./scheduling/llm-scheduler.ts"),
  ]);
  // One scheduler for the process: every worker's calls share its budgets, pauses and circuit breaker.
  const scheduler = new LlmScheduler({
    clock: deps.clock ?? SYSTEM_CLOCK,
    requestsPerMinute: config.llm.requestsPerMinute,
    tokensPerMinute: config.llm.tokensPerMinute,
    holdLimitMs: deps.handBackWaits ? WORKER_HOLD_LIMIT_MS : Number.POSITIVE_INFINITY,
  });
  const prompt = await loadPrompt(EXTRACTION_PROMPT.name, EXTRACTION_PROMPT.version);
  const client = createLlmClient({
    apiKey: config.llm.apiKey,
    baseUrl: config.llm.baseUrl,
    model: config.llm.model,
    timeoutMs: config.llm.timeoutMs,
    maxRetries: config.llm.maxRetries,
    jsonMode: config.llm.jsonMode,
    temperature: config.llm.temperature,
    contextTokens: config.llm.contextTokens,
    scheduler,
    handBackRateLimits: deps.handBackWaits === true,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  return { client, prompt, createLlmExtractor };
}
