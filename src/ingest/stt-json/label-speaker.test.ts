import { describe, expect, it } from "vitest";
import { labelSpeaker } from "./label-speaker.ts";

describe("labelSpeaker", () => {
  it.each([
    ["A", "Speaker A"],
    [0, "Speaker 0"],
    ["2", "Speaker 2"],
    ["spk_0", "spk_0"],
    ["S1", "S1"],
    ["Speaker 1", "Speaker 1"],
    ["  Project   Manager ", "Project Manager"],
    ["", null],
    [null, null],
    [Number.NaN, null],
    [{ name: "x" }, null],
  ])("%j → %j", (raw, label) => {
    expect(labelSpeaker(raw)).toBe(label);
  });

  it("caps absurdly long labels", () => {
    expect(labelSpeaker("x".repeat(500))).toHaveLength(120);
  });
});
