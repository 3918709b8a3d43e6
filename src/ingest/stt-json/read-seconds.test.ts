import { describe, expect, it } from "vitest";
import { readMs, readSecondsAsMs } from "./read-seconds.ts";

describe("readSecondsAsMs", () => {
  it.each([
    [5.52, 5520],
    ["5.24", 5240],
    ["1.500s", 1500],
    ["3s", 3000],
    [{ seconds: "12", nanos: 900000000 }, 12900],
    [{ seconds: "7" }, 7000],
    [{ nanos: 500000000 }, 500],
    [{}, 0],
    [{ other: 1 }, null],
    ["soon", null],
    [-1, null],
    [1e306, null],
    ["9".repeat(400), null],
    [undefined, null],
    [null, null],
  ])("%j → %j", (value, ms) => {
    expect(readSecondsAsMs(value)).toBe(ms);
  });
});

describe("readMs", () => {
  it("rounds milliseconds and rejects what is not a time", () => {
    expect(readMs(1100.4)).toBe(1100);
    expect(readMs("250")).toBe(250);
    expect(readMs("x")).toBeNull();
    expect(readMs(-5)).toBeNull();
  });
});
