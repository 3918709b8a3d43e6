import { basename } from "node:path";
import type { IngestLimits } from "../config.ts";
import { AppError, isAppError } from "../errors.ts";
import { looksLikePdf } from "../ingest/detect-format.ts";
import { parseSource } from "../ingest/parse-source.ts";
import type { ParsedSource } from "../domain/source.ts";
import { readInputFile } from "./read-input-file.ts";

/**
 * Work for the main thread while only PDFs are still being read on their worker processes: it is given the files
 * parsed so far (argument order) and a test of whether a PDF is still being read, and should stop soon after it no
 * longer is. The parse's answer waits for it. Only a head start: its failure is ignored.
 */
export type WhilePdfsAreRead = (parsed: ParsedSource[], stillReading: () => boolean) => Promise<void>;

/**
 * Parses every file of a deal, all at once (a PDF's worker process runs while the transcripts parse);
 * the first unusable file, in argument order, stops the command with its name in the reason.
 */
export async function parseInputFiles(
  paths: string[],
  limits: IngestLimits,
  stdin?: NodeJS.ReadableStream,
  whilePdfsAreRead?: WhilePdfsAreRead,
): Promise<ParsedSource[]> {
  if (paths.filter((path) => path === "-").length > 1) {
    throw new AppError({ code: "INVALID_INPUT", message: "standard input (-) can be given only once" });
  }
  const pdf = paths.map(() => false);
  const settled = paths.map(() => false);
  const parsed: (ParsedSource | undefined)[] = paths.map(() => undefined);
  let failed = false;
  let meanwhile: Promise<void> | undefined;
  const stillReading = () => settled.some((done) => !done);
  // Once every file left is a PDF on its worker, the main thread would only wait.
  const checkIdle = () => {
    if (meanwhile !== undefined || whilePdfsAreRead === undefined || failed || !stillReading()) return;
    if (settled.every((done, i) => done || pdf[i])) {
      meanwhile = whilePdfsAreRead(
        parsed.filter((p) => p !== undefined),
        stillReading,
      ).catch(() => undefined);
    }
  };
  const outcomes = await Promise.allSettled(
    paths.map(async (path, i) => {
      try {
        const { bytes, filename } = await readInputFile(path, limits, stdin);
        pdf[i] = looksLikePdf(bytes);
        checkIdle();
        parsed[i] = await parseSource(bytes, filename, limits);
        return parsed[i];
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        settled[i] = true;
        checkIdle();
      }
    }),
  );
  await meanwhile;
  const sources: ParsedSource[] = [];
  for (const [i, outcome] of outcomes.entries()) {
    if (outcome.status === "rejected") {
      const error = outcome.reason as unknown;
      if (!isAppError(error)) throw error;
      throw new AppError({ code: error.code, message: `${basename(paths[i]!)}: ${error.message}`, cause: error });
    }
    // The same bytes given twice are one source.
    if (!sources.some((p) => p.source.id === outcome.value.source.id)) sources.push(outcome.value);
  }
  return sources;
}
