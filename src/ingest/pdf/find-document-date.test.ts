import { describe, expect, it } from "vitest";
import { findDocumentDate } from "./find-document-date.ts";

describe("findDocumentDate", () => {
  it.each([
    [["January 31, 2024 Chair Powell’s Press Conference FINAL"], "2024-01-31"],
    [["Memo", "May 5, 2023"], "2023-05-05"],
    [["Kickoff - 6 February 2024"], "2024-02-06"],
    [["Sept. 3rd, 2024 notes"], "2024-09-03"],
    [["Meeting on 2024-03-12"], "2024-03-12"],
  ])("reads the date in %j", (lines, expected) => {
    expect(findDocumentDate(lines)).toBe(expected);
  });

  it("ignores impossible dates and dates far down the page", () => {
    expect(findDocumentDate(["February 30, 2024"])).toBeUndefined();
    expect(findDocumentDate([...Array.from({ length: 20 }, () => "Text."), "May 5, 2023"])).toBeUndefined();
  });
});
