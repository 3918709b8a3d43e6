import { monthFromWord } from "./month-names.ts";

const NAMED_ZONES: Record<string, number> = {
  gmt: 0,
  utc: 0,
  ut: 0,
  z: 0,
  bst: 60,
  cet: 60,
  cest: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  ist: 330,
  jst: 540,
};

type Parts = { year?: number; month?: number; day?: number; hour: number; minute: number; second: number; offset?: number };

const TIME = /(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?\s?m\b\.?)?/i;
const OFFSET = /^\s*(?:(?:gmt|utc)\s*)?([+-])(\d{1,2}):?(\d{2})\b/i;
const ISO_DATE = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/;
const NUMERIC_DATE = /\b(\d{1,2})([./])(\d{1,2})\2(\d{2}|\d{4})\b/;

function readTime(text: string, parts: Parts): string {
  const time = TIME.exec(text);
  if (time === null) return text;
  let hour = Number(time[1]);
  const meridiem = time[4]?.toLowerCase();
  if (meridiem === "p" && hour < 12) hour += 12;
  if (meridiem === "a" && hour === 12) hour = 0;
  parts.hour = hour;
  parts.minute = Number(time[2]);
  parts.second = Number(time[3] ?? 0);
  const after = text.slice(time.index + time[0].length);
  const offset = OFFSET.exec(after);
  if (offset !== null) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3]);
    parts.offset = offset[1] === "-" ? -minutes : minutes;
  } else {
    const zone = /^\s*\(?([a-z]{1,4})\)?(?![a-z])/i.exec(after)?.[1]?.toLowerCase();
    if (zone !== undefined && zone in NAMED_ZONES) parts.offset = NAMED_ZONES[zone];
  }
  return `${text.slice(0, time.index)} ${after}`;
}

function readNumericDate(text: string, parts: Parts): boolean {
  const iso = ISO_DATE.exec(text);
  if (iso !== null) {
    [parts.year, parts.month, parts.day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return true;
  }
  const numeric = NUMERIC_DATE.exec(text);
  if (numeric === null) return false;
  const first = Number(numeric[1]);
  const second = Number(numeric[3]);
  parts.year = Number(numeric[4]) < 100 ? 2000 + Number(numeric[4]) : Number(numeric[4]);
  // Dotted dates are day-first everywhere; slashed ones only when the numbers tell which is which.
  if (numeric[2] === "." || first > 12) [parts.day, parts.month] = [first, second];
  else if (second > 12) [parts.month, parts.day] = [first, second];
  else return false;
  return true;
}

function readWordDate(text: string, parts: Parts): void {
  const tokens = text.split(/[\s,]+/).filter((token) => token !== "");
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? "";
    if (/^(?:19|20)\d{2}$/.test(token)) parts.year ??= Number(token);
    const month = monthFromWord(token);
    if (month === undefined) continue;
    // The day sits next to its month ("3 avr." or "Apr 3"); a lone month word may be a weekday.
    const day = [tokens[i - 1], tokens[i + 1]].map((t) => /^(\d{1,2})\.?(?:st|nd|rd|th)?$/.exec(t ?? "")?.[1]).find(Boolean);
    if (day !== undefined && parts.month === undefined) {
      parts.month = month;
      parts.day = Number(day);
    }
  }
}

/**
 * Reads a date as quote headers write it ("Tue, Apr 3, 2012 at 4:19 PM", "03.04.2012 14:20",
 * "26 июня 2014 г. 15:05"). Without a zone in the text, defaultOffsetMinutes applies when given
 * (the replying message's own zone); otherwise the result is a local ISO time without offset.
 * Ambiguous or invalid dates give undefined.
 */
export function parseLooseDate(text: string, defaultOffsetMinutes?: number): string | undefined {
  if (text.length > 200) return undefined;
  // Windows Mail puts direction marks around every number ("15\u200e:\u200e05").
  const clean = text.replace(/[\u200e\u200f\u202a-\u202e]/g, "");
  const parts: Parts = { hour: 0, minute: 0, second: 0 };
  const rest = readTime(clean, parts);
  if (!readNumericDate(rest, parts)) readWordDate(rest, parts);
  const { year, month, day } = parts;
  if (year === undefined || month === undefined || day === undefined) return undefined;
  if (year < 1970 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (parts.hour > 23 || parts.minute > 59 || parts.second > 59) return undefined;
  const utc = Date.UTC(year, month - 1, day, parts.hour, parts.minute, parts.second);
  if (new Date(utc).getUTCDate() !== day) return undefined;
  const offset = parts.offset ?? defaultOffsetMinutes;
  if (offset === undefined) return new Date(utc).toISOString().slice(0, 19);
  return new Date(utc - offset * 60_000).toISOString();
}

/** The zone offset in minutes at the end of an RFC 5322 Date header ("-0800"), if any. */
export function readHeaderOffset(dateHeader: string | undefined): number | undefined {
  const match = /([+-])(\d{2})(\d{2})\s*(?:\([^)]*\))?\s*$/.exec((dateHeader ?? "").slice(-80));
  if (match === null) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}
