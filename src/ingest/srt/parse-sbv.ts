import type { ParseContext, ParseInput } from "../parse-context.ts";
import type { ParsedBody } from "../parsed-body.ts";
import { CaptionCollector } from "../vtt/caption-collector.ts";
import { parseTimestamp } from "../vtt/parse-timestamp.ts";
import { splitTimedBlocks } from "./split-timed-blocks.ts";

// "0:00:00.378,0:00:11.378": loose enough to catch broken ones, which are counted, not read as text.
const SBV_TIMING = /^[ \t]*(\d+:[\d:.]*),(\d+:[\d:.]*)[ \t]*$/;

function readSbvTiming(line: string) {
  const match = SBV_TIMING.exec(line);
  if (match === null) return undefined;
  const startMs = parseTimestamp(match[1] ?? "");
  const endMs = parseTimestamp(match[2] ?? "");
  if (startMs === null || endMs === null) return null;
  return { startMs, endMs: Math.max(startMs, endMs) };
}

/** Parses a YouTube SubViewer (.sbv) file: `h:mm:ss.ttt,h:mm:ss.ttt` lines, then the cue text. */
export function parseSbv(input: ParseInput, context: ParseContext): ParsedBody {
  const collector = new CaptionCollector(context);
  splitTimedBlocks(input.text, readSbvTiming, context, collector);
  return { format: "sbv", ...collector.finish("SBV") };
}
