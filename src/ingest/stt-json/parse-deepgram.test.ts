import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../config.ts";
import { ParseContext } from "../parse-context.ts";
import type { JsonRecord } from "./json-values.ts";
import { parseDeepgram } from "./parse-deepgram.ts";
import { SegmentAssembler } from "./segment-assembler.ts";

function rows(root: JsonRecord) {
  const context = new ParseContext("t.json", DEFAULT_LIMITS);
  const out = new SegmentAssembler(context);
  parseDeepgram(root, out, context);
  return out.finish("json:deepgram").segments.map((s) => [s.speaker, s.startMs, s.endMs, s.text]);
}

describe("parseDeepgram", () => {
  it("prefers utterances when the response has them", () => {
    const root = {
      results: {
        channels: [{ alternatives: [{ transcript: "ignored", words: [] }] }],
        utterances: [
          { start: 0.5, end: 1.25, transcript: "Is SOC 2 done?", speaker: 1, channel: 0 },
          { start: 1.5, end: 3, transcript: "Yes, in May.", speaker: 0, channel: 0 },
        ],
      },
    };
    expect(rows(root)).toEqual([
      ["Speaker 1", 500, 1250, "Is SOC 2 done?"],
      ["Speaker 0", 1500, 3000, "Yes, in May."],
    ]);
  });

  it("groups diarized words by speaker using their punctuated form", () => {
    const words = [
      { word: "hi", punctuated_word: "Hi,", start: 0.1, end: 0.3, speaker: 0 },
      { word: "all", punctuated_word: "all.", start: 0.3, end: 0.6, speaker: 0 },
      { word: "hey", punctuated_word: "Hey.", start: 1, end: 1.2, speaker: 1 },
    ];
    expect(rows({ results: { channels: [{ alternatives: [{ transcript: "", words }] }] } })).toEqual([
      ["Speaker 0", 100, 600, "Hi, all."],
      ["Speaker 1", 1000, 1200, "Hey."],
    ]);
  });

  it("interleaves separate channels by time and names them", () => {
    const channel = (word: string, start: number) => ({
      alternatives: [{ transcript: word, words: [{ word, punctuated_word: word, start, end: start + 0.5 }] }],
    });
    const root = { results: { channels: [channel("Agent.", 0), channel("Caller.", 1), channel("Third.", 0.5)] } };
    expect(rows(root).map((row) => [row[0], row[3]])).toEqual([
      ["Channel 1", "Agent."],
      ["Channel 3", "Third."],
      ["Channel 2", "Caller."],
    ]);
  });
});
