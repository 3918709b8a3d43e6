import type { ParseContext } from "../parse-context.ts";
import type { CaptionCollector } from "./caption-collector.ts";
import { LineReader } from "./line-reader.ts";
import { looksLikeTimingLine, parseTimingLine } from "./parse-timestamp.ts";

type VttHeader = { hasSignature: boolean; title: string | undefined };

const SIGNATURE = /^\s*WEBVTT(?=\s|$)/;
const CUE_NUMBER = /^\d+$/;
const STARTS_WITH_DIGIT = /^\s*\d/;

/**
 * Reads the cue blocks of a WebVTT file into the collector: the header and NOTE, STYLE and
 * REGION blocks are skipped, identifiers dropped, a block whose timing line is broken or missing
 * is skipped (broken ones counted), and a timing line with no blank line before it still starts
 * a new cue. Lines are walked in place rather than split into one big array.
 */
export function readVttCues(text: string, context: ParseContext, collector: CaptionCollector): VttHeader {
  const reader = new LineReader(text, context);
  let line = reader.next();
  while (line !== null && line.trim() === "") line = reader.next();
  const hasSignature = line !== null && SIGNATURE.test(line);
  let title: string | undefined;
  if (line !== null && hasSignature) {
    // "WEBVTT - Translation of that film I like": the words after the signature name the file.
    const rest = line
      .trim()
      .slice("WEBVTT".length)
      .replace(/^[\s-]+/, "");
    title = rest === "" ? undefined : rest;
    line = reader.next();
    // Header lines (Kind:, Language:, Style: …) run to the first blank line or timing line.
    while (line !== null && line !== "" && !looksLikeTimingLine(line)) line = reader.next();
  }

  // The open cue's timing and text lines; cueStart is -1 between cues.
  let cueStart = -1;
  let cueEnd = -1;
  let cueLines: string[] = [];
  const closeCue = () => {
    if (cueStart >= 0) collector.addCue(cueStart, cueEnd, cueLines);
    cueStart = -1;
    cueLines = [];
  };

  for (; line !== null; line = reader.next()) {
    const inCue = cueStart >= 0;
    // An arrow inside cue text ("A --> B") is text; a line that starts like a time is a timing line.
    if (looksLikeTimingLine(line) && (!inCue || STARTS_WITH_DIGIT.test(line))) {
      // A cue number written right above a timing line, with no blank line before it.
      if (inCue && CUE_NUMBER.test(cueLines.at(-1) ?? "")) cueLines.pop();
      closeCue();
      const timing = parseTimingLine(line);
      if (timing === null) {
        collector.addBrokenTiming();
      } else {
        cueStart = timing.startMs;
        cueEnd = timing.endMs;
      }
      continue;
    }
    if (inCue) {
      // A whitespace-only line ends a cue that has text, but opens YouTube cues as a " " line.
      if (line === "" || (line.trim() === "" && cueLines.length > 0)) closeCue();
      else cueLines.push(line);
    }
    // Text outside a cue is ignored: an identifier (its timing line comes next and starts the
    // cue), a NOTE, STYLE or REGION block, or the text of a cue whose timing is broken or missing.
  }
  closeCue();
  return { hasSignature, title };
}
