import type { ParseContext } from "../parse-context.ts";
import type { TextBuilder } from "../text-builder.ts";
import type { Candidate, LineRecord } from "./recognize-line.ts";

type Turn = { speaker: string | null; startMs: number | null; lines: string[] };

const CHECK_EVERY = 512;

/**
 * Turns classified lines into segments: an accepted candidate starts a turn, following
 * paragraphs continue it, a rule or heading ends it, and text outside turns becomes one
 * segment per paragraph with no speaker. Returns the first heading as a title.
 */
export function assembleSegments(
  records: LineRecord[],
  skip: Set<number>,
  isTurn: (candidate: Candidate) => boolean,
  builder: TextBuilder,
  context: ParseContext,
): { title?: string } {
  let title: string | undefined;
  let turn: Turn | null = null;
  let speaker: string | null = null;
  let paragraphBreak = false;

  const flush = () => {
    if (turn !== null) builder.add({ speaker: turn.speaker, startMs: turn.startMs, endMs: null, text: turn.lines.join("\n") });
    turn = null;
  };
  const append = (text: string, inlineMs: number | null) => {
    if (turn === null || (turn.speaker === null && paragraphBreak && turn.lines.length > 0)) {
      flush();
      turn = { speaker, startMs: null, lines: [] };
    }
    if (text !== "") turn.lines.push(text);
    turn.startMs ??= inlineMs;
    paragraphBreak = false;
  };

  for (let i = 0; i < records.length; i++) {
    if (i % CHECK_EVERY === 0) context.checkTime();
    if (skip.has(i)) continue;
    const record = records[i]!;
    switch (record.kind) {
      case "blank":
        paragraphBreak = true;
        break;
      case "skip":
        break;
      case "break":
        flush();
        speaker = null;
        paragraphBreak = false;
        if (record.heading !== null) title ??= record.heading;
        break;
      case "text":
        append(record.text, record.inlineMs);
        break;
      case "candidate":
        if (isTurn(record)) {
          flush();
          if (record.label !== null) speaker = record.label;
          turn = { speaker, startMs: record.startMs ?? record.inlineMs, lines: record.text === "" ? [] : [record.text] };
          paragraphBreak = false;
        } else {
          append(record.fallback, record.inlineMs);
        }
        break;
    }
  }
  flush();
  return title === undefined ? {} : { title };
}
