import type { ParseContext, ParseInput } from "../parse-context.ts";
import type { ParsedBody } from "../parsed-body.ts";
import { assembleSegments } from "./assemble-segments.ts";
import { classifyLines } from "./classify-lines.ts";
import { looksLikeCsvTable } from "./looks-like-csv-table.ts";
import { parseHeaderBlock } from "./parse-header-block.ts";
import type { Candidate } from "./recognize-line.ts";

/**
 * Parses a plain-text or Markdown transcript: speaker turns in their common spellings
 * (`**Name:**`, `Name:`, `[00:01:02] Name:`, `Name (00:01:02):`, `Name  0:05` above the speech,
 * Zoom chat lines), header blocks giving participants and the date, and unlabelled paragraphs.
 * A label counts as a speaker only when it recurs, carries a timestamp, or names an attendee,
 * so prose such as "Note: …" stays text.
 */
export function parseTextTranscript(input: ParseInput, context: ParseContext, format: "text" | "markdown"): ParsedBody {
  // A Zoom recordings list (.csv) holds meeting metadata and no speech: reject it rather
  // than cite rows of file sizes as if someone had said them.
  if (looksLikeCsvTable(input.text, input.filename)) {
    throw context.invalid("this is a CSV table (such as a Zoom recordings list), not a transcript; upload the transcript or chat export");
  }
  const { records, labelCounts, timedCount } = classifyLines(input.text, format === "markdown", context);
  const timedTurns = timedCount >= 2;
  const acceptedByShape = (candidate: Candidate): boolean => {
    if (candidate.timed && timedTurns) return true;
    if (candidate.bullet) return false;
    return candidate.label !== null && (labelCounts.get(candidate.label) ?? 0) >= 2;
  };

  let firstTurn = records.findIndex((record) => record.kind === "candidate" && acceptedByShape(record));
  if (firstTurn === -1) firstTurn = records.length;
  const header = parseHeaderBlock(records, firstTurn);

  const attendeeNames = new Set(header.participants.flatMap((p) => [p.name.toLowerCase(), p.name.split(" ")[0]!.toLowerCase()]));
  const isTurn = (candidate: Candidate): boolean =>
    acceptedByShape(candidate) || (candidate.label !== null && !candidate.bullet && attendeeNames.has(candidate.label.toLowerCase()));

  const builder = context.newTextBuilder();
  const { title } = assembleSegments(records, header.consumed, isTurn, builder, context);
  const { text, segments } = builder.finish();
  return {
    format,
    text,
    segments,
    participants: header.participants,
    ...(header.occurredAt === undefined ? {} : { occurredAt: header.occurredAt }),
    ...(title === undefined ? {} : { title }),
  };
}
