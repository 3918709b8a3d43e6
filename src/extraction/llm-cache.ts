// The cache the LLM extractor reads and writes; storage implements it (storage/llm-cache-repository.ts).

export type CachedResponse = {
  response: string;
  promptTokens: number;
  completionTokens: number;
  /** When the answer was stored (ISO 8601), as read back; not written by callers. */
  createdAt?: string;
};

export type LlmCache = {
  get(key: string): CachedResponse | undefined;
  put(key: string, entry: CachedResponse & { model: string; promptVersion: string; dealId?: string | null }): void;
};
