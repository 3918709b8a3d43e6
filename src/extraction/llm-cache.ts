// The cache the LLM extractor reads and writes; storage implements it (storage/llm-cache-repository.ts).

export type CachedResponse = { response: string; promptTokens: number; completionTokens: number };

export type LlmCache = {
  get(key: string): CachedResponse | undefined;
  put(key: string, entry: CachedResponse & { model: string; promptVersion: string; dealId?: string | null }): void;
};
