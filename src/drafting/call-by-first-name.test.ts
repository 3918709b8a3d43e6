import { describe, expect, it } from "vitest";
import { callByFirstName } from "./call-by-first-name.ts";

describe("callByFirstName", () => {
  const people = ["Ana Ruiz", "Lee Park", "Lee Parkinson", "Bo"];

  it("names a person in full the first time, then by first name", () => {
    expect(
      callByFirstName(["- Ana Ruiz: “We need it” — call.vtt", "- Budget, per Ana Ruiz: “No money” — call.vtt, Ana Ruiz, 1:02"], people),
    ).toEqual(["- Ana Ruiz: “We need it” — call.vtt", "- Budget, per Ana: “No money” — call.vtt, Ana, 1:02"]);
  });

  it("leaves quotes as said and bold headings whole, a bold name counting as the first mention", () => {
    expect(callByFirstName(["- **Ana Ruiz**, CFO", "  - “Ask Ana Ruiz first” — call.vtt, Ana Ruiz, 0:10"], people)).toEqual([
      "- **Ana Ruiz**, CFO",
      "  - “Ask Ana Ruiz first” — call.vtt, Ana, 0:10",
    ]);
  });

  it("keeps full names when two people share a first name, and a name of one word", () => {
    const lines = ["- Lee Park: “Yes” · to: Lee Parkinson", "- Lee Park: “No” · to: Lee Parkinson · Bo"];
    expect(callByFirstName(lines, people)).toEqual(lines);
  });

  it("matches whole names only", () => {
    expect(callByFirstName(["Ana Ruizová met Ana Ruiz", "then Ana Ruiz left"], ["Ana Ruiz"])).toEqual([
      "Ana Ruizová met Ana Ruiz",
      "then Ana left",
    ]);
    expect(callByFirstName(["Ana Ruiz met Ana Ruiz2", "Ana Ruiz"], ["Ana Ruiz"])).toEqual(["Ana Ruiz met Ana Ruiz2", "Ana"]);
  });

  it("names a person in full again at the start of each part", () => {
    const lines = ["## Risks", "- Ana Ruiz: “a”", "- Ana Ruiz: “b”", "## Next steps", "- Ana Ruiz: “c”"];
    expect(callByFirstName(lines, people, (line) => line.startsWith("## "))).toEqual([
      "## Risks",
      "- Ana Ruiz: “a”",
      "- Ana: “b”",
      "## Next steps",
      "- Ana Ruiz: “c”",
    ]);
  });

  it("leaves the lines that introduce people whole, their names counting as said", () => {
    const lines = [
      "## Stakeholders",
      "- Ana Ruiz (CFO) · skeptical (Lee Park: “not sold”)",
      "- Lee Park (COO)",
      "## Risks",
      "- Budget, per Ana Ruiz",
    ];
    expect(callByFirstName(lines, ["Ana Ruiz", "Lee Park"], undefined, (i) => i > 0 && i < 3)).toEqual([
      ...lines.slice(0, 4),
      "- Budget, per Ana",
    ]);
  });

  it('never shortens a name with a digit, as a transcript\'s "Speaker 1"', () => {
    const lines = ["- Speaker 1: “a”", "- Speaker 1: “b”"];
    expect(callByFirstName(lines, ["Speaker 1"])).toEqual(lines);
  });
});
