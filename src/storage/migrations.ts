/** Schema migrations, applied in order once each; append new ones, never edit an applied one. */
export const MIGRATIONS: { id: number; name: string; sql: string }[] = [
  {
    id: 1,
    name: "llm-cache",
    sql: `
      CREATE TABLE llm_cache (
        key TEXT PRIMARY KEY,
        model TEXT NOT NULL,
        prompt_version TEXT NOT NULL,
        response TEXT NOT NULL,
        prompt_tokens INTEGER NOT NULL,
        completion_tokens INTEGER NOT NULL,
        deal_id TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX llm_cache_deal ON llm_cache(deal_id);
    `,
  },
];
