import type { ParseContext, ParseInput } from "../parse-context.ts";
import type { ParsedBody } from "../parsed-body.ts";
import { CaptionCollector } from "./caption-collector.ts";
import { readVttCues } from "./read-vtt-cues.ts";

/**
 * Parses a WebVTT file (Zoom, Teams, broadcast and YouTube captions) into segments with
 * speakers and times. A file without the WEBVTT signature is still read when its cues are clear.
 */
export function parseVtt(input: ParseInput, context: ParseContext): ParsedBody {
  const collector = new CaptionCollector(context);
  const header = readVttCues(input.text, context, collector);
  if (!header.hasSignature && collector.isEmpty()) {
    throw context.invalid("not a WebVTT file: no WEBVTT signature and no cues with valid timings");
  }
  const body = collector.finish("WebVTT");
  return { format: "vtt", ...body, ...(header.title === undefined ? {} : { title: header.title }) };
}
