import { isApostrophe, isDigitAt, isWordCharAt } from "./word-characters.ts";

/** One word, number or money/percent sign of a text, with its span in that text. */
export type Token = {
  /** Comparison form: lower case, straight apostrophes, no thousands commas, number words as digits. */
  key: string;
  start: number;
  end: number;
};

const SYMBOL_KEYS: Record<string, string> = { $: "$", "€": "€", "£": "£", "¥": "¥", "%": "percent" };

const NUMBER_WORDS: Record<string, string> = {
  zero: "0", one: "1", two: "2", three: "3", four: "4", five: "5", six: "6", seven: "7", eight: "8", nine: "9",
  ten: "10", eleven: "11", twelve: "12", thirteen: "13", fourteen: "14", fifteen: "15", sixteen: "16",
  seventeen: "17", eighteen: "18", nineteen: "19", twenty: "20", thirty: "30", forty: "40", fifty: "50",
  sixty: "60", seventy: "70", eighty: "80", ninety: "90",
};

const NUMBER_JOINERS = new Set([".", ",", ":"]);

function keyOf(raw: string): string {
  let key = raw.toLowerCase();
  if (key.includes(",")) key = key.replaceAll(",", "");
  if (!/^[a-z0-9.:]*$/.test(key)) key = key.replace(/[\u2018\u2019\u201b\u02bc\u2032`\u00b4]/g, "'");
  return NUMBER_WORDS[key] ?? key;
}

function continuesToken(text: string, index: number): boolean {
  if (isWordCharAt(text, index)) return true;
  const character = text[index];
  if (character === undefined || !isWordCharAt(text, index + 1)) return false;
  if (isApostrophe(character)) return isWordCharAt(text, index - 1);
  return NUMBER_JOINERS.has(character) && isDigitAt(text, index - 1) && isDigitAt(text, index + 1);
}

/** Splits text into word tokens (keeping "don't", "1,200.50", "3:30", "108K" whole) in one pass. */
export function tokenizeWords(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const character = text[index]!;
    const symbol = SYMBOL_KEYS[character];
    if (symbol !== undefined) {
      tokens.push({ key: symbol, start: index, end: index + 1 });
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
    tokens.push({ key: keyOf(text.slice(start, index)), start, end: index });
  }
  return tokens;
}
