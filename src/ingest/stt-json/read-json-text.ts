import { AppError } from "../../errors.ts";
import type { ParseContext } from "../parse-context.ts";
import { describeJsonError } from "./describe-json-error.ts";

/** Deepest nesting accepted; real transcripts nest fewer than 10 levels. */
export const MAX_JSON_DEPTH = 64;
/** Most objects plus arrays in one file; a 25 MB word-level transcript has well under a million. */
export const MAX_JSON_CONTAINERS = 2_000_000;

/**
 * Parses a JSON transcript after a linear scan that bounds nesting and size, so neither
 * JSON.parse nor later walks can exhaust the stack or the heap. Bad JSON is one INVALID_INPUT line
 * naming the line, column and position.
 */
export function readJsonText(text: string, context: ParseContext): unknown {
  checkJsonBounds(text, context);
  try {
    return JSON.parse(text);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new AppError({
        code: "LIMIT_EXCEEDED",
        message: "JSON is too deeply nested or too large to parse (limit: JSON nesting and size)",
        cause: error,
      });
    }
    throw context.invalid(describeJsonError(error, text));
  }
}

function checkJsonBounds(text: string, context: ParseContext): void {
  let depth = 0;
  let containers = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34 /* " */) {
      i = skipString(text, i);
    } else if (code === 123 /* { */ || code === 91 /* [ */) {
      depth++;
      containers++;
      if (depth > MAX_JSON_DEPTH) {
        throw new AppError({
          code: "LIMIT_EXCEEDED",
          message: `JSON is nested deeper than ${MAX_JSON_DEPTH} levels (limit: JSON nesting depth ${MAX_JSON_DEPTH})`,
          context: { limit: MAX_JSON_DEPTH },
        });
      }
      if (containers > MAX_JSON_CONTAINERS) {
        throw new AppError({
          code: "LIMIT_EXCEEDED",
          message: `JSON holds more than ${MAX_JSON_CONTAINERS} objects and arrays (limit: JSON size ${MAX_JSON_CONTAINERS})`,
          context: { limit: MAX_JSON_CONTAINERS },
        });
      }
      if ((containers & 0xffff) === 0) context.checkTime();
    } else if (code === 125 /* } */ || code === 93 /* ] */) {
      depth--;
    }
  }
}

/** Index of the quote closing the string opened at `open` (or the end of the text). */
function skipString(text: string, open: number): number {
  let close = text.indexOf('"', open + 1);
  while (close !== -1) {
    let backslashes = 0;
    for (let j = close - 1; text.charCodeAt(j) === 92 /* \ */; j--) backslashes++;
    if (backslashes % 2 === 0) return close;
    close = text.indexOf('"', close + 1);
  }
  return text.length;
}
