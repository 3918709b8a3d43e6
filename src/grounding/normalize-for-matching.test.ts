import { describe, expect, it } from "vitest";
import { foldQuoteCore, normalizeForMatching } from "./normalize-for-matching.ts";

describe("normalizeForMatching", () => {
  it.each([
    ["Hello  World", "hello world"],
    ["line one\n\nline two\t end", "line one line two end"],
    ["“quoted” and ‘single’ and don’t", "\"quoted\" and 'single' and don't"],
    ["honest—the price", "honest-the price"],
    ["honest – the price", "honest-the price"],
    ["honest -- the price", "honest-the price"],
    ["follow-up", "follow-up"],
    ["wait… what", "wait...what"],
    ["wait ... what", "wait...what"],
    ["zero\u200bwidth\u00a0space", "zerowidth space"],
    ["  leading and trailing  ", "leading and trailing"],
  ])("folds %j to %j", (input, expected) => {
    expect(normalizeForMatching(input).text).toBe(expected);
  });

  it("maps every folded character back to the original character it came from", () => {
    const original = "He said “NO”—then…  Left.";
    const { text, offsets } = normalizeForMatching(original);
    expect(offsets.length).toBe(text.length);
    for (let k = 1; k < offsets.length; k += 1) expect(offsets.at(k)).toBeGreaterThanOrEqual(offsets.at(k - 1));
    const start = text.indexOf("no");
    expect(original.slice(offsets.at(start), offsets.at(start + 1) + 1)).toBe("NO");
    const dots = text.indexOf("...");
    expect(original[offsets.at(dots)]).toBe("…");
    expect(original[offsets.at(text.indexOf("left"))]).toBe("L");
  });

  it("keeps surrogate pairs and folds only letters that stay one unit long", () => {
    const { text } = normalizeForMatching("Émile 😀 İstanbul");
    // "İ" lowercases to two units, so it is kept as it is rather than shifting every offset.
    expect(text).toBe("émile 😀 İstanbul");
  });
});

describe("foldQuoteCore", () => {
  it.each([
    ["“We will refund.”", "we will refund"],
    ["'...and then, yes!'", "and then, yes"],
    ["(the price)", "the price"],
    ["$108K", "$108k"],
    ["14%", "14%"],
    ["— ok —", "ok"],
  ])("strips the punctuation around %j", (input, expected) => {
    expect(foldQuoteCore(input)).toBe(expected);
  });
});
