import { AppError } from "../errors.ts";

/** Deepest nesting of a JSON request body; every body the API takes nests fewer than 5 levels. */
export const MAX_JSON_BODY_DEPTH = 32;
/** Most keys plus array items in one JSON request body; the largest body the API takes (200 verify checks) has ~800. */
export const MAX_JSON_BODY_ENTRIES = 10_000;

const QUOTE = 34;
const BACKSLASH = 92;

/**
 * Refuses a JSON body nested deeper than MAX_JSON_BODY_DEPTH or holding more than MAX_JSON_BODY_ENTRIES keys and
 * array items (LIMIT_EXCEEDED, 413), fed piece by piece as the body arrives and before JSON.parse builds anything: a
 * hostile body is refused at the first byte past a limit, without the rest being received or kept. Malformed JSON is
 * left for the parser to refuse.
 */
export class JsonBodyScanner {
  readonly #inArray: boolean[] = [];
  #entries = 0;
  #inString = false;
  #escaped = false;

  /** Scans the next piece of the body's text; throws at the first limit passed. */
  feed(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (this.#inString) {
        if (this.#escaped) this.#escaped = false;
        else if (code === BACKSLASH) this.#escaped = true;
        else if (code === QUOTE) this.#inString = false;
      } else if (code === QUOTE) this.#inString = true;
      else if (code === 123 /* { */ || code === 91 /* [ */) {
        if (this.#inArray.length === MAX_JSON_BODY_DEPTH) throw tooDeep();
        this.#inArray.push(code === 91);
        // An array's first item; each further one comes after a comma.
        if (code === 91) this.#count();
      } else if (code === 125 /* } */ || code === 93 /* ] */) this.#inArray.pop();
      else if (code === 58 /* : */ || (code === 44 /* , */ && this.#inArray.at(-1) === true)) this.#count();
    }
  }

  #count(): void {
    if (++this.#entries > MAX_JSON_BODY_ENTRIES) throw tooManyEntries();
  }
}

/** checkJsonBody for a body already whole. */
export function checkJsonBody(text: string): void {
  new JsonBodyScanner().feed(text);
}

function tooDeep(): AppError {
  return new AppError({
    code: "LIMIT_EXCEEDED",
    message: `body: JSON nested deeper than ${MAX_JSON_BODY_DEPTH} levels (limit: JSON body depth ${MAX_JSON_BODY_DEPTH})`,
    context: { limit: MAX_JSON_BODY_DEPTH },
  });
}

function tooManyEntries(): AppError {
  return new AppError({
    code: "LIMIT_EXCEEDED",
    message: `body: JSON with more than ${MAX_JSON_BODY_ENTRIES} keys and array items (limit: JSON body entries ${MAX_JSON_BODY_ENTRIES})`,
    context: { limit: MAX_JSON_BODY_ENTRIES },
  });
}
