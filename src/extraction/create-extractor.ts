import type { Config } from "../config.ts";
import type { LlmCache } from "../storage/llm-cache-repository.ts";
import type { Extractor } from "./extractor.ts";
import { createOfflineExtractor } from "./offline/offline-extractor.ts";

export const EXTRACTION_PROMPT = { name: "extract-handoff", version: 1 } as const;

type ExtractorDeps = { cache: () => LlmCache; fetch?: typeof fetch };

/** The extractor the configuration asks for: the LLM one when an endpoint is configured, else the offline one. */
export async function createExtractor(config: Config, deps: ExtractorDeps): Promise<Extractor> {
  if (config.extractor === "offline") return createOfflineExtractor();
  // The LLM path (openai, LangChain prompts) is loaded only when configured: offline runs start faster.
  const [{ createLlmClient }, { createLlmExtractor }, { loadPrompt }] = await Promise.all([
    import("./llm-client.ts"),
    import("./llm/llm-extractor.ts"),
    import("./load-prompt.ts"),
  ]);
  const prompt = await loadPrompt(EXTRACTION_PROMPT.name, EXTRACTION_PROMPT.version);
  const client = createLlmClient({
    apiKey: config.llm.apiKey,
    baseUrl: config.llm.baseUrl,
    model: config.llm.model,
    timeoutMs: config.llm.timeoutMs,
    maxRetries: config.llm.maxRetries,
    jsonMode: config.llm.jsonMode,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  return createLlmExtractor({
    client,
    cache: deps.cache(),
    prompt,
    contextBudgetTokens: config.llm.contextBudgetTokens,
    maskPii: config.llm.maskPii,
  });
}
