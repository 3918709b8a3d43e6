import { AppError } from "../errors.ts";

/** Deepest nesting of a JSON request body; every body the API takes nests fewer than 5 levels. */
export const MAX_JSON_BODY_DEPTH = 32;
/** Most keys plus array items in one JSON request body; the largest body the API takes (200 verify checks) has ~800. */
export const MAX_JSON_BODY_ENTRIES = 10_000;

const QUOTE = 34;
const BACKSLASH = 92;

/**
 * Refuses a JSON body nested deeper than MAX_JSON_BODY_DEPTH or holding more than MAX_JSON_BODY_ENTRIES keys and
 * array items (LIMIT_EXCEEDED, 413), in one pass over the text and before JSON.parse builds anything: a hostile body
 * costs a scan, never the parser's time and memory. Malformed JSON is left for the parser to refuse.
 */
export function checkJsonBody(text: string): void {
  const inArray: boolean[] = [];
  let entries = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) i = closingQuote(text, i);
    else if (code === 123 /* { */ || code === 91 /* [ */) {
      if (inArray.length === MAX_JSON_BODY_DEPTH) {
        throw new AppError({
          code: "LIMIT_EXCEEDED",
          message: `body: JSON nested deeper than ${MAX_JSON_BODY_DEPTH} levels (limit: JSON body depth ${MAX_JSON_BODY_DEPTH})`,
          context: { limit: MAX_JSON_BODY_DEPTH },
        });
      }
      inArray.push(code === 91);
      // An array's first item; each further one comes after a comma.
      if (code === 91) entries++;
    } else if (code === 125 /* } */ || code === 93 /* ] */) inArray.pop();
    else if (code === 58 /* : */ || (code === 44 /* , */ && inArray.at(-1) === true)) entries++;
    if (entries > MAX_JSON_BODY_ENTRIES) {
      throw new AppError({
        code: "LIMIT_EXCEEDED",
        message:
          `body: JSON with more than ${MAX_JSON_BODY_ENTRIES} keys and array items ` +
          `(limit: JSON body entries ${MAX_JSON_BODY_ENTRIES})`,
        context: { limit: MAX_JSON_BODY_ENTRIES },
      });
    }
  }
}

/** Index of the quote closing the string opened at `open` (the end of the text when unterminated). */
function closingQuote(text: string, open: number): number {
  let close = text.indexOf('"', open + 1);
  while (close !== -1) {
    let backslashes = 0;
    for (let j = close - 1; text.charCodeAt(j) === BACKSLASH; j--) backslashes++;
    if (backslashes % 2 === 0) return close;
    close = text.indexOf('"', close + 1);
  }
  return text.length;
}
