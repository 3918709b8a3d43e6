const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, "i");
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})\\b`, "i");
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/;

// Only the top of the first page is searched: a date there dates the meeting, not a later reference.
const LINES_SEARCHED = 12;

function monthNumber(name: string): number {
  const prefix = name.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((month) => month.startsWith(prefix)) + 1;
}

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

function dateInLine(line: string): string | undefined {
  const mdy = MONTH_DAY_YEAR.exec(line);
  if (mdy) return isoDate(Number(mdy[3]), monthNumber(mdy[1] ?? ""), Number(mdy[2]));
  const dmy = DAY_MONTH_YEAR.exec(line);
  if (dmy) return isoDate(Number(dmy[3]), monthNumber(dmy[2] ?? ""), Number(dmy[1]));
  const iso = ISO_DATE.exec(line);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return undefined;
}

/**
 * The date written at the top of the first page ("January 31, 2024", "5 May 2023", "2024-01-31")
 * as an ISO 8601 calendar date. The PDF's CreationDate is not used: it dates the file, not the talk.
 */
export function findDocumentDate(firstPageLines: string[]): string | undefined {
  for (const line of firstPageLines.slice(0, LINES_SEARCHED)) {
    const date = dateInLine(line.slice(0, 300));
    if (date !== undefined) return date;
  }
  return undefined;
}
