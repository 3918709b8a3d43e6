import { describe, expect, it } from "vitest";
import { splitLongText } from "./split-long-text.ts";

const slices = (text: string, target: number) => splitLongText(text, target).map(([start, end]) => text.slice(start, end));

describe("splitLongText", () => {
  it("cuts at the first sentence end past the target", () => {
    expect(slices("One two. Three four. Five six.", 10)).toEqual(["One two. Three four.", "Five six."]);
  });

  it("keeps closing quotes and brackets with their sentence", () => {
    expect(slices('He said "no." (Really!) Then left.', 8)).toEqual(['He said "no."', "(Really!)", "Then left."]);
  });

  it("cuts text without sentence ends at a space near twice the target", () => {
    const parts = slices("word ".repeat(100).trim(), 20);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(40);
    expect(parts.join(" ")).toBe("word ".repeat(100).trim());
  });

  it("cuts text without spaces hard, never inside a surrogate pair", () => {
    const text = "😀".repeat(50);
    const parts = slices(text, 7);
    expect(parts.join("")).toBe(text);
    for (const part of parts) expect(part.length % 2).toBe(0);
  });

  // Its time is measured by `npm run bench parse` (worst-case inputs).
  it("cuts a megabyte without spaces hard, at twice the target", () => {
    const parts = splitLongText("x".repeat(1_000_000), 1000);
    expect(parts).toHaveLength(500);
    expect(parts.every(([start, end], i) => start === i * 2000 && end === start + 2000)).toBe(true);
  });
});
