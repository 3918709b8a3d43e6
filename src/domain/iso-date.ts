import { z } from "zod";

const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;

/** Whether `value` is YYYY-MM-DD naming a day that exists (2026-02-29 does not; year 0000 neither). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const lastDay = new Date(Date.UTC(2000, month, 0));
  lastDay.setUTCFullYear(year, month, 0);
  return day <= lastDay.getUTCDate();
}

/**
 * A calendar date as YYYY-MM-DD in the years a deal can have (1900–2999), the one rule for every date the API
 * takes: 2026-02-30 is refused, not rolled over to March.
 */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD")
  .refine(isCalendarDate, "not a calendar date")
  .refine((value) => {
    const year = Number(value.slice(0, 4));
    return year >= FIRST_YEAR && year <= LAST_YEAR;
  }, `the year must be between ${FIRST_YEAR} and ${LAST_YEAR}`)
  .meta({ format: "date" });
