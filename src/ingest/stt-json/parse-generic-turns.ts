import { AppError } from "../../errors.ts";
import type { ParseContext } from "../parse-context.ts";
import { SUPPORTED_STT_SHAPES_LINE } from "./detect-stt-shape.ts";
import { findTurnArray } from "./find-turn-array.ts";
import { isRecord, type JsonRecord, readString } from "./json-values.ts";
import { firstDateTime, timeReaderFor } from "./read-generic-times.ts";
import { type GenericTurn, normalizeKey, readGenericTurn } from "./read-generic-turn.ts";
import type { SegmentAssembler } from "./segment-assembler.ts";
import type { SttDetails } from "./stt-shape-parser.ts";

// QMSum/AMI annotate non-speech inline; none of it is anything a customer said.
const DISFLUENCY = /\{(?:vocalsound|disfmarker|gap|pause|nonvocalsound|comment)\}/gi;
const SPACE_BEFORE_PUNCTUATION = /[ \t]+([.,?!;])(?=\s|$)/g;
const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const TIME_OF_DAY = /^\d{2}:\d{2}(?::\d{2})?$/;

/**
 * Any JSON holding an array of turns ({speaker, text, start?, end?} objects under the usual field
 * names, or "Speaker: text" strings) at the top or under a top-level key. Throws
 * UNSUPPORTED_FORMAT when there is no such array.
 */
export function parseGenericTurns(root: unknown, out: SegmentAssembler, context: ParseContext): SttDetails {
  const found = findTurnArray(root);
  if (found === null) {
    throw new AppError({
      code: "UNSUPPORTED_FORMAT",
      message: `this JSON is not a transcript shape Baton knows; ${SUPPORTED_STT_SHAPES_LINE}`,
      context: { filename: context.filename },
    });
  }
  const turns: GenericTurn[] = [];
  for (const item of found.items) {
    const turn = readGenericTurn(item);
    if (turn !== null) turns.push(turn);
  }
  const readTime = timeReaderFor(turns);
  for (const turn of turns) {
    out.push({ speaker: turn.speaker, startMs: readTime(turn.start), endMs: readTime(turn.end), text: cleanTurnText(turn.text) });
  }
  const occurredAt = isRecord(root) ? readOccurredAt(root) : undefined;
  const fallback = occurredAt ?? firstDateTime(turns);
  return fallback === undefined ? {} : { occurredAt: fallback };
}

/** Drops QMSum non-speech markers and the tokenizer's space before punctuation ("okay ?"). */
export function cleanTurnText(text: string): string {
  return text
    .replace(DISFLUENCY, " ")
    .replace(/[ \t]{2,}/g, " ")
    .replace(SPACE_BEFORE_PUNCTUATION, "$1")
    .trim();
}

/** A call record's own date (and time of day) at the top level: call_date + call_time, date, … */
function readOccurredAt(root: JsonRecord): string | undefined {
  const fields = new Map(Object.keys(root).map((key) => [normalizeKey(key), root[key]]));
  const date = ["calldate", "meetingdate", "recordingdate", "date"]
    .map((name) => readString(fields.get(name))?.trim())
    .find((value) => value !== undefined && DATE.test(value));
  if (date === undefined) return undefined;
  const time = ["calltime", "meetingtime", "recordingtime", "time"]
    .map((name) => readString(fields.get(name))?.trim())
    .find((value) => value !== undefined && TIME_OF_DAY.test(value));
  const value = date.length === 10 && time !== undefined ? `${date}T${time.length === 5 ? `${time}:00` : time}` : date;
  return Number.isNaN(Date.parse(value)) ? undefined : value;
}
