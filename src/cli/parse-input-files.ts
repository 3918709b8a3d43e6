import { basename } from "node:path";
import type { IngestLimits } from "../config.ts";
import { AppError, isAppError } from "../errors.ts";
import { parseSource } from "../ingest/parse-source.ts";
import type { ParsedSource } from "../domain/source.ts";
import { readInputFile } from "./read-input-file.ts";

/**
 * Parses every file of a deal, all at once (a PDF's worker process runs while the transcripts parse);
 * the first unusable file, in argument order, stops the command with its name in the reason.
 */
export async function parseInputFiles(paths: string[], limits: IngestLimits, stdin?: NodeJS.ReadableStream): Promise<ParsedSource[]> {
  if (paths.filter((path) => path === "-").length > 1) {
    throw new AppError({ code: "INVALID_INPUT", message: "standard input (-) can be given only once" });
  }
  const outcomes = await Promise.allSettled(
    paths.map(async (path) => {
      const { bytes, filename } = await readInputFile(path, limits, stdin);
      return parseSource(bytes, filename, limits);
    }),
  );
  const parsed: ParsedSource[] = [];
  for (const [i, outcome] of outcomes.entries()) {
    if (outcome.status === "rejected") {
      const error = outcome.reason as unknown;
      if (!isAppError(error)) throw error;
      throw new AppError({ code: error.code, message: `${basename(paths[i]!)}: ${error.message}`, cause: error });
    }
    // The same bytes given twice are one source.
    if (!parsed.some((p) => p.source.id === outcome.value.source.id)) parsed.push(outcome.value);
  }
  return parsed;
}
