import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../config.ts";
import { isAppError } from "../../errors.ts";
import { ParseContext } from "../parse-context.ts";
import type { ParsedBody } from "../parsed-body.ts";
import { parseSbv } from "./parse-sbv.ts";
import { parseSrt } from "./parse-srt.ts";

const FRAGMENTS = [
  "\n",
  "\n\n",
  "1",
  "00:00:01,000 --> 00:00:02,000",
  "00:00:03.5 --> 00:00:01,000",
  "0:00:00.378,0:00:11.378",
  "9:99:99.999,0:00:01.000",
  "-->",
  "<i>",
  "</i>",
  '<font color="red">',
  "</font>",
  "{\\an8}",
  ">>",
  "- ",
  "Jordan Lee: ",
  "&amp;",
  " ",
  "\t",
  "we agreed",
  "the price.",
  "ça",
  "\ud800",
];

const srtLike = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })), { maxLength: 80 })
  .map((parts) => parts.join(""));

type Parser = typeof parseSrt;

function expectWellFormedOrRejected(parse: Parser, text: string): void {
  let body: ParsedBody;
  try {
    body = parse({ filename: "x", bytes: new Uint8Array(), text }, new ParseContext("x", DEFAULT_LIMITS));
  } catch (error) {
    if (!isAppError(error)) throw error;
    expect(error.message).not.toMatch(/\n/);
    return;
  }
  expect(body.segments.length).toBeGreaterThan(0);
  for (const segment of body.segments) {
    expect(body.text.slice(segment.charStart, segment.charEnd)).toBe(segment.text);
    expect(segment.text).not.toBe("");
  }
}

describe.each([
  ["parseSrt", parseSrt],
  ["parseSbv", parseSbv],
])("%s properties", (_name, parse) => {
  it("keeps the offset invariant or rejects with a one-line AppError", () => {
    fc.assert(
      fc.property(srtLike, (text) => expectWellFormedOrRejected(parse, text)),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => expectWellFormedOrRejected(parse, text)),
      { numRuns: 150 },
    );
  });

  it("stays linear on pathological input", () => {
    for (const text of [
      `1\n00:00:01,000 --> 00:00:02,000\n${"<".repeat(400_000)}`,
      `1\n00:00:01,000 --> 00:00:02,000\n${"\n".repeat(400_000)}1`,
      "1\n00:00:01,000 --> 00:00:02,000\nA: b\n\n".repeat(10_000),
      "0:00:01.000,0:00:02.000\n".repeat(20_000),
    ]) {
      // A quadratic path would take minutes here; `npm run bench parse` measures these inputs.
      expectWellFormedOrRejected(parse, text);
    }
  });
});
