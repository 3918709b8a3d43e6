// Character classes shared by normalization, tokenization and boundary checks.

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;

const APOSTROPHES = new Set(["'", "\u2018", "\u2019", "\u201b", "\u02bc", "\u2032", "`", "\u00b4"]);
const NUMBER_JOINERS = new Set([".", ",", ":"]);

function isWordCodePoint(codePoint: number): boolean {
  if (codePoint < 128) {
    return (codePoint >= 48 && codePoint <= 57) || (codePoint >= 65 && codePoint <= 90) || (codePoint >= 97 && codePoint <= 122);
  }
  return NON_ASCII_WORD.test(String.fromCodePoint(codePoint));
}

/** Whether the UTF-16 unit at `index` belongs to a letter, digit or combining mark. */
export function isWordCharAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  if (code < 128) return isWordCodePoint(code);
  if (code >= 0xdc00 && code <= 0xdfff && index > 0) {
    const high = text.charCodeAt(index - 1);
    if (high >= 0xd800 && high <= 0xdbff) return isWordCodePoint(text.codePointAt(index - 1)!);
  }
  return isWordCodePoint(text.codePointAt(index)!);
}

export function isDigitAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 48 && code <= 57;
}

export function isApostrophe(character: string): boolean {
  return APOSTROPHES.has(character);
}

/**
 * Whether a match starting at `start` would begin inside a word or number of the text:
 * "10" inside "110", "5" inside "1.5", "t refund" inside "can't refund".
 */
export function gluedBefore(text: string, start: number): boolean {
  if (start <= 0 || !isWordCharAt(text, start)) return false;
  if (isWordCharAt(text, start - 1)) return true;
  const previous = text[start - 1]!;
  if (isApostrophe(previous) && isWordCharAt(text, start - 2)) return true;
  return isDigitAt(text, start) && NUMBER_JOINERS.has(previous) && isDigitAt(text, start - 2);
}

/**
 * Whether a match ending at `end` (exclusive) would stop inside a word or number of the text:
 * "we can" before "'t", "1" before ".5", "14" before "%".
 */
export function gluedAfter(text: string, end: number): boolean {
  if (end >= text.length || !isWordCharAt(text, end - 1)) return false;
  if (isWordCharAt(text, end)) return true;
  const next = text[end]!;
  if (isApostrophe(next) && isWordCharAt(text, end + 1)) return true;
  if (!isDigitAt(text, end - 1)) return false;
  return next === "%" || (NUMBER_JOINERS.has(next) && isDigitAt(text, end + 1));
}
