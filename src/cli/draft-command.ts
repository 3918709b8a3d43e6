import { loadConfig } from "../config.ts";
import { createDraft } from "../drafting/create-draft.ts";
import { renderDraftMarkdown } from "../drafting/render-draft-markdown.ts";
import { writeIndentedJson } from "./write-indented-json.ts";
import { AppError } from "../errors.ts";
import { describeLlmDestination } from "../extraction/describe-llm-destination.ts";
import type { ExtractionProgress, Extractor } from "../extraction/extractor.ts";
import type { CliIo } from "./cli-io.ts";
import { createDraftProgress } from "./draft-progress.ts";
import { parseArgs } from "./parse-args.ts";
import { withCliExtractor } from "./with-cli-extractor.ts";
import { parseInputFiles } from "./parse-input-files.ts";
import { rehearseOfflineDraft } from "./rehearse-offline-draft.ts";

export const DRAFT_USAGE = "usage: baton draft FILE... [--json | --md] [--refresh]   (- reads one file from stdin)";

/** `baton draft FILE… [--json | --md] [--refresh]`: one deal's sources to a cited handoff draft. */
export async function runDraftCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs(args, {
    json: { type: "boolean" },
    md: { type: "boolean" },
    refresh: { type: "boolean" },
  });
  if (positionals.length === 0) throw new AppError({ code: "INVALID_INPUT", message: DRAFT_USAGE });
  if (values.json && values.md) throw new AppError({ code: "INVALID_INPUT", message: "choose one of --json and --md" });
  const config = loadConfig();
  const progress = createDraftProgress(io, config.llm.model);
  try {
    progress.parsing(positionals.length);
    // Offline, the wait for a PDF's worker is spent compiling the rules on the other files (see rehearseOfflineDraft).
    const whilePdfsAreRead = config.extractor === "offline" ? rehearseOfflineDraft : undefined;
    const sources = await parseInputFiles(positionals, config.limits, io.stdin, whilePdfsAreRead);
    // In auto mode the user may not know an endpoint is configured: say where text goes before it leaves.
    const notice = config.extractorChoice === "auto" ? describeLlmDestination(config) : undefined;
    let noticeShown = false;
    const onProgress = (event: ExtractionProgress) => {
      if (event.kind === "call-started" && notice !== undefined && !noticeShown) {
        progress.stop();
        io.stderr(`baton: ${notice}\n`);
        noticeShown = true;
      }
      progress.extraction(event);
    };
    const draft = await withCliExtractor(config, (extractor) =>
      createDraft(
        sources,
        { extractor: reportingGrounding(extractor, progress.grounding), now: () => new Date() },
        {
          onProgress,
          ...(values.refresh ? { refresh: true } : {}),
        },
      ),
    );
    progress.stop();
    // Printed only once complete: a failure above leaves nothing half-written.
    if (values.json) {
      writeIndentedJson(draft, io.stdout);
      io.stdout("\n");
    } else io.stdout(renderDraftMarkdown(draft));
    return 0;
  } finally {
    progress.stop();
  }
}

// Grounding follows extraction in createDraft; the extractor's return is where it begins.
function reportingGrounding(extractor: Extractor, grounding: () => void): Extractor {
  return {
    info: extractor.info,
    estimate: (sources) => extractor.estimate(sources),
    async extract(sources, options) {
      const result = await extractor.extract(sources, options);
      grounding();
      return result;
    },
  };
}
