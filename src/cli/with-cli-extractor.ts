import type { Config } from "../config.ts";
import { createExtractor } from "../extraction/create-extractor.ts";
import type { Extractor } from "../extraction/extractor.ts";
import { createLlmCacheRepository } from "../storage/llm-cache-repository.ts";
import { type Database, openDatabase } from "../storage/open-database.ts";

/** Runs work with the configured extractor; the LLM cache database is opened only if used, and always closed. */
export async function withCliExtractor<T>(config: Config, work: (extractor: Extractor) => Promise<T>): Promise<T> {
  let db: Database | undefined;
  try {
    const extractor = await createExtractor(config, {
      cache: () => {
        db = openDatabase(config.dbPath);
        return createLlmCacheRepository(db);
      },
    });
    return await work(extractor);
  } finally {
    db?.close();
  }
}
