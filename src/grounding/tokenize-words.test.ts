import { describe, expect, it } from "vitest";
import { tokenizeWords } from "./tokenize-words.ts";

const keys = (text: string) => tokenizeWords(text).map((token) => token.key);

describe("tokenizeWords", () => {
  it.each([
    ["We don’t refund", ["we", "don't", "refund"]],
    ["$1,200.50 or 1.2M", ["$", "1200.50", "or", "1.2m"]],
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
    for (const token of tokenizeWords(text)) {
      expect(text.slice(token.start, token.end).toLowerCase().replaceAll(",", "")).toBe(token.key === "percent" ? "%" : token.key);
    }
    expect(tokenizeWords(text).map((token) => text.slice(token.start, token.end))).toEqual(["Price", "$", "50", "60K", "approved"]);
  });
});
