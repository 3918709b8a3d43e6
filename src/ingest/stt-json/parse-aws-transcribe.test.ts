import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../config.ts";
import { AppError } from "../../errors.ts";
import { ParseContext } from "../parse-context.ts";
import type { JsonRecord } from "./json-values.ts";
import { parseAwsTranscribe } from "./parse-aws-transcribe.ts";
import { SegmentAssembler } from "./segment-assembler.ts";

function rows(root: JsonRecord) {
  const context = new ParseContext("t.json", DEFAULT_LIMITS);
  const out = new SegmentAssembler(context);
  parseAwsTranscribe(root, out, context);
  return out.finish("json:aws-transcribe").segments.map((s) => [s.speaker, s.startMs, s.endMs, s.text]);
}

const word = (content: string, start: string, end: string, extra: JsonRecord = {}) => ({
  type: "pronunciation",
  start_time: start,
  end_time: end,
  alternatives: [{ content }],
  ...extra,
});
const mark = (content: string) => ({ type: "punctuation", alternatives: [{ content }] });

describe("parseAwsTranscribe", () => {
  it("reads speaker labels written on the items themselves", () => {
    const root = {
      results: {
        items: [
          word("Yes", "0.1", "0.4", { speaker_label: "spk_1" }),
          mark("."),
          word("No", "1.0", "1.3", { speaker_label: "spk_0" }),
          mark("!"),
        ],
      },
    };
    expect(rows(root)).toEqual([
      ["spk_1", 100, 400, "Yes."],
      ["spk_0", 1000, 1300, "No!"],
    ]);
  });

  it("falls back to channel labels when there are no speaker labels", () => {
    const root = {
      results: {
        channel_labels: {
          channels: [
            { channel_label: "ch_0", items: [{ start_time: "0.1", end_time: "0.4" }] },
            { channel_label: "ch_1", items: [{ start_time: "1.0", end_time: "1.3" }] },
          ],
        },
        items: [word("Hello", "0.1", "0.4"), word("Hi", "1.0", "1.3")],
      },
    };
    expect(rows(root).map((row) => row[0])).toEqual(["ch_0", "ch_1"]);
  });

  it("reads the plain transcript when there are no items", () => {
    expect(rows({ results: { transcripts: [{ transcript: "Only text." }], items: [] } })).toEqual([[null, null, null, "Only text."]]);
  });

  it("rejects a job that has not completed", () => {
    expect(() => rows({ status: "IN_PROGRESS", results: { transcripts: [] } })).toThrow(AppError);
  });
});
