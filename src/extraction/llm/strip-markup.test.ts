import { describe, expect, it } from "vitest";
import { stripMarkup } from "./strip-markup.ts";

describe("stripMarkup", () => {
  it("removes images, keeps link text without the target, and drops HTML tags", () => {
    expect(stripMarkup("Kickoff on 17 Feb ![x](https://t.example/p.png?d=1) in [Spokane](https://evil.example).")).toEqual({
      text: "Kickoff on 17 Feb in Spokane.",
      changed: true,
    });
    expect(stripMarkup('Go-live <img src="https://t.example/a.png"> by 16 March')).toEqual({ text: "Go-live by 16 March", changed: true });
  });

  it("leaves ordinary text, brackets and comparisons untouched", () => {
    for (const text of ["Handle time < 4 minutes", "Call [PHONE_1] (mobile)", "Seats: 150 -> 120", "![not an image"]) {
      expect(stripMarkup(text)).toEqual({ text, changed: false });
    }
  });
});
