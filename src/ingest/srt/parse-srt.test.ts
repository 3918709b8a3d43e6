import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../config.ts";
import { AppError } from "../../errors.ts";
import { decodeText } from "../decode-text.ts";
import { ParseContext } from "../parse-context.ts";
import type { ParsedBody } from "../parsed-body.ts";
import { parseSrt } from "./parse-srt.ts";

const FIXTURES = new URL("../../../fixtures/formats/srt/", import.meta.url);

function parseBytes(bytes: Uint8Array, filename = "call.srt"): ParsedBody {
  const body = parseSrt({ filename, bytes, text: decodeText(bytes).text }, new ParseContext(filename, DEFAULT_LIMITS));
  for (const segment of body.segments) expect(body.text.slice(segment.charStart, segment.charEnd)).toBe(segment.text);
  return body;
}

const parseText = (text: string) => parseBytes(new TextEncoder().encode(text));
const parseFixture = (name: string) => parseBytes(new Uint8Array(readFileSync(new URL(name, FIXTURES))), name);

function rejection(text: string): AppError {
  try {
    parseText(text);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected the file to be rejected");
}

describe("parseSrt on a review call", () => {
  const body = parseFixture("review-call.srt");

  it("reads names, multi-line text, a cue without index and dot milliseconds", () => {
    expect(body.format).toBe("srt");
    expect(body.segments.map((s) => [s.speaker, s.startMs, s.endMs, s.text])).toEqual([
      [null, 1000, 3500, "Quarterly review call — fictional"],
      ["Jordan Lee", 4000, 10_100, "We're seeing latency spikes every Monday morning. That's when the batch imports run."],
      ["Ana Costa", 11_000, 14_000, "We can move the imports to Sunday night."],
      [null, 15_000, 18_000, "Would that need a change request?"],
      [null, 15_000, 18_000, "Yes, through the platform team."],
      ["Ana Costa", 18_500, 21_000, "I'll open it today."],
    ]);
  });

  it("lists the named speakers and leaves no tags or index numbers in the text", () => {
    expect(body.participants).toEqual([{ name: "Jordan Lee" }, { name: "Ana Costa" }]);
    expect(body.text).not.toMatch(/<|\{\\|^\d+$/m);
  });
});

describe("parseSrt input variants", () => {
  it("reads UTF-16 with a BOM and CRLF line ends", () => {
    const body = parseFixture("utf16-bom.srt");
    expect(body.segments).toEqual([
      expect.objectContaining({
        speaker: "Renée Dubois",
        startMs: 500,
        endMs: 4000,
        text: "Bonjour, ça va ? On signe vendredi.",
      }),
    ]);
  });

  it("keeps text after a blank line inside a cue and drops the next cue's index", () => {
    const body = parseText("1\n00:00:01,000 --> 00:00:02,000\nFirst part\n\nsecond part.\n\n2\n00:00:02,000 --> 00:00:03,000\n42\n");
    expect(body.text).toBe("First part second part. 42");
  });

  it("skips the text of a cue whose timing is broken and keeps the others", () => {
    const body = parseText(
      "1\n00:00:01,000 --> 00:00:02,000\nKept.\n\n2\n00:00:0x,000 --> 00:00:03,000\nDropped.\n\n3\n00:00:04,000 --> 00:00:05,000\nAlso kept.\n",
    );
    expect(body.text).toBe("Kept. Also kept.");
  });

  it("reads >> markers and an arrow inside the text", () => {
    const body = parseText("1\n00:00:01,000 --> 00:00:02,000\n>> Is A --> B the plan?\n>> It is.\n");
    expect(body.segments.map((s) => s.text)).toEqual(["Is A --> B the plan?", "It is."]);
  });
});

describe("parseSrt rejections", () => {
  it("rejects text with no timing lines", () => {
    expect(rejection("1\n").message).toBe("no SRT cues found (no cue timing lines)");
  });

  it("names unreadable timings and empty cues", () => {
    expect(rejection("1\n00:00:61,000 --> 00:00:62,000\nx\n").message).toBe(
      "no SRT cues with valid timings (1 timing line could not be read)",
    );
    expect(rejection("some text\n00:00:00,500 --> 00:00:07,000").message).toBe("SRT file has 1 cue but no caption text");
  });
});
