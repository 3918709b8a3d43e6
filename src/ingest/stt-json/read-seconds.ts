import { isRecord, readNumber } from "./json-values.ts";

/**
 * Reads a time in seconds as vendors write it: 5.52, "5.24", Google's "1.500s", or a protobuf
 * Duration {seconds: "12", nanos: 900000000}. Null when absent or unreadable.
 */
function readSeconds(value: unknown): number | null {
  if (typeof value === "string" && value.endsWith("s")) return readNumber(value.slice(0, -1)) ?? null;
  if (isRecord(value)) {
    // Protobuf JSON omits zero fields: {} is a zero Duration and a missing half counts as 0.
    if (!("seconds" in value) && !("nanos" in value) && Object.keys(value).length > 0) return null;
    const seconds = value.seconds === undefined ? 0 : readNumber(value.seconds);
    const nanos = value.nanos === undefined ? 0 : readNumber(value.nanos);
    return seconds === undefined || nanos === undefined ? null : seconds + nanos / 1e9;
  }
  const seconds = readNumber(value);
  return seconds === undefined ? null : seconds;
}

// No recording runs for 30 days; a larger time is a corrupt field, not a position to cite.
const MAX_TIME_MS = 30 * 24 * 3600 * 1000;

/** Whole milliseconds when plausible as a position in a recording, else null. */
export function toTimeMs(ms: number): number | null {
  return Number.isFinite(ms) && ms >= 0 && ms <= MAX_TIME_MS ? Math.round(ms) : null;
}

/** A time in seconds as whole milliseconds, or null. */
export function readSecondsAsMs(value: unknown): number | null {
  const seconds = readSeconds(value);
  return seconds === null ? null : toTimeMs(seconds * 1000);
}

/** A time already in milliseconds, or null. */
export function readMs(value: unknown): number | null {
  const ms = readNumber(value);
  return ms === undefined ? null : toTimeMs(ms);
}
