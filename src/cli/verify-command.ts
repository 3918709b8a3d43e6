import { createInterface } from "node:readline";
import { z } from "zod";
import { type IngestLimits, loadConfig } from "../config.ts";
import { AppError, isAppError } from "../errors.ts";
import { createQuoteIndex, type QuoteIndex } from "../grounding/create-quote-index.ts";
import { verifyQuote } from "../grounding/verify-quote.ts";
import { parseSource } from "../ingest/parse-source.ts";
import type { CliIo } from "./cli-io.ts";
import { parseArgs } from "./parse-args.ts";
import { readInputFile } from "./read-input-file.ts";

const BatchLineSchema = z.object({
  source: z.string().min(1),
  segment: z.string().optional(),
  quote: z.string().min(1).max(100_000),
});

const MAX_LINE = 1_000_000;

/**
 * `baton verify --source FILE [--segment ID] --quote TEXT [--json]`, or with no --quote,
 * JSON lines {"source","segment"?,"quote"} on stdin answered one JSON line each.
 */
export async function runVerifyCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs(args, {
    source: { type: "string" },
    segment: { type: "string" },
    quote: { type: "string" },
    json: { type: "boolean" },
  });
  if (positionals.length > 0) throw usage();
  const config = loadConfig();
  const indexes = createIndexCache(config.limits);
  if (values.quote === undefined) return runBatch(io, indexes, values.source);
  if (!values.source) throw usage();
  const index = await indexes.get(values.source);
  const result = verifyQuote(index, values.quote, values.segment ? { segmentId: values.segment } : {});
  const answer = toAnswer(result);
  if (values.json) io.stdout(`${JSON.stringify(answer)}\n`);
  else io.stdout(renderHuman(answer));
  return 0;
}

async function runBatch(io: CliIo, indexes: ReturnType<typeof createIndexCache>, defaultSource: string | undefined) {
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === "") continue;
    io.stdout(`${JSON.stringify(await answerLine(line, lineNumber, indexes, defaultSource))}\n`);
  }
  return 0;
}

async function answerLine(
  line: string,
  lineNumber: number,
  indexes: ReturnType<typeof createIndexCache>,
  defaultSource: string | undefined,
): Promise<Record<string, unknown>> {
  const failed = (reason: string) => ({ ...UNVERIFIED, reason: `line ${lineNumber}: ${reason}` });
  if (line.length > MAX_LINE) return failed(`longer than ${MAX_LINE} characters`);
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return failed("not valid JSON");
  }
  const parsed = BatchLineSchema.safeParse(
    typeof json === "object" && json !== null && defaultSource ? { source: defaultSource, ...json } : json,
  );
  if (!parsed.success) return failed('expected {"source": FILE, "segment"?: ID, "quote": TEXT}');
  try {
    const index = await indexes.get(parsed.data.source);
    return toAnswer(verifyQuote(index, parsed.data.quote, parsed.data.segment ? { segmentId: parsed.data.segment } : {}));
  } catch (error) {
    if (isAppError(error)) return failed(error.message);
    throw error;
  }
}

const UNVERIFIED = {
  match: "unverified",
  charStart: null,
  charEnd: null,
  quote: null,
  segmentId: null,
  speaker: null,
  startMs: null,
  score: 0,
};

function toAnswer(result: ReturnType<typeof verifyQuote>) {
  return {
    match: result.match,
    charStart: result.charStart,
    charEnd: result.charEnd,
    quote: result.quote,
    segmentId: result.segmentId,
    speaker: result.speaker,
    startMs: result.startMs,
    score: result.score,
    ...(result.segmentIds.length > 1 ? { segmentIds: result.segmentIds } : {}),
    ...(result.reason ? { reason: result.reason } : {}),
  };
}

function renderHuman(answer: ReturnType<typeof toAnswer>): string {
  if (answer.match === "unverified") return `unverified: ${answer.reason ?? "not found in the source"}\n`;
  const who = answer.speaker ? ` (${answer.speaker})` : "";
  return `${answer.match} match in segment ${answer.segmentId}${who}, characters ${answer.charStart}-${answer.charEnd}: “${answer.quote}”\n`;
}

function createIndexCache(limits: IngestLimits) {
  const cache = new Map<string, Promise<QuoteIndex>>();
  return {
    get(path: string): Promise<QuoteIndex> {
      let entry = cache.get(path);
      if (entry === undefined) {
        entry = readInputFile(path, limits)
          .then(({ bytes, filename }) => parseSource(bytes, filename, limits))
          .then((parsed) => createQuoteIndex(parsed));
        cache.set(path, entry);
      }
      return entry;
    },
  };
}

function usage(): AppError {
  return new AppError({ code: "INVALID_INPUT", message: "usage: baton verify --source FILE [--segment ID] --quote TEXT [--json]" });
}
