import { describe, expect, it } from "vitest";
import { splitPageLines, stripPageFurniture } from "./strip-page-furniture.ts";

describe("splitPageLines", () => {
  it("turns tabs and runs of spaces into single spaces and drops blank lines", () => {
    expect(splitPageLines("January 31, 2024 \tChair’s Press Conference \tFINAL\n\n  body  text \n")).toEqual([
      "January 31, 2024 Chair’s Press Conference FINAL",
      "body text",
    ]);
  });
});

describe("stripPageFurniture", () => {
  it("drops headers and footers that recur with changing page numbers", () => {
    const bodies = ["Good afternoon.", "The labor market remains tight.", "Thank you."];
    const pages = bodies.map((body, i) => ["January 31, 2024 Press Conference FINAL", `Page ${i + 1} of 3`, body, `- ${i + 1} -`]);
    expect(stripPageFurniture(pages)).toEqual(bodies.map((body) => [body]));
  });

  it("drops a footer like 'January 31, 2024 … 3' whose date and number vary", () => {
    const pages = [4, 5, 6].map((n) => [`Text ${"abc".repeat(n)}.`, `January ${n}, 2024 Minutes ${n}`]);
    expect(stripPageFurniture(pages).flat()).toEqual(["Text abcabcabcabc.", "Text abcabcabcabcabc.", "Text abcabcabcabcabcabc."]);
  });

  it("keeps a line that recurs on fewer than half the pages, and body text that repeats a header", () => {
    const pages = [
      ["Title page", "Intro."],
      ["ACME Confidential", "Body."],
      ["Other", "Body two."],
      ["Other two", "ACME Confidential", "Body three."],
      ["Last", "More."],
    ];
    expect(stripPageFurniture(pages)).toEqual(pages);
  });

  it("needs two pages before a line counts as recurring", () => {
    expect(stripPageFurniture([["Same text."], ["Same text."]])).toEqual([[], []]);
    expect(stripPageFurniture([["Only page."]])).toEqual([["Only page."]]);
  });

  it("drops a bare page number at the edge of a single page but not a year or a number in the body", () => {
    expect(stripPageFurniture([["Memo", "42 units shipped.", "7"]])).toEqual([["Memo", "42 units shipped."]]);
    expect(stripPageFurniture([["Founded in", "2023"]])).toEqual([["Founded in", "2023"]]);
  });
});
