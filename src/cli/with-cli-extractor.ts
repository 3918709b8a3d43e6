import type { Config } from "../config.ts";
import { createExtractorFactory } from "../extraction/create-extractor.ts";
import type { Extractor } from "../extraction/extractor.ts";
import { createLlmCacheRepository } from "../storage/llm-cache-repository.ts";
import { type Database, openDatabase } from "../storage/open-database.ts";

/**
 * Runs CLI work with the configured extractor; the LLM cache database is opened only if the extractor uses it,
 * and always closed. The CLI's counterpart of `createExtractor` in deps.ts, kept out of that composition root so
 * `baton draft` and `baton eval` do not load the service's repositories and job queue.
 */
export async function withCliExtractor<T>(config: Config, work: (extractor: Extractor) => Promise<T>): Promise<T> {
  let db: Database | undefined;
  try {
    const extractor = await createExtractorFactory(
      config,
      {},
    )(() => {
      db = openDatabase(config.dbPath);
      return createLlmCacheRepository(db);
    });
    return await work(extractor);
  } finally {
    db?.close();
  }
}
