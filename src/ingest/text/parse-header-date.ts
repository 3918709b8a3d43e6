const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

const ISO = /\b(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?/;
const MONTH_FIRST = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/;
const DAY_FIRST = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/;
const YEAR_SLASH = /\b(\d{4})\/(\d{1,2})\/(\d{1,2})\b/;
const NUMERIC = /\b(\d{1,2})([/.])(\d{1,2})\2(\d{4})\b/;

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2200) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return date.toISOString().slice(0, 10);
}

/** 1–12 for a month name or its abbreviation ("Jan", "Sept"); null for other words. */
function monthNumber(word: string): number | null {
  const lower = word.toLowerCase();
  if (lower.length < 3) return null;
  const index = MONTH_NAMES.findIndex((name) => name.startsWith(lower));
  return index === -1 ? null : index + 1;
}

/**
 * An ISO 8601 date ("2024-01-15") from a header value such as "January 15, 2024" or
 * "2025-02-10"; a full timestamp only when the value gives a time with a zone. Null if none.
 * Slash dates are read month-first (US) unless the first number cannot be a month.
 */
export function parseHeaderDate(fullValue: string): string | null {
  const value = fullValue.slice(0, 200);
  const iso = ISO.exec(value);
  if (iso !== null) {
    const date = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (date === null) return null;
    if (iso[4] === undefined || iso[7] === undefined) return date;
    const zone = iso[7] === "Z" ? "Z" : `${iso[7].slice(0, 3)}:${iso[7].slice(-2)}`;
    const time = `${iso[4].padStart(2, "0")}:${iso[5]}:${iso[6] ?? "00"}`;
    const instant = new Date(`${date}T${time}${zone}`);
    return Number.isNaN(instant.getTime()) ? date : instant.toISOString();
  }
  const monthFirst = MONTH_FIRST.exec(value);
  if (monthFirst !== null) {
    const month = monthNumber(monthFirst[1]!);
    if (month !== null) return isoDate(Number(monthFirst[3]), month, Number(monthFirst[2]));
  }
  const dayFirst = DAY_FIRST.exec(value);
  if (dayFirst !== null) {
    const month = monthNumber(dayFirst[2]!);
    if (month !== null) return isoDate(Number(dayFirst[3]), month, Number(dayFirst[1]));
  }
  const yearSlash = YEAR_SLASH.exec(value);
  if (yearSlash !== null) return isoDate(Number(yearSlash[1]), Number(yearSlash[2]), Number(yearSlash[3]));
  const numeric = NUMERIC.exec(value);
  if (numeric !== null) {
    const first = Number(numeric[1]);
    const second = Number(numeric[3]);
    // Dotted dates are European (day first); slashed ones US unless the first part exceeds 12.
    const dayFirstOrder = numeric[2] === "." || first > 12;
    return dayFirstOrder ? isoDate(Number(numeric[4]), second, first) : isoDate(Number(numeric[4]), first, second);
  }
  return null;
}
