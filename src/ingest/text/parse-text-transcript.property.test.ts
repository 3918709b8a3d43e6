import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../config.ts";
import { isAppError } from "../../errors.ts";
import { ParseContext } from "../parse-context.ts";
import { parseTextTranscript } from "./parse-text-transcript.ts";

// Lines built from the pieces the recognizer looks for, so the generator reaches its branches.
const piece = fc.constantFrom(
  "**",
  "Sarah",
  "Sarah Chen",
  "CSR",
  "Speaker 1",
  ":",
  ": ",
  "\t",
  " ",
  "  ",
  "[",
  "]",
  "(",
  ")",
  "\\[",
  "\\]",
  "00:01:02",
  "0:05",
  "10:30",
  "# ",
  "---",
  "- ",
  "> ",
  "Date",
  "Attendees",
  "Participants",
  "From ",
  " to Everyone",
  'Reacted to "x" with ',
  "2025-02-10",
  "January 15, 2024",
  "(VP Sales, Acme)",
  ",",
  ";",
  " and ",
  "Note",
  "text",
  "é",
  "🙂",
  "\\",
);
const line = fc.oneof(
  fc.array(piece, { maxLength: 8 }).map((parts) => parts.join("")),
  fc.string({ maxLength: 40 }),
);
const document = fc.array(line, { maxLength: 40 }).map((lines) => lines.join("\n"));

function run(text: string, format: "text" | "markdown") {
  const context = new ParseContext("p.txt", DEFAULT_LIMITS);
  return parseTextTranscript({ filename: "p.txt", bytes: new Uint8Array(), text }, context, format);
}

describe("parseTextTranscript on arbitrary input", () => {
  it("throws only AppError and keeps every segment an exact slice of the text", () => {
    fc.assert(
      fc.property(document, fc.constantFrom("text" as const, "markdown" as const), (text, format) => {
        let body: ReturnType<typeof run>;
        try {
          body = run(text, format);
        } catch (error) {
          expect(isAppError(error)).toBe(true);
          return;
        }
        for (const segment of body.segments) {
          expect(body.text.slice(segment.charStart, segment.charEnd)).toBe(segment.text);
          expect(segment.text.trim()).toBe(segment.text);
          expect(segment.text).not.toBe("");
        }
      }),
      { numRuns: 1500 },
    );
  });

  // Its time is measured by `npm run bench parse` (worst-case inputs).
  it("reads adversarial long lines with the offset invariant", () => {
    const hostile = [
      `${"Sarah ".repeat(50_000)}:`,
      `Attendees: ${"Ana and ".repeat(50_000)}`,
      `${"[".repeat(100_000)}00:01`,
      `${"- ".repeat(100_000)}`,
      `${"a:".repeat(100_000)}`,
      `${"1:1".repeat(100_000)}`,
      `${"**".repeat(100_000)}x`,
      `# ${" #".repeat(100_000)}x`,
      `Participants:\n- ${"a".repeat(200_000)}`,
      `Date: ${"Jan ".repeat(100_000)}`,
    ].join("\n");
    const body = run(hostile, "markdown");
    expect(body.segments.length).toBeGreaterThan(0);
    for (const segment of body.segments) expect(body.text.slice(segment.charStart, segment.charEnd)).toBe(segment.text);
  });
});
