import { loadConfig } from "../config.ts";
import { AppError } from "../errors.ts";
import { toVerifyAnswer } from "../grounding/verify-answer.ts";
import { verifyQuote } from "../grounding/verify-quote.ts";
import { answerVerifyLines } from "./answer-verify-lines.ts";
import type { CliIo } from "./cli-io.ts";
import { parseArgs } from "./parse-args.ts";
import { createSourceIndexCache } from "./source-index-cache.ts";
import { renderVerifyAnswer } from "./render-verify-answer.ts";

const USAGE = "usage: baton verify --source FILE|- [--segment ID] --quote TEXT [--json], or JSON lines on stdin without --quote";

/**
 * `baton verify --source FILE [--segment ID] --quote TEXT [--json]`, or with no --quote,
 * JSON lines {"source","segment"?,"quote"} on stdin answered one JSON line each
 * (--source and --segment then serve as defaults for lines without them).
 * Exits 0 whenever it answers, `unverified` included: the verdict is in the output, and a
 * script tells a bad quote from a bad command. An unusable source or usage exits 2 with one line.
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
  if (values.quote === undefined) {
    // Stdin carries the JSON lines here, so it cannot also be the source.
    if (values.source === "-") throw usage();
    const indexes = createSourceIndexCache(config.limits);
    // A terminal on stdin means the quote was forgotten, not that lines will be typed in.
    if ((io.stdin as { isTTY?: boolean }).isTTY) throw usage();
    await answerVerifyLines(io, indexes, { source: values.source, segment: values.segment });
    return 0;
  }
  if (!values.source) throw usage();
  const index = await createSourceIndexCache(config.limits, io.stdin).get(values.source);
  const answer = toVerifyAnswer(verifyQuote(index, values.quote, values.segment ? { segmentId: values.segment } : {}));
  io.stdout(values.json ? `${JSON.stringify(answer)}\n` : renderVerifyAnswer(answer));
  return 0;
}

function usage(): AppError {
  return new AppError({ code: "INVALID_INPUT", message: USAGE });
}
