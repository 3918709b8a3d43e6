// Numbers as people say and write them: "150", "1,400", "fourteen hundred", "twenty-two".
const SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALE: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000 };

const WORD = `(?:${[...Object.keys(SMALL), ...Object.keys(SCALE)].join("|")})`;

/** A regex fragment for one number in digits or words, without capture groups. */
export const NUMBER = `(?:\\d[\\d,]*(?:\\.\\d+)?|(?:a (?=hundred|thousand|million))?${WORD}(?:[- ](?:and[- ])?${WORD})*)`;

const NUMBER_WORDS = new RegExp(`\\b(?:a (?=hundred|thousand|million))?${WORD}(?:[- ](?:and[- ])?${WORD})*\\b`, "gi");

/** The text with numbers in words written as digits ("about fourteen hundred people" → "about 1400 people"), for matching only. */
export function replaceNumberWords(text: string): string {
  return text.replace(NUMBER_WORDS, (words) => {
    const value = readNumber(words);
    return value === null ? words : String(value);
  });
}

/** The value of a number written in digits ("1,400") or words ("fourteen hundred"); null when it is neither. */
export function readNumber(text: string): number | null {
  const trimmed = text.trim().toLowerCase();
  if (/^\d[\d,]*(?:\.\d+)?$/.test(trimmed)) return Number(trimmed.replaceAll(",", ""));
  let total = 0;
  let current = 0;
  let seen = false;
  for (const token of trimmed.split(/[\s-]+/)) {
    if (token === "and" || (token === "a" && !seen)) continue;
    const small = SMALL[token];
    const scale = SCALE[token];
    if (small !== undefined) current += small;
    else if (scale === 100) current = (current || 1) * 100;
    else if (scale !== undefined) {
      total += (current || 1) * scale;
      current = 0;
    } else return null;
    seen = true;
  }
  return seen ? total + current : null;
}
