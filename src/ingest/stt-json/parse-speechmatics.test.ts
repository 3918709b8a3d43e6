import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../config.ts";
import { ParseContext } from "../parse-context.ts";
import type { JsonRecord } from "./json-values.ts";
import { SegmentAssembler } from "./segment-assembler.ts";
import { parseSpeechmatics } from "./parse-speechmatics.ts";

function texts(root: JsonRecord) {
  const context = new ParseContext("t.json", DEFAULT_LIMITS);
  const out = new SegmentAssembler(context);
  parseSpeechmatics(root, out, context);
  return out.finish("json:speechmatics").segments.map((s) => [s.speaker, s.text]);
}

const entry = (type: string, content: string, start: number, extra: JsonRecord = {}) => ({
  type,
  start_time: start,
  end_time: start + 0.2,
  alternatives: [{ content, speaker: "S1" }],
  ...extra,
});

describe("parseSpeechmatics", () => {
  it("joins punctuation that attaches to both sides without spaces", () => {
    const root = {
      results: [
        entry("word", "state", 0),
        entry("punctuation", "-", 0.2, { attaches_to: "both" }),
        entry("word", "of", 0.3),
        entry("punctuation", "-", 0.5, { attaches_to: "both" }),
        entry("word", "the", 0.6),
        entry("punctuation", "-", 0.8, { attaches_to: "both" }),
        entry("word", "art", 0.9),
      ],
    };
    expect(texts(root)).toEqual([["S1", "state-of-the-art"]]);
  });

  it("cuts a long monologue only where the vendor marks a sentence end (is_eos)", () => {
    const monologue = (isEos: boolean) => ({
      results: [0, 10, 20, 60, 70].flatMap((start) => [
        ...Array.from({ length: 30 }, (_, i) => entry("word", "word", start + i * 0.3)),
        entry("punctuation", ".", start + 9, { attaches_to: "previous", is_eos: isEos }),
      ]),
    });
    expect(texts(monologue(true)).length).toBe(2);
    // A "." that is not a sentence end (an abbreviation) does not end a segment.
    expect(texts(monologue(false)).length).toBe(1);
  });

  it("uses the channel when words carry no speaker", () => {
    const root = { results: [{ type: "word", start_time: 0, end_time: 1, channel: "channel_2", alternatives: [{ content: "Hi" }] }] };
    expect(texts(root)).toEqual([["channel_2", "Hi"]]);
  });
});
