import { describe, expect, it } from "vitest";
import { splitsCompoundNumber, tokenizeWords } from "./tokenize-words.ts";

const keys = (text: string) => tokenizeWords(text).map((token) => token.key);

describe("tokenizeWords", () => {
  it.each([
    ["We don’t refund", ["we", "don't", "refund"]],
    ["$1,200.50 or 1.2M", ["$", "1200.50", "or", "1200000"]],
    ["$15K, $15,000 and 2.5bn", ["$", "15000", "$", "15000", "and", "2500000000"]],
    ["the seventh, the 7th and the twenty-first", ["the", "7th", "the", "7th", "and", "the", "21st"]],
    ["twenty five or twenty, five or twenty-fifths", ["25", "or", "20", "5", "or", "20", "fifths"]],
    ["Twenty — Five, thirty  first, forty\nsix", ["25", "31st", "40", "6"]],
    ["twenty first-class seats", ["20", "1st", "class", "seats"]],
    ["First and second", ["1st", "and", "2nd"]],
    ["at 3:30pm on 2024-03-15", ["at", "3:30pm", "on", "2024", "03", "15"]],
    ["14% vs fourteen percent", ["14", "percent", "vs", "14", "percent"]],
    ["follow-up, honest—the", ["follow", "up", "honest", "the"]],
    ["end. Next", ["end", "next"]],
    ["Kevin's team", ["kevin's", "team"]],
    ["naïve café", ["naïve", "café"]],
  ])("splits %j", (text, expected) => {
    expect(keys(text)).toEqual(expected);
  });

  it("reports the span of each token in the original text", () => {
    const text = "Price: $50-60K, “approved”.";
    const written = { percent: "%", "60000": "60k" } as Record<string, string>;
    for (const token of tokenizeWords(text)) {
      expect(text.slice(token.start, token.end).toLowerCase().replaceAll(",", "")).toBe(written[token.key] ?? token.key);
    }
    expect(tokenizeWords(text).map((token) => text.slice(token.start, token.end))).toEqual(["Price", "$", "50", "60K", "approved"]);
  });
});

describe("splitsCompoundNumber", () => {
  const text = "we have twenty-five reps, thirty one seats and twenty first-class tickets";
  it.each([
    ["the start of the unit word", text.indexOf("five"), true],
    ["the end of the tens word", text.indexOf("-five"), true],
    ["the end of a spaced tens word", text.indexOf(" one"), true],
    ["the start of a spaced unit word", text.indexOf("one"), true],
    ["the end of the compound", text.indexOf(" reps"), false],
    ["the start of the compound", text.indexOf("twenty"), false],
    ["a tens word before a hyphenated word", text.indexOf(" first-class"), false],
    ["an ordinary space", text.indexOf(" have"), false],
  ])("%s", (_name, boundary, expected) => {
    expect(splitsCompoundNumber(text, boundary)).toBe(expected);
  });
});
