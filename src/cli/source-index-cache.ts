import type { IngestLimits } from "../config.ts";
import { AppError, isAppError } from "../errors.ts";
import { createQuoteIndex, type QuoteIndex } from "../grounding/create-quote-index.ts";
import { parseSource } from "../ingest/parse-source.ts";
import { readInputFile } from "./read-input-file.ts";

export type SourceIndexCache = { get: (path: string) => Promise<QuoteIndex> };

/** Sources kept parsed at once: a batch citing many files must not hold every index in memory. */
const MAX_CACHED_SOURCES = 8;

/** Parses and indexes each source file once, for a batch that cites the same files again and again. */
export function createSourceIndexCache(limits: IngestLimits, stdin?: NodeJS.ReadableStream): SourceIndexCache {
  const cache = new Map<string, Promise<QuoteIndex>>();
  return {
    get(path) {
      let entry = cache.get(path);
      if (entry === undefined) {
        entry = loadSourceIndex(path, limits, stdin);
        if (cache.size >= MAX_CACHED_SOURCES) cache.delete(cache.keys().next().value!);
      } else {
        cache.delete(path); // re-inserted below as the most recently used
      }
      cache.set(path, entry);
      return entry;
    },
  };
}

/** Reads, parses and indexes one source; parse failures name the file, as a batch cites several. */
async function loadSourceIndex(path: string, limits: IngestLimits, stdin?: NodeJS.ReadableStream): Promise<QuoteIndex> {
  const { bytes, filename } = await readInputFile(path, limits, stdin);
  try {
    return createQuoteIndex(await parseSource(bytes, filename, limits));
  } catch (error) {
    if (!isAppError(error)) throw error;
    throw new AppError({ code: error.code, message: `${filename}: ${error.message}`, cause: error });
  }
}
