import { readNumber } from "./json-values.ts";
import { toTimeMs } from "./read-seconds.ts";
import type { GenericTurn } from "./read-generic-turn.ts";

const CLOCK = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
// Integers alone above this are read as milliseconds (see timeReaderFor).
const LARGEST_PLAUSIBLE_SECONDS = 10_000;

/** Turns a raw time field into milliseconds from the start of the recording, or null. */
type TimeReader = (value: unknown) => number | null;

/**
 * Decides, once per file, how generic time fields read. Clock strings ("00:01:02.5") are
 * absolute. Numbers are milliseconds when a field name says so (start_ms, BeginOffsetMillis),
 * seconds when it says so (start_seconds) or when any value has a fraction (12.5); whole numbers
 * alone are milliseconds when the largest is over 10,000 (that many seconds is a 2.8-hour call,
 * that many ms only 10 seconds), else seconds. ISO date-times count from the first one.
 */
export function timeReaderFor(turns: GenericTurn[]): TimeReader {
  const keys = new Set(turns.flatMap((turn) => turn.timeKeys));
  const numbers: number[] = [];
  for (const turn of turns) {
    for (const value of [turn.start, turn.end]) {
      const number = typeof value === "string" && CLOCK.test(value) ? undefined : readNumber(value);
      if (number !== undefined) numbers.push(number);
    }
  }
  const factor = unitFactor(keys, numbers);
  let baseMs: number | null = null;
  return (value) => {
    if (typeof value === "string") {
      const clock = CLOCK.exec(value.trim());
      if (clock !== null) return toTimeMs(readClock(clock));
      if (ISO_DATE_TIME.test(value)) {
        const absolute = Date.parse(value);
        if (Number.isNaN(absolute)) return null;
        baseMs ??= absolute;
        return toTimeMs(absolute - baseMs);
      }
    }
    const number = readNumber(value);
    return number === undefined ? null : toTimeMs(number * factor);
  };
}

/** The first ISO date-time a turn starts at, when the turns carry wall-clock times. */
export function firstDateTime(turns: GenericTurn[]): string | undefined {
  for (const turn of turns) {
    if (typeof turn.start === "string" && ISO_DATE_TIME.test(turn.start) && !Number.isNaN(Date.parse(turn.start))) {
      return new Date(Date.parse(turn.start)).toISOString();
    }
  }
  return undefined;
}

function unitFactor(keys: Set<string>, numbers: number[]): number {
  if ([...keys].some((key) => /(?:ms|millis|milliseconds)$/.test(key))) return 1;
  if ([...keys].some((key) => /sec/.test(key))) return 1000;
  let largest = 0;
  for (const number of numbers) {
    if (!Number.isInteger(number)) return 1000;
    if (number > largest) largest = number;
  }
  return largest > LARGEST_PLAUSIBLE_SECONDS ? 1 : 1000;
}

function readClock(match: RegExpExecArray): number {
  const [, hours, minutes, seconds, fraction] = match;
  const ms = fraction === undefined ? 0 : Number(fraction.padEnd(3, "0"));
  return ((Number(hours ?? 0) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 + ms;
}
