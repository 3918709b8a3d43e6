const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  "twenty-first": 21,
  "twenty-second": 22,
  "twenty-third": 23,
  "twenty-fourth": 24,
  "twenty-fifth": 25,
  "twenty-sixth": 26,
  "twenty-seventh": 27,
  "twenty-eighth": 28,
  "twenty-ninth": 29,
  thirtieth: 30,
  "thirty-first": 31,
};
const DAY = 86_400_000;

/**
 * The calendar day (YYYY-MM-DD) a due phrase names, counted from the day it was said: "Monday" on
 * Thursday 2026-01-29 is 2026-02-02, "the fourth" is the next 4th, "tonight" is that day. Null when the
 * phrase names no day ("Q2", "soon").
 */
export function resolveDueDate(phrase: string, said: Date): string | null {
  const text = phrase.toLowerCase().replace(/[,.]/g, " ").replace(/\s+/g, " ").trim();
  const day = new Date(Date.UTC(said.getUTCFullYear(), said.getUTCMonth(), said.getUTCDate()));
  const plus = (days: number) => iso(new Date(day.getTime() + days * DAY));
  const explicit = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* (\d{1,2})(?:st|nd|rd|th)?\b(?: (\d{4}))?/.exec(text);
  if (explicit) {
    const month = MONTHS.indexOf(explicit[1]!);
    const year = explicit[3] ? Number(explicit[3]) : closestYear(day, month);
    return iso(new Date(Date.UTC(year, month, Number(explicit[2]))));
  }
  if (/\b(?:today|tonight|this (?:afternoon|evening)|end of (?:the )?day|eod|right now|after (?:this|the) call)\b/.test(text)) {
    return /\btomorrow\b/.test(text) ? plus(1) : plus(0);
  }
  if (/\btomorrow\b/.test(text)) return plus(1);
  const weekday = WEEKDAYS.findIndex((name) => new RegExp(`\\b${name}\\b`).test(text));
  const ahead = (target: number) => (target - day.getUTCDay() + 7) % 7 || 7;
  const week = /\b(next|this) week\b/.exec(text)?.[1];
  if (weekday !== -1 && week !== undefined) return plus(mondayOf(day, week === "next") + ((weekday + 6) % 7));
  if (/\bend of next week\b|\bnext week\b/.test(text) && weekday === -1) {
    const toMonday = ahead(1);
    return /\bend of\b/.test(text) ? plus(toMonday + 4) : plus(toMonday);
  }
  if (/\b(?:end of (?:the )?week|this week|eow)\b/.test(text)) return plus((5 - day.getUTCDay() + 7) % 7);
  if (weekday !== -1) return plus(ahead(weekday) + (/\bnext\b/.test(text) && ahead(weekday) < 7 - day.getUTCDay() ? 7 : 0));
  const ordinal = /\bthe (\d{1,2})(?:st|nd|rd|th)?\b|\bthe ([a-z]+(?:-[a-z]+)?)\b/.exec(text);
  const dayOfMonth = ordinal ? Number(ordinal[1] ?? ORDINALS[ordinal[2] ?? ""] ?? Number.NaN) : Number.NaN;
  if (dayOfMonth >= 1 && dayOfMonth <= 31) {
    const sameMonth = dayOfMonth > day.getUTCDate();
    return iso(new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + (sameMonth ? 0 : 1), dayOfMonth)));
  }
  if (/\bend of (?:the )?month\b/.test(text)) return iso(new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0)));
  return null;
}

/**
 * The day phrase with the week the text puts it in: "Tuesday" in "by Tuesday next week" (or "next week,
 * on Tuesday") is "Tuesday next week", which resolves a week later than a bare "Tuesday" said on a Monday.
 */
export function withWeekQualifier(phrase: string, text: string): string {
  if (!WEEKDAYS.some((name) => new RegExp(`\\b${name}\\b`, "i").test(phrase)) || /\bweek\b/i.test(phrase)) return phrase;
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const after = new RegExp(`\\b${escaped},? (?:of )?(next|this) week\\b`, "i").exec(text);
  if (after) return `${phrase} ${after[1]!.toLowerCase()} week`;
  const before = new RegExp(`\\b(next|this) week,? (?:on )?${escaped}\\b`, "i").exec(text);
  return before ? `${phrase} ${before[1]!.toLowerCase()} week` : phrase;
}

/**
 * The day phrase with the week of the options it was picked from: "Tuesday" answering "I've got Tuesday at 3pm or
 * Wednesday at 11am next week." is "Tuesday next week". Only a sentence of `offer` that names the same day and one
 * week counts; a phrase that already has its week is kept.
 */
export function withOfferedWeek(phrase: string, offer: string): string {
  const day = WEEKDAYS.find((name) => new RegExp(`\\b${name}\\b`, "i").test(phrase));
  if (day === undefined || /\bweek\b/i.test(phrase)) return phrase;
  for (const sentence of offer.split(/(?<=[.!?])\s+/)) {
    const weeks = [...sentence.matchAll(/\b(next|this) week\b/gi)].map((m) => m[1]!.toLowerCase());
    if (new RegExp(`\\b${day}\\b`, "i").test(sentence) && weeks.length > 0 && weeks.every((w) => w === weeks[0]))
      return `${phrase} ${weeks[0]} week`;
  }
  return phrase;
}

/** The date a source or message was written: its own date, else a YYYY-MM-DD in its file name. */
export function readSourceDate(occurredAt: string | undefined, filename: string): Date | null {
  if (occurredAt !== undefined) {
    const date = new Date(occurredAt);
    if (!Number.isNaN(date.getTime())) return date;
  }
  const named = /(\d{4})-(\d{2})-(\d{2})/.exec(filename);
  return named ? new Date(Date.UTC(Number(named[1]), Number(named[2]) - 1, Number(named[3]))) : null;
}

// Days from `day` to the Monday of its working week (zero or negative), or of the week after when `next`.
// Weeks run Monday to Sunday; on a Saturday or Sunday the working week is over, so "this week" and
// "next week" both name the coming one, as plain "this week" (its Friday) already does.
function mondayOf(day: Date, next: boolean): number {
  const weekday = day.getUTCDay();
  if (weekday === 0 || weekday === 6) return (8 - weekday) % 7;
  return 1 - weekday + (next ? 7 : 0);
}

// "February 2" said in late December means the coming February.
function closestYear(day: Date, month: number): number {
  const year = day.getUTCFullYear();
  const diff = month - day.getUTCMonth();
  if (diff < -6) return year + 1;
  if (diff > 6) return year - 1;
  return year;
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}
