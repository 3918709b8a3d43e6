import { describe, expect, it } from "vitest";
import { parseLooseDate, readHeaderOffset } from "./parse-loose-date.ts";

describe("parseLooseDate", () => {
  it.each([
    ["Tue, 2011-03-01 at 18:02 +0530", undefined, "2011-03-01T12:32:00.000Z"],
    ["Apr 3, 2012, at 4:19 PM", 240, "2012-04-03T12:19:00.000Z"],
    ["Mon, 2 Apr 2012 17:44:22 +0400", undefined, "2012-04-02T13:44:22.000Z"],
    ["Thursday, February 09, 2012 1:36 PM", undefined, "2012-02-09T13:36:00"],
    ["Friday, 23 March 2012 5:08 p.m.", 0, "2012-03-23T17:08:00.000Z"],
    ["3 avr. 2012 à 16:19", 0, "2012-04-03T16:19:00.000Z"],
    ["03.04.2012 um 16:19", 0, "2012-04-03T16:19:00.000Z"],
    ["\u200eчетверг\u200e, \u200e26\u200e \u200eиюня\u200e 2014\u200e г. \u200e15\u200e:\u200e05", 0, "2014-06-26T15:05:00.000Z"],
    ["Mon, 2 Apr 2012 09:57:58 EDT", undefined, "2012-04-02T13:57:58.000Z"],
  ])("reads %s", (text, offset, expected) => {
    expect(parseLooseDate(text, offset)).toBe(expected);
  });

  it.each(["01/03/11 7:07 PM", "someday", "Feb 30, 2012", "2012-13-01"])("gives no date for %s", (text) => {
    expect(parseLooseDate(text, 0)).toBeUndefined();
  });

  it("reads the zone of a Date header", () => {
    expect(readHeaderOffset("Tue, 03 Feb 2026 10:12:37 -0800")).toBe(-480);
    expect(readHeaderOffset("Mon, 2 Apr 2012 09:57:58 -0400 (EDT)")).toBe(-240);
    expect(readHeaderOffset("yesterday")).toBeUndefined();
  });
});
