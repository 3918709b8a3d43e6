import { describe, expect, it } from "vitest";
import { readSourceDate, resolveDueDate, withOfferedWeek, withWeekQualifier } from "./resolve-due-date.ts";

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

// The week of Monday 2026-01-26: Tuesday 27th this week, Tuesday 3 February next week.
describe("a weekday with “next week” or “this week”", () => {
  it.each([
    ["Monday", "2026-01-26", "2026-02-03", "2026-01-27"],
    ["Tuesday", "2026-01-27", "2026-02-03", "2026-01-27"],
    ["Wednesday", "2026-01-28", "2026-02-03", "2026-01-27"],
    ["Thursday", "2026-01-29", "2026-02-03", "2026-01-27"],
    ["Friday", "2026-01-30", "2026-02-03", "2026-01-27"],
    // The working week is over: both name the coming week, as plain "this week" does.
    ["Saturday", "2026-01-31", "2026-02-03", "2026-02-03"],
    ["Sunday", "2026-02-01", "2026-02-03", "2026-02-03"],
  ])("said on %s %s: Tuesday next week is %s, Tuesday this week is %s", (_name, said, next, current) => {
    const day = new Date(`${said}T16:00:00Z`);
    expect(resolveDueDate("Tuesday next week", day)).toBe(next);
    expect(resolveDueDate("next week on Tuesday", day)).toBe(next);
    expect(resolveDueDate("Tuesday this week", day)).toBe(current);
  });

  it("puts Friday next week, said on a Monday, eleven days later, and a bare Tuesday on the next day", () => {
    const monday = new Date("2026-01-26T09:00:00Z");
    expect(resolveDueDate("Friday next week", monday)).toBe("2026-02-06");
    expect(resolveDueDate("Tuesday", monday)).toBe("2026-01-27");
  });

  it("keeps the week the sentence puts a weekday in", () => {
    expect(withWeekQualifier("Tuesday", "I'll have it to you by Tuesday next week.")).toBe("Tuesday next week");
    expect(withWeekQualifier("Tuesday", "Next week, on Tuesday, we run the pilot.")).toBe("Tuesday next week");
    expect(withWeekQualifier("Tuesday", "By Tuesday this week at the latest.")).toBe("Tuesday this week");
    expect(withWeekQualifier("Tuesday", "By Tuesday. Next week we start training.")).toBe("Tuesday");
    expect(withWeekQualifier("the fourth", "by the fourth next week")).toBe("the fourth");
  });

  it("puts a weekday picked from the options offered before it in their week", () => {
    const offer = "I've got Tuesday at 3pm or Wednesday at 11am next week.";
    expect(withOfferedWeek("Tuesday", offer)).toBe("Tuesday next week");
    expect(withOfferedWeek("Tuesday", "Tuesday works for me. Next week I'm out.")).toBe("Tuesday");
    expect(withOfferedWeek("Tuesday", "Tuesday this week or Wednesday next week?")).toBe("Tuesday");
    expect(withOfferedWeek("Thursday", offer)).toBe("Thursday");
    expect(withOfferedWeek("Tuesday this week", offer)).toBe("Tuesday this week");
  });
});

describe("readSourceDate", () => {
  it("uses the source's own date, else the date in its file name", () => {
    expect(readSourceDate("2026-02-03T18:12:37.000Z", "thread.eml")?.toISOString().slice(0, 10)).toBe("2026-02-03");
    expect(readSourceDate(undefined, "pricing-call-2026-01-29.vtt")?.toISOString().slice(0, 10)).toBe("2026-01-29");
    expect(readSourceDate(undefined, "call.vtt")).toBeNull();
  });
});
