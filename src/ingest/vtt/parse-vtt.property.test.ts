import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../config.ts";
import { isAppError } from "../../errors.ts";
import { ParseContext } from "../parse-context.ts";
import { parseVtt } from "./parse-vtt.ts";

// Pieces of real WebVTT syntax, so random files reach deep into the parser rather than failing at line 1.
const FRAGMENTS = [
  "WEBVTT",
  "\n",
  "\n\n",
  "00:00:01.000 --> 00:00:02.000",
  "00:01.5 --> 00:00.000 align:start",
  "-->",
  "1",
  "NOTE",
  "STYLE",
  "<v Ana>",
  "<v.loud Bo Li>",
  "</v>",
  "<c.red>",
  "</c>",
  "<00:00:01.500>",
  "<ruby>",
  "<rt>",
  "</rt>",
  "<",
  ">",
  ">>",
  ">> CHAIR:",
  "- ",
  "Dana Whitfield: ",
  "Note: ",
  "&amp;",
  "&#x1F600;",
  "&#0;",
  "&lrm;",
  "{\\an8}",
  " ",
  "\t",
  "\u00a0",
  "we will",
  "sign.",
  "budget?",
  "é",
  "\ud83d",
  "99:99:99.999",
];

const vttLike = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })), { maxLength: 80 })
  .map((parts) => parts.join(""));

function run(text: string) {
  const bytes = new TextEncoder().encode(text);
  return parseVtt({ filename: "x.vtt", bytes, text }, new ParseContext("x.vtt", DEFAULT_LIMITS));
}

function expectWellFormedOrRejected(text: string): void {
  try {
    const body = run(text);
    expect(body.segments.length).toBeGreaterThan(0);
    for (const segment of body.segments) {
      expect(body.text.slice(segment.charStart, segment.charEnd)).toBe(segment.text);
      expect(segment.text).toBe(segment.text.trim());
      expect(segment.text).not.toBe("");
      if (segment.startMs !== null && segment.endMs !== null) expect(segment.endMs).toBeGreaterThanOrEqual(segment.startMs);
    }
  } catch (error) {
    if (!isAppError(error)) throw error;
    expect(error.message).not.toMatch(/\n/);
  }
}

describe("parseVtt properties", () => {
  it("keeps the offset invariant or rejects with a one-line AppError, for WebVTT-like input", () => {
    fc.assert(
      fc.property(vttLike, (text) => expectWellFormedOrRejected(`WEBVTT\n\n${text}`)),
      { numRuns: 400 },
    );
  });

  it("never throws anything but AppError on arbitrary text", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), expectWellFormedOrRejected), { numRuns: 300 });
  });

  it("stays linear on pathological input", () => {
    const size = 400_000;
    const inputs = [
      `WEBVTT\n\n00:01.000 --> 00:02.000\n${"<".repeat(size)}`,
      `WEBVTT\n\n00:01.000 --> 00:02.000\n${"<v ".repeat(size / 3)}`,
      `WEBVTT\n\n00:01.000 --> 00:02.000\n${"&#".repeat(size / 2)}`,
      `WEBVTT\n\n00:01.000 --> 00:02.000\n${">>".repeat(size / 2)}`,
      `WEBVTT\n\n${"0".repeat(size)}:00 --> 00:01.000\ntext`,
      `WEBVTT\n\n${"-->".repeat(size / 3)}`,
      `WEBVTT\n\n${"00:01.000 --> 00:02.000\nA: a\n".repeat(size / 30)}`,
    ];
    // A quadratic path on 400 KB would take minutes; `npm run bench parse` measures these inputs.
    for (const text of inputs) expectWellFormedOrRejected(text);
  });
});
