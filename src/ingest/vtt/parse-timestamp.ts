const DIGIT_0 = 48;
const DIGIT_9 = 57;
const COLON = 58;
const DOT = 46;
const COMMA = 44;

/**
 * Reads a caption timestamp (`hh:mm:ss.ttt`, `mm:ss.ttt`, comma or dot, 1-3 fraction digits) as
 * milliseconds; null when it is not one. Lenient where the intent is clear: one-digit hours
 * (SBV), minutes past 59 when there are no hours, a missing or short fraction.
 * Written as a scanner rather than a regex: it runs twice for every cue of very large files.
 */
export function parseTimestamp(text: string): number | null {
  // The fields before the last one read so far (hours, minutes), -1 when absent.
  let beforePrevious = -1;
  let previous = -1;
  let previousDigits = 0;
  let fields = 1;
  let value = 0;
  let digits = 0;
  let index = 0;
  for (; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= DIGIT_0 && code <= DIGIT_9) {
      value = value * 10 + (code - DIGIT_0);
      digits++;
      continue;
    }
    if (code !== COLON || digits === 0 || fields === 3) break;
    beforePrevious = previous;
    previous = value;
    previousDigits = digits;
    fields++;
    value = 0;
    digits = 0;
  }
  if (fields < 2 || digits !== 2 || value > 59) return null;
  if (fields === 3 && (previousDigits > 2 || previous > 59)) return null;
  const hours = fields === 3 ? beforePrevious : 0;
  let millis = 0;
  if (index < text.length) {
    const separator = text.charCodeAt(index);
    if (separator !== DOT && separator !== COMMA) return null;
    let fractionDigits = 0;
    for (index++; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code < DIGIT_0 || code > DIGIT_9) return null;
      // "5" is half a second and "05" five hundredths: the fraction is read as decimal digits.
      if (fractionDigits < 3) millis = millis * 10 + (code - DIGIT_0);
      fractionDigits++;
    }
    if (fractionDigits === 0) return null;
    if (fractionDigits < 3) millis *= 10 ** (3 - fractionDigits);
  }
  const total = ((hours * 60 + previous) * 60 + value) * 1000 + millis;
  return Number.isSafeInteger(total) ? total : null;
}

export type CueTiming = { startMs: number; endMs: number };

const TIMING_LINE = /^[ \t]*((?:\d+:)?\d+:\d+(?:[.,]\d+)?)[ \t]*-->[ \t]*((?:\d+:)?\d+:\d+(?:[.,]\d+)?)(.*)$/;
// After the end time only whitespace or a `name:value` cue setting may follow; "00:00:1d.890" is broken.
const SETTINGS_START = /^(?:$|[ \t]|[A-Za-z-]+:)/;

/** True for any line that claims to be a cue timing line, valid or not. */
export function looksLikeTimingLine(line: string): boolean {
  return line.includes("-->");
}

/**
 * Reads a `start --> end [settings]` line (WebVTT or SRT); null when it is not a valid one.
 * An end before the start is kept as a zero-length cue rather than dropping its text.
 */
export function parseTimingLine(line: string): CueTiming | null {
  if (!looksLikeTimingLine(line)) return null;
  const match = TIMING_LINE.exec(line);
  if (match === null) return null;
  const [, startText = "", endText = "", rest = ""] = match;
  if (!SETTINGS_START.test(rest)) return null;
  const startMs = parseTimestamp(startText);
  const endMs = parseTimestamp(endText);
  if (startMs === null || endMs === null) return null;
  return { startMs, endMs: Math.max(startMs, endMs) };
}
