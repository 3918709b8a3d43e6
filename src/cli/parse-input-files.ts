import { basename } from "node:path";
import type { IngestLimits } from "../config.ts";
import { AppError, isAppError } from "../errors.ts";
import { parseSource } from "../ingest/parse-source.ts";
import type { ParsedSource } from "../ingest/parsed-source.ts";
import { readInputFile } from "./read-input-file.ts";

/** Parses every file of a deal; the first unusable one stops the command with its name in the reason. */
export async function parseInputFiles(paths: string[], limits: IngestLimits): Promise<ParsedSource[]> {
  const parsed: ParsedSource[] = [];
  for (const path of paths) {
    try {
      const { bytes, filename } = await readInputFile(path, limits);
      const result = await parseSource(bytes, filename, limits);
      if (!parsed.some((p) => p.source.id === result.source.id)) parsed.push(result);
    } catch (error) {
      if (!isAppError(error)) throw error;
      throw new AppError({ code: error.code, message: `${basename(path)}: ${error.message}`, cause: error });
    }
  }
  return parsed;
}
