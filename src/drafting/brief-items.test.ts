import { describe, expect, it } from "vitest";
import { readCalendarDate } from "./brief-items.ts";

describe("readCalendarDate", () => {
  it.each([
    ["2026-02-17", "2026-02-17"],
    ["2026-02-17 9:00 AM", "2026-02-17"],
    ["Tuesday, February 17", "2026-02-17"],
    ["Feb. 17th", "2026-02-17"],
    ["17 February 2027", "2027-02-17"],
    ["the 3rd of March", "2026-03-03"],
    ["January 5", "2027-01-05"],
  ])("reads %s as %s for a deal closed 2026-02-06", (text, expected) => {
    expect(readCalendarDate(text, "2026-02-06")).toBe(expected);
  });

  it.each([["Friday"], ["next week"], ["February 30"], ["2026-02-30"], ["the sixth"]])("reads no date in %s", (text) => {
    expect(readCalendarDate(text, "2026-02-06")).toBeNull();
  });

  it("needs a year or a close date", () => {
    expect(readCalendarDate("February 17", null)).toBeNull();
    expect(readCalendarDate("February 17, 2026", null)).toBe("2026-02-17");
    expect(readCalendarDate(null, "2026-02-06")).toBeNull();
  });
});
