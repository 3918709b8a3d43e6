import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../config.ts";
import { ParseContext } from "../parse-context.ts";
import type { JsonRecord } from "./json-values.ts";
import { parseGoogleStt } from "./parse-google-stt.ts";
import { SegmentAssembler } from "./segment-assembler.ts";

function rows(root: JsonRecord) {
  const context = new ParseContext("t.json", DEFAULT_LIMITS);
  const out = new SegmentAssembler(context);
  parseGoogleStt(root, out, context);
  return out.finish("json:google").segments.map((s) => [s.speaker, s.startMs, s.endMs, s.text]);
}

const result = (transcript: string, words: JsonRecord[], extra: JsonRecord = {}) => ({ alternatives: [{ transcript, words }], ...extra });

describe("parseGoogleStt", () => {
  it("reads one segment per result when there is no diarization", () => {
    const root = {
      results: [
        result("Hello there.", [{ startTime: { seconds: "1" }, endTime: { seconds: "1", nanos: 500000000 }, word: "Hello" }]),
        result(" Second part.", [], { resultEndTime: "9.250s" }),
      ],
    };
    expect(rows(root)).toEqual([[null, 1000, 9250, "Hello there. Second part."]]);
  });

  it("reads tagged words of every result when none repeats the whole file (v2 offsets and labels)", () => {
    const root = {
      results: [
        result("Hi.", [{ startOffset: "0.5s", endOffset: "0.9s", word: "Hi.", speakerLabel: "1" }]),
        result("Yo.", [{ startOffset: "2s", endOffset: "2.4s", word: "Yo.", speakerLabel: "2" }]),
      ],
    };
    expect(rows(root)).toEqual([
      ["Speaker 1", 500, 900, "Hi."],
      ["Speaker 2", 2000, 2400, "Yo."],
    ]);
  });

  it("does not repeat text when the last result restates every word with speaker tags", () => {
    const words = [
      { startTime: "0.5s", endTime: "0.9s", word: "Ready?" },
      { startTime: "2s", endTime: "2.4s", word: "Yes." },
    ];
    const root = {
      results: [
        result("Ready?", [words[0]!]),
        result("Yes.", [words[1]!]),
        result("", [
          { ...words[0], speakerTag: 1 },
          { ...words[1], speakerTag: 2 },
        ]),
      ],
    };
    expect(rows(root)).toEqual([
      ["Speaker 1", 500, 900, "Ready?"],
      ["Speaker 2", 2000, 2400, "Yes."],
    ]);
  });

  it("names channels when results come from several", () => {
    const root = {
      results: [result("Agent here.", [], { channelTag: 1 }), result("Caller here.", [], { channelTag: 2 })],
    };
    expect(rows(root).map((row) => row[0])).toEqual(["Channel 1", "Channel 2"]);
  });
});
