import { describe, expect, it } from "vitest";
import { readNumber, replaceNumberWords } from "./read-numbers.ts";

describe("readNumber", () => {
  it.each([
    ["150", 150],
    ["1,400", 1400],
    ["2.5", 2.5],
    ["twenty-two", 22],
    ["fourteen hundred", 1400],
    ["a hundred and twenty", 120],
    ["ninety-one thousand eight hundred", 91800],
    ["two million", 2_000_000],
  ])("%s is %d", (text, value) => {
    expect(readNumber(text)).toBe(value);
  });

  it("is null for anything that is not a number", () => {
    for (const text of ["", "seats", "twenty apples", "a", "1.2.3"]) expect(readNumber(text)).toBeNull();
  });
});

describe("replaceNumberWords", () => {
  it.each([
    ["about fourteen hundred people", "about 1400 people"],
    ["twenty-two terminals and six pods", "22 terminals and 6 pods"],
    ["a hundred and twenty seats", "120 seats"],
    ["a one-page summary", "a 1-page summary"],
    ["someone else, nobody, often", "someone else, nobody, often"],
  ])("%s", (text, expected) => {
    expect(replaceNumberWords(text)).toBe(expected);
  });
});
