import { loadConfig } from "../config.ts";
import { AppError } from "../errors.ts";
import { renderEvaluation } from "../evaluation/render-evaluation.ts";
import { runEvaluation } from "../evaluation/run-evaluation.ts";
import type { CliIo } from "./cli-io.ts";
import { parseArgs } from "./parse-args.ts";
import { withCliExtractor } from "./with-cli-extractor.ts";

/** `baton eval --gold DIR --corpus DIR [--json] [--details] [--price-prompt N --price-completion N]`: recall, precision, citation validity. */
export async function runEvalCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs(args, {
    gold: { type: "string" },
    corpus: { type: "string" },
    json: { type: "boolean" },
    details: { type: "boolean" },
    "price-prompt": { type: "string" },
    "price-completion": { type: "string" },
  });
  const { gold, corpus } = values;
  if (!gold || !corpus) {
    throw new AppError({ code: "INVALID_INPUT", message: "usage: baton eval --gold DIR --corpus DIR [--json] [--details]" });
  }
  const prices = readPrices(values["price-prompt"], values["price-completion"]);
  const config = loadConfig();
  const report = await withCliExtractor(config, (extractor) =>
    runEvaluation({
      goldDir: gold,
      corpusDir: corpus,
      extractor,
      limits: config.limits,
      ...(prices ? { prices } : {}),
      ...(values.details ? { details: true } : {}),
    }),
  );
  io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : renderEvaluation(report));
  return 0;
}

function readPrices(prompt: string | undefined, completion: string | undefined) {
  if (prompt === undefined && completion === undefined) return undefined;
  const p = Number(prompt ?? 0);
  const c = Number(completion ?? 0);
  if (!Number.isFinite(p) || !Number.isFinite(c) || p < 0 || c < 0) {
    throw new AppError({ code: "INVALID_INPUT", message: "--price-prompt and --price-completion take prices per million tokens" });
  }
  return { prompt: p, completion: c };
}
