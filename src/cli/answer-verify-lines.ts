import { createInterface } from "node:readline";
import { z } from "zod";
import { isAppError } from "../errors.ts";
import { createFailedAnswer, toVerifyAnswer, type VerifyAnswer } from "../grounding/verify-answer.ts";
import { verifyQuote } from "../grounding/verify-quote.ts";
import type { CliIo } from "./cli-io.ts";
import type { SourceIndexCache } from "./source-index-cache.ts";

// Quote length is left to verifyQuote, whose refusal says why; a null segment means none.
const VerifyLineSchema = z.object({
  source: z.string().min(1),
  segment: z.string().nullish(),
  quote: z.string(),
});

const MAX_LINE = 1_000_000;
const LINE_SHAPE = 'expected {"source": FILE, "segment"?: ID, "quote": TEXT}';

type VerifyLineDefaults = { source?: string | undefined; segment?: string | undefined };

/**
 * Answers JSON lines {"source","segment"?,"quote"} on stdin with one JSON line each, in order.
 * A line that cannot be checked gets an `unverified` answer naming the line: the batch never stops.
 */
export async function answerVerifyLines(io: CliIo, indexes: SourceIndexCache, defaults: VerifyLineDefaults): Promise<void> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  for await (const raw of lines) {
    lineNumber += 1;
    // Windows tools often start piped text with a byte-order mark.
    const line = lineNumber === 1 ? raw.replace(/^\ufeff/, "") : raw;
    if (line.trim() === "") continue;
    io.stdout(`${JSON.stringify(await answerLine(line, lineNumber, indexes, defaults))}\n`);
  }
}

async function answerLine(
  line: string,
  lineNumber: number,
  indexes: SourceIndexCache,
  defaults: VerifyLineDefaults,
): Promise<VerifyAnswer> {
  const failed = (reason: string) => createFailedAnswer(`line ${lineNumber}: ${reason}`);
  if (line.length > MAX_LINE) return failed(`longer than ${MAX_LINE} characters`);
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return failed("not valid JSON");
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) return failed(LINE_SHAPE);
  const parsed = VerifyLineSchema.safeParse({ ...withoutUndefined(defaults), ...json });
  if (!parsed.success) return failed(LINE_SHAPE);
  const { source, segment, quote } = parsed.data;
  try {
    const index = await indexes.get(source);
    return toVerifyAnswer(verifyQuote(index, quote, segment ? { segmentId: segment } : {}));
  } catch (error) {
    // Unknown errors carry no detail here: their messages may quote file content.
    return failed(isAppError(error) ? error.message : `internal error while checking against ${source}`);
  }
}

function withoutUndefined(defaults: VerifyLineDefaults): Record<string, string> {
  return Object.fromEntries(Object.entries(defaults).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
