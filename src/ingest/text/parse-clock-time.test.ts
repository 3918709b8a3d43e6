import { describe, expect, it } from "vitest";
import { parseClockTime } from "./parse-clock-time.ts";

describe("parseClockTime", () => {
  it.each([
    ["0:05", 5_000],
    ["75:12", 4_512_000],
    ["01:02:03", 3_723_000],
    ["1:02:03.5", 3_723_500],
    ["00:00:01,250", 1_250],
  ])("reads %s", (value, ms) => {
    expect(parseClockTime(value)).toBe(ms);
  });

  it.each(["1:60", "01:61:00", "1:2", "abc", "1:02:03:04", ""])("rejects %j", (value) => {
    expect(parseClockTime(value)).toBeNull();
  });
});
