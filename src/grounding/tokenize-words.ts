import { isApostrophe, isDigitAt, isWordCharAt } from "./word-characters.ts";

/** One word, number or money/percent sign of a text, with its span in that text. */
export type Token = {
  /**
   * Comparison form: lower case, straight apostrophes, no thousands commas, number and ordinal
   * words as digits ("five" → "5", "seventh" → "7th"), scaled amounts written out ("15K" → "15000").
   */
  key: string;
  start: number;
  end: number;
};

const SYMBOL_KEYS: Record<string, string> = { $: "$", "€": "€", "£": "£", "¥": "¥", "%": "percent" };

const NUMBER_WORDS: Record<string, string> = {
  zero: "0",
  one: "1",
  two: "2",
  three: "3",
  four: "4",
  five: "5",
  six: "6",
  seven: "7",
  eight: "8",
  nine: "9",
  ten: "10",
  eleven: "11",
  twelve: "12",
  thirteen: "13",
  fourteen: "14",
  fifteen: "15",
  sixteen: "16",
  seventeen: "17",
  eighteen: "18",
  nineteen: "19",
  twenty: "20",
  thirty: "30",
  forty: "40",
  fifty: "50",
  sixty: "60",
  seventy: "70",
  eighty: "80",
  ninety: "90",
  first: "1st",
  second: "2nd",
  third: "3rd",
  fourth: "4th",
  fifth: "5th",
  sixth: "6th",
  seventh: "7th",
  eighth: "8th",
  ninth: "9th",
  tenth: "10th",
  eleventh: "11th",
  twelfth: "12th",
  thirteenth: "13th",
  fourteenth: "14th",
  fifteenth: "15th",
  sixteenth: "16th",
  seventeenth: "17th",
  eighteenth: "18th",
  nineteenth: "19th",
  twentieth: "20th",
  thirtieth: "30th",
  fortieth: "40th",
  fiftieth: "50th",
  sixtieth: "60th",
  seventieth: "70th",
  eightieth: "80th",
  ninetieth: "90th",
};

// "mm" is left out: "5mm" is as often millimetres as millions.
const SCALED_NUMBER = /^(\d+(?:\.\d+)?)(k|m|b|bn)$/;
const SUFFIX_SCALES: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, bn: 1e9 };

const NUMBER_JOINERS = new Set([".", ",", ":"]);
const TENS_KEYS = new Set(["20", "30", "40", "50", "60", "70", "80", "90"]);
const UNIT_KEY = /^([1-9])(st|nd|rd|th)?$/;

function keyOf(raw: string): string {
  let key = raw.toLowerCase();
  if (key.includes(",")) key = key.replaceAll(",", "");
  if (!/^[a-z0-9.:]*$/.test(key)) key = key.replace(/[\u2018\u2019\u201b\u02bc\u2032`\u00b4]/g, "'");
  const last = key.charCodeAt(key.length - 1);
  // "$15K" and "$15,000" are one amount: both sides of a comparison get the same key.
  if ((last === 107 || last === 109 || last === 98 || last === 110) && isDigitAt(key, 0)) {
    const scaled = SCALED_NUMBER.exec(key);
    if (scaled !== null) return String(Math.round(Number(scaled[1]) * SUFFIX_SCALES[scaled[2]!]! * 1e6) / 1e6);
  }
  return NUMBER_WORDS[key] ?? key;
}

function continuesToken(text: string, index: number): boolean {
  if (isWordCharAt(text, index)) return true;
  const character = text[index];
  if (character === undefined || !isWordCharAt(text, index + 1)) return false;
  if (isApostrophe(character)) return isWordCharAt(text, index - 1);
  return NUMBER_JOINERS.has(character) && isDigitAt(text, index - 1) && isDigitAt(text, index + 1);
}

const HYPHENS = new Set(["-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212"]);

function isBlank(character: string | undefined): boolean {
  return character === " " || character === "\t" || character === "\u00a0";
}

/** End of the spaces and at most one dash run between a tens word and its unit word ("twenty - five"). */
function skipJoiner(text: string, at: number): number {
  let end = at;
  while (isBlank(text[end])) end += 1;
  if (HYPHENS.has(text[end]!)) {
    while (HYPHENS.has(text[end]!)) end += 1;
    while (isBlank(text[end])) end += 1;
  }
  return end;
}

/** The unit word after a tens word ("-first" of "twenty-first"), read as one number with it; null if none. */
function readUnitWord(text: string, at: number, tens: number): { key: string; end: number } | null {
  const unitStart = skipJoiner(text, at);
  if (unitStart === at || !isWordCharAt(text, unitStart) || isDigitAt(text, unitStart)) return null;
  let end = unitStart + 1;
  while (end < text.length && continuesToken(text, end)) end += 1;
  // "twenty first-class seats" are twenty seats, not the twenty-first.
  if (text[end] === "-" && isWordCharAt(text, end + 1)) return null;
  const unit = UNIT_KEY.exec(keyOf(text.slice(unitStart, end)));
  return unit === null ? null : { key: `${tens + Number(unit[1])}${unit[2] ?? ""}`, end };
}

/**
 * Whether a match starting or ending at `boundary` would cut a spelled compound number that
 * reads as one token: "five" inside "twenty-five", "we have twenty" before " five reps".
 */
export function splitsCompoundNumber(text: string, boundary: number): boolean {
  let wordEnd = boundary;
  while (wordEnd > 0 && (isBlank(text[wordEnd - 1]) || HYPHENS.has(text[wordEnd - 1]!))) wordEnd -= 1;
  if (wordEnd === boundary && !isBlank(text[boundary]) && !HYPHENS.has(text[boundary]!)) return false;
  let wordStart = wordEnd;
  while (wordStart > 0 && isWordCharAt(text, wordStart - 1)) wordStart -= 1;
  const tens = NUMBER_WORDS[text.slice(wordStart, wordEnd).toLowerCase()];
  return tens !== undefined && TENS_KEYS.has(tens) && readUnitWord(text, wordEnd, Number(tens)) !== null;
}

/** Splits text into word tokens (keeping "don't", "1,200.50", "3:30", "108K", "twenty-first" whole) in one pass. */
export function tokenizeWords(text: string): Token[] {
  const tokens: Token[] = [];
  scanWords(text, (key, start, end) => tokens.push({ key, start, end }));
  return tokens;
}

/** `tokenizeWords` without the token objects: `visit` gets each token's key and span, in text order. */
export function scanWords(text: string, visit: (key: string, start: number, end: number) => void): void {
  let index = 0;
  while (index < text.length) {
    const character = text[index]!;
    const symbol = SYMBOL_KEYS[character];
    if (symbol !== undefined) {
      visit(symbol, index, index + 1);
      index += 1;
      continue;
    }
    if (!isWordCharAt(text, index)) {
      index += 1;
      continue;
    }
    const start = index;
    index += 1;
    while (index < text.length && continuesToken(text, index)) index += 1;
    const key = keyOf(text.slice(start, index));
    // Only a tens word ("twenty", key "20") can start a compound: test the cheap signs first.
    const compound =
      key.length === 2 && key.charCodeAt(1) === 48 && !isDigitAt(text, start) && TENS_KEYS.has(key)
        ? readUnitWord(text, index, Number(key))
        : null;
    if (compound !== null) {
      visit(compound.key, start, compound.end);
      index = compound.end;
    } else visit(key, start, index);
  }
}
