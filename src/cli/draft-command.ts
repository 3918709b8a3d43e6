import { loadConfig } from "../config.ts";
import { createDraft } from "../drafting/create-draft.ts";
import { renderDraftMarkdown } from "../drafting/render-draft-markdown.ts";
import { AppError } from "../errors.ts";
import type { CliIo } from "./cli-io.ts";
import { parseArgs } from "./parse-args.ts";
import { withCliExtractor } from "../deps.ts";
import { parseInputFiles } from "./parse-input-files.ts";

/** `baton draft FILE… [--json | --md]`: one deal's sources to a cited handoff draft. */
export async function runDraftCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs(args, { json: { type: "boolean" }, md: { type: "boolean" } });
  if (positionals.length === 0) {
    throw new AppError({ code: "INVALID_INPUT", message: "usage: baton draft FILE... [--json | --md]" });
  }
  if (values.json && values.md) throw new AppError({ code: "INVALID_INPUT", message: "choose one of --json and --md" });
  const config = loadConfig();
  const sources = await parseInputFiles(positionals, config.limits);
  const draft = await withCliExtractor(config, (extractor) => createDraft(sources, { extractor, now: () => new Date() }));
  // Printed only once complete: a failure above leaves nothing half-written.
  io.stdout(values.json ? `${JSON.stringify(draft, null, 2)}\n` : renderDraftMarkdown(draft));
  return 0;
}
