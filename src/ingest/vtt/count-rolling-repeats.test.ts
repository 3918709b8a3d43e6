import { describe, expect, it } from "vitest";
import { type CueLine, cleanCueLines } from "./clean-cue-lines.ts";
import { countRollingRepeats } from "./count-rolling-repeats.ts";

const lines = (...text: string[]): CueLine[] => cleanCueLines(text).lines;

describe("countRollingRepeats", () => {
  it("counts the leading lines that repeat the end of the previous cue", () => {
    expect(countRollingRepeats(lines("one", "two"), lines("two", "three"), false)).toBe(1);
    expect(countRollingRepeats(lines("one", "two"), lines("one", "two", "three"), false)).toBe(2);
  });

  it("compares words, not markup", () => {
    expect(countRollingRepeats(lines("so<00:00:01.000><c> the</c> plan"), lines("so the plan", "next"), false)).toBe(1);
  });

  it("counts a cue that repeats the previous one whole only for word-timed captions", () => {
    expect(countRollingRepeats(lines(">> AYE."), lines(">> AYE."), false)).toBe(0);
    expect(countRollingRepeats(lines("so the plan"), lines("so the plan"), true)).toBe(1);
  });

  it("does not treat a different voice saying the same words as a repeat", () => {
    expect(countRollingRepeats(lines("<v Ana>Yes."), lines("<v Bo>Yes.", "<v Bo>Agreed."), false)).toBe(0);
  });
});
