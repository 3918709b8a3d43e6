import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeMarkdownText } from "./escape-markdown-text.ts";

/** Characters of `text` that Markdown would read as syntax: not preceded by an odd run of backslashes. */
function unescaped(text: string, characters: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < text.length; i += 1) {
    if (!characters.includes(text[i]!)) continue;
    let backslashes = 0;
    for (let j = i - 1; j >= 0 && text[j] === "\\"; j -= 1) backslashes += 1;
    if (backslashes % 2 === 0) found.push(text[i]!);
  }
  return found;
}

const HOSTILE = [
  "<img src=x onerror=alert(1)>",
  "[x](javascript:alert(1))",
  "\\[x\\](javascript:alert(1))",
  "![p](https://tracker.example/p.png)",
  "[a]: javascript:alert(1)",
  "<javascript:alert(1)>",
  "[x](JaVaScRiPt:alert(1))",
  "[x](data:text/html;base64,PHNjcmlwdD4=)",
  "`\\`[x](vbscript:msgbox)",
];

describe("escapeMarkdownText", () => {
  it("leaves no tag, autolink, link, image or definition in hostile source text", () => {
    for (const value of HOSTILE) {
      const escaped = escapeMarkdownText(value);
      expect(escaped, value).not.toMatch(/</);
      expect(unescaped(escaped, "[]"), value).toEqual([]);
    }
    expect(escapeMarkdownText("<img src=x onerror=alert(1)>")).toBe("&lt;img src=x onerror=alert(1)&gt;");
    expect(escapeMarkdownText("[x](javascript:alert(1))")).toBe("\\[x\\](javascript:alert(1))");
  });

  it("keeps any generated text on one line with every bracket escaped and no raw <", () => {
    const pieces = fc.constantFrom("\\", "[", "]", "(", ")", "<", ">", "!", ":", "`", "javascript:", "http://x", "\n", " ", "a", "&lt;");
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(pieces).map((parts) => parts.join("")),
        ),
        (text) => {
          const escaped = escapeMarkdownText(text);
          expect(escaped).not.toMatch(/[<\n\r]/);
          expect(unescaped(escaped, "[]")).toEqual([]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("changes ordinary text not at all", () => {
    expect(escapeMarkdownText("We need the pilot live before March 3 (peak season), at $180K & 22 terminals.")).toBe(
      "We need the pilot live before March 3 (peak season), at $180K & 22 terminals.",
    );
  });
});
