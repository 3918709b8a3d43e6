import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../config.ts";
import { AppError } from "../../errors.ts";
import { decodeText } from "../decode-text.ts";
import { ParseContext } from "../parse-context.ts";
import type { ParsedBody } from "../parsed-body.ts";
import { parseSbv } from "./parse-sbv.ts";

function parseBytes(bytes: Uint8Array): ParsedBody {
  const body = parseSbv({ filename: "demo.sbv", bytes, text: decodeText(bytes).text }, new ParseContext("demo.sbv", DEFAULT_LIMITS));
  for (const segment of body.segments) expect(body.text.slice(segment.charStart, segment.charEnd)).toBe(segment.text);
  return body;
}

const parseText = (text: string) => parseBytes(new TextEncoder().encode(text));

describe("parseSbv", () => {
  it("reads a YouTube SBV file with names, markers and multi-line cues", () => {
    const body = parseBytes(new Uint8Array(readFileSync(new URL("../../../fixtures/formats/srt/product-demo.sbv", import.meta.url))));
    expect(body.format).toBe("sbv");
    expect(body.segments.map((s) => [s.speaker, s.startMs, s.endMs, s.text])).toEqual([
      ["Kim Park", 500, 6800, "Welcome back to the product demo. Today we'll cover the approval workflow and the audit log."],
      [null, 7000, 9500, "Can the audit log be exported?"],
      ["Kim Park", 9700, 12_000, "Yes, as CSV or through the API."],
    ]);
    expect(body.participants).toEqual([{ name: "Kim Park" }]);
  });

  it("keeps a cue whose end is before its start, as zero-length", () => {
    expect(parseText("0:00:17.484,0:00:16.543\nLate cue.\n").segments[0]).toMatchObject({
      startMs: 17_484,
      endMs: 17_484,
    });
  });

  it("skips a cue with an impossible time and rejects when none is left", () => {
    const body = parseText("0:00:01.000,0:00:02.000\nKept.\n\n0:00:61.000,0:00:62.000\nDropped.\n");
    expect(body.text).toBe("Kept.");
    let error: unknown;
    try {
      parseText("0:00:61.000,0:00:62.000\nDropped.\n");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe("no SBV cues with valid timings (1 timing line could not be read)");
  });
});
