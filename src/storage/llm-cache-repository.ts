import type { Database } from "./open-database.ts";

type CachedResponse = { response: string; promptTokens: number; completionTokens: number };

export type LlmCache = {
  get(key: string): CachedResponse | undefined;
  put(key: string, entry: CachedResponse & { model: string; promptVersion: string; dealId?: string | null }): void;
};

/** LLM answers keyed by a hash of model, prompt version, schema and the exact input, so unchanged work is never paid twice. */
export function createLlmCacheRepository(db: Database): LlmCache & { deleteForDeal(dealId: string): void } {
  const select = db.prepare("SELECT response, prompt_tokens, completion_tokens FROM llm_cache WHERE key = ?");
  const insert = db.prepare(
    `INSERT OR REPLACE INTO llm_cache (key, model, prompt_version, response, prompt_tokens, completion_tokens, deal_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const deleteDeal = db.prepare("DELETE FROM llm_cache WHERE deal_id = ?");
  return {
    get(key) {
      const row = select.get(key) as { response: string; prompt_tokens: number; completion_tokens: number } | undefined;
      if (row === undefined) return undefined;
      return { response: row.response, promptTokens: row.prompt_tokens, completionTokens: row.completion_tokens };
    },
    put(key, entry) {
      insert.run(
        key,
        entry.model,
        entry.promptVersion,
        entry.response,
        entry.promptTokens,
        entry.completionTokens,
        entry.dealId ?? null,
        new Date().toISOString(),
      );
    },
    deleteForDeal(dealId) {
      deleteDeal.run(dealId);
    },
  };
}
