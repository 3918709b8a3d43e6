import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitSentences } from "./split-sentences.ts";

const sentencesOf = (text: string) => splitSentences(text).map((span) => text.slice(span.start, span.end));

describe("splitSentences", () => {
  it.each([
    ["We use Okta. Logins go through SSO! Does it do SCIM?", ["We use Okta.", "Logins go through SSO!", "Does it do SCIM?"]],
    ["Mr. Tanaka signed. It costs $1.5M vs. the old tool.", ["Mr. Tanaka signed.", "It costs $1.5M vs. the old tool."]],
    ['J. Smith runs IT. He said "no." Then he left.', ["J. Smith runs IT.", 'He said "no."', "Then he left."]],
    ["Can I... sorry, can I say something? Sure.", ["Can I... sorry, can I say something?", "Sure."]],
    ["The dispatchers wouldn't even be...", ["The dispatchers wouldn't even be..."]],
    ["Hi Nate,\n\nThanks for flagging this.", ["Hi Nate,", "Thanks for flagging this."]],
    [
      "A few things:\n- Kickoff is Tuesday\n- Sam sends the plan by Friday\n* Priya answers security",
      ["A few things:", "Kickoff is Tuesday", "Sam sends the plan by Friday", "Priya answers security"],
    ],
    ["1. Sign the order form\n2) Book the kickoff", ["Sign the order form", "Book the kickoff"]],
    ["a wrapped line\nthat goes on. Next one.", ["a wrapped line\nthat goes on.", "Next one."]],
    ["   \n\n  ", []],
  ])("%j", (text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });

  it("cuts a run longer than 400 characters at a space", () => {
    const text = `${"word ".repeat(200)}end.`;
    const spans = splitSentences(text);
    expect(spans.length).toBeGreaterThan(1);
    for (const span of spans) expect(span.end - span.start).toBeLessThanOrEqual(400);
    expect(spans.map((s) => text.slice(s.start, s.end)).join(" ")).toBe(text.trim());
  });

  // Its time is measured by `npm run bench parse` (worst-case inputs).
  it("cuts a long text without spaces into bounded spans", () => {
    const text = "x".repeat(400_000);
    const spans = splitSentences(text);
    expect(spans).toHaveLength(1000);
  });

  it("returns trimmed, ordered, non-overlapping spans inside the text for any input", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", " ", ".", "?", "\n", "-", "1", ")", '"', "M", "r"), maxLength: 300 }), (text) => {
        let previousEnd = 0;
        for (const { start, end } of splitSentences(text)) {
          expect(start).toBeGreaterThanOrEqual(previousEnd);
          expect(end).toBeGreaterThan(start);
          expect(end).toBeLessThanOrEqual(text.length);
          const sentence = text.slice(start, end);
          expect(sentence).toBe(sentence.trim());
          previousEnd = end;
        }
      }),
    );
  });
});
