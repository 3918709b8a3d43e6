import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTimestamp, parseTimingLine } from "./parse-timestamp.ts";

describe("parseTimestamp", () => {
  it.each([
    ["00:00:01.000", 1000],
    ["01:02:03.456", 3_723_456],
    ["0:00:00.378", 378],
    ["02:03.500", 123_500],
    ["00:00:07,250", 7250],
    ["00:01.5", 1500],
    ["00:01.05", 1050],
    ["00:01", 1000],
    ["00:00:01.12345", 1123],
    ["120:00.000", 7_200_000],
    ["000:00:00.000", 0],
  ])("reads %s as %i ms", (text, expected) => {
    expect(parseTimestamp(text)).toBe(expected);
  });

  it.each([
    "00.00.000",
    "00:000.000",
    "00:00:60.000",
    "01:60:00.000",
    "1:000:00.000",
    "00:00:1",
    "00:00:01.",
    "00:00:00:00",
    "1d:00.000",
    "",
    "5",
  ])("rejects %j", (text) => {
    expect(parseTimestamp(text)).toBeNull();
  });

  it("reads back any formatted time", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 999 }),
        (h, m, s, ms) => {
          const two = (n: number) => String(n).padStart(2, "0");
          const text = `${two(h)}:${two(m)}:${two(s)}.${String(ms).padStart(3, "0")}`;
          expect(parseTimestamp(text)).toBe(((h * 60 + m) * 60 + s) * 1000 + ms);
        },
      ),
    );
  });
});

describe("parseTimingLine", () => {
  it("reads start, end and ignores cue settings", () => {
    expect(parseTimingLine("00:00:01.000 --> 00:00:04.500 align:start line:74%")).toEqual({
      startMs: 1000,
      endMs: 4500,
    });
    expect(parseTimingLine("00:25.000\t-->\t00:27.000")).toEqual({ startMs: 25_000, endMs: 27_000 });
    expect(parseTimingLine("00:25.000-->00:27.000")).toEqual({ startMs: 25_000, endMs: 27_000 });
    expect(parseTimingLine("00:00,500 --> 00:07,000 X1:000 X2:000")).toEqual({ startMs: 500, endMs: 7000 });
  });

  it("keeps a cue whose end comes before its start as zero-length", () => {
    expect(parseTimingLine("00:00:17.484 --> 00:00:16.543")).toEqual({ startMs: 17_484, endMs: 17_484 });
  });

  it("rejects broken times, a broken arrow and junk after the end time", () => {
    expect(parseTimingLine("00:00:07.000 --> 00:00:1d.890")).toBeNull();
    expect(parseTimingLine("00:01.000 ---> 00:02.000")).toBeNull();
    expect(parseTimingLine("00:01.000 00:02.000")).toBeNull();
    expect(parseTimingLine("soon --> later")).toBeNull();
  });
});
