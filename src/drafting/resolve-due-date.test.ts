import { describe, expect, it } from "vitest";
import { readSourceDate, resolveDueDate } from "./resolve-due-date.ts";

const thursday = new Date("2026-01-29T17:00:00Z");

describe("resolveDueDate", () => {
  it.each([
    ["Monday", "2026-02-02"],
    ["by Monday", "2026-02-02"],
    ["Thursday", "2026-02-05"],
    ["the fourth", "2026-02-04"],
    ["the sixth", "2026-02-06"],
    ["the 30th", "2026-01-30"],
    ["tonight", "2026-01-29"],
    ["tomorrow, end of day", "2026-01-30"],
    ["this week", "2026-01-30"],
    ["next week", "2026-02-02"],
    ["end of next week", "2026-02-06"],
    ["February 6th", "2026-02-06"],
    ["Thursday, February 5", "2026-02-05"],
    ["March 16th", "2026-03-16"],
    ["February 6, 2026", "2026-02-06"],
  ])("reads %s said on Thursday 2026-01-29 as %s", (phrase, expected) => {
    expect(resolveDueDate(phrase, thursday)).toBe(expected);
  });

  it("names no day for a quarter or a vague phrase", () => {
    expect(resolveDueDate("Q2", thursday)).toBeNull();
    expect(resolveDueDate("soon", thursday)).toBeNull();
  });

  it("takes a January date said in December as the coming year", () => {
    expect(resolveDueDate("January 5", new Date("2025-12-20T00:00:00Z"))).toBe("2026-01-05");
  });
});

describe("readSourceDate", () => {
  it("uses the source's own date, else the date in its file name", () => {
    expect(readSourceDate("2026-02-03T18:12:37.000Z", "thread.eml")?.toISOString().slice(0, 10)).toBe("2026-02-03");
    expect(readSourceDate(undefined, "pricing-call-2026-01-29.vtt")?.toISOString().slice(0, 10)).toBe("2026-01-29");
    expect(readSourceDate(undefined, "call.vtt")).toBeNull();
  });
});
