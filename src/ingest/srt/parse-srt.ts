import type { ParseContext, ParseInput } from "../parse-context.ts";
import type { ParsedBody } from "../parsed-body.ts";
import { CaptionCollector } from "../vtt/caption-collector.ts";
import { looksLikeTimingLine, parseTimingLine } from "../vtt/parse-timestamp.ts";
import { splitTimedBlocks } from "./split-timed-blocks.ts";

const STARTS_WITH_DIGIT = /^\s*\d/;

function readSrtTiming(line: string) {
  // Only a line that starts like a time is a timing line; "A --> B" in cue text stays text.
  if (!looksLikeTimingLine(line) || !STARTS_WITH_DIGIT.test(line)) return undefined;
  return parseTimingLine(line);
}

/** Parses a SubRip (.srt) file: comma or dot milliseconds, optional indexes, tags and speaker markers. */
export function parseSrt(input: ParseInput, context: ParseContext): ParsedBody {
  const collector = new CaptionCollector(context);
  splitTimedBlocks(input.text, readSrtTiming, context, collector);
  return { format: "srt", ...collector.finish("SRT") };
}
