import type { LlmCache } from "../extraction/llm-cache.ts";
import type { Database } from "./open-database.ts";

/** LLM answers keyed by a hash of model, prompt version, schema and the exact input, so unchanged work is never paid twice. */
export function createLlmCacheRepository(
  db: Database,
  now: () => Date = () => new Date(),
): LlmCache & { deleteForDeal(dealId: string): void } {
  const select = db.prepare("SELECT response, prompt_tokens, completion_tokens, created_at FROM llm_cache WHERE key = ?");
  const insert = db.prepare(
    `INSERT OR REPLACE INTO llm_cache (key, model, prompt_version, response, prompt_tokens, completion_tokens, deal_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const deleteDeal = db.prepare("DELETE FROM llm_cache WHERE deal_id = ?");
  return {
    get(key) {
      const row = select.get(key) as { response: string; prompt_tokens: number; completion_tokens: number; created_at: string } | undefined;
      if (row === undefined) return undefined;
      return {
        response: row.response,
        promptTokens: row.prompt_tokens,
        completionTokens: row.completion_tokens,
        createdAt: row.created_at,
      };
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
        now().toISOString(),
      );
    },
    deleteForDeal(dealId) {
      deleteDeal.run(dealId);
    },
  };
}
