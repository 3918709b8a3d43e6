import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IsoDateSchema, isCalendarDate } from "./iso-date.ts";

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const pad = (value: number, width: number) => String(value).padStart(width, "0");

describe("IsoDateSchema", () => {
  it("refuses the dates a hostile caller sends", () => {
    for (const value of [
      "2026-13-45",
      "0000-00-00",
      "2026-02-30",
      "2026-02-29",
      "2100-02-29",
      "2026-04-31",
      "2026-1-5",
      "2026-02-06T00:00:00Z",
      "１２３４-01-01",
      "3000-01-01",
    ]) {
      expect(IsoDateSchema.safeParse(value).success, value).toBe(false);
    }
    for (const value of ["2026-02-06", "2028-02-29", "2000-02-29", "1900-01-01", "2999-12-31"]) {
      expect(IsoDateSchema.safeParse(value).success, value).toBe(true);
    }
  });

  it("accepts exactly the days that exist, for generated year-month-day strings", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (year, month, day) => {
          const value = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          const days = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1];
          const exists = year >= 1 && days !== undefined && day >= 1 && day <= days;
          expect(isCalendarDate(value)).toBe(exists);
          expect(IsoDateSchema.safeParse(value).success).toBe(exists && year >= 1900 && year <= 2999);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
