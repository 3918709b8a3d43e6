import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../config.ts";
import { ParseContext } from "../parse-context.ts";
import { CaptionSegmentWriter } from "./caption-segment-writer.ts";

type Turn = [speaker: string | null, startMs: number, endMs: number, text: string, newTurn?: boolean];

function write(...turns: Turn[]) {
  const writer = new CaptionSegmentWriter(new ParseContext("x.vtt", DEFAULT_LIMITS));
  for (const [speaker, startMs, endMs, text, newTurn = false] of turns) writer.write(speaker, startMs, endMs, text, newTurn);
  return writer;
}

const texts = (writer: CaptionSegmentWriter) => writer.finish().segments.map((s) => s.text);

describe("CaptionSegmentWriter", () => {
  it("merges consecutive turns of one named speaker, keeping the first start and last end", () => {
    const { segments } = write(["Ana", 1000, 2000, "One."], ["Ana", 2500, 4000, "Two."], ["Bo", 4000, 5000, "Three."]).finish();
    expect(segments.map((s) => [s.speaker, s.startMs, s.endMs, s.text])).toEqual([
      ["Ana", 1000, 4000, "One. Two."],
      ["Bo", 4000, 5000, "Three."],
    ]);
  });

  it("never merges across a speaker-change marker", () => {
    expect(texts(write([null, 0, 1000, "so we"], [null, 1000, 2000, "agreed", true]))).toEqual(["so we", "agreed"]);
  });

  it("merges unnamed fragments until a sentence ends in a long enough segment", () => {
    expect(
      texts(
        write(
          [null, 0, 1, "Yes."],
          [null, 1, 2, "we can do the pilot in March with the"],
          [null, 2, 3, "two warehouses in Ohio."],
          [null, 3, 4, "Next."],
        ),
      ),
    ).toEqual(["Yes. we can do the pilot in March with the two warehouses in Ohio.", "Next."]);
  });

  it("splits unnamed text at a pause only once the segment is a sentence or long", () => {
    expect(texts(write([null, 0, 1000, "the budget is"], [null, 4000, 5000, "approved"]))).toEqual(["the budget is approved"]);
    expect(texts(write([null, 0, 1000, "Budget approved."], [null, 4000, 5000, "next"]))).toEqual(["Budget approved.", "next"]);
    expect(texts(write([null, 0, 1000, "the budget is"], [null, 12_000, 13_000, "approved"]))).toEqual(["the budget is", "approved"]);
  });

  it("cuts a named monologue at a sentence end after about a thousand characters", () => {
    const sentence = "We will roll out to every regional team before the end of the quarter.";
    const turns: Turn[] = Array.from({ length: 30 }, (_, i) => ["Ana", i * 1000, i * 1000 + 900, sentence]);
    const { segments } = write(...turns).finish();
    expect(segments.length).toBe(2);
    expect(segments[0]!.text.length).toBeGreaterThanOrEqual(1000);
    expect(segments[1]!.startMs).toBe(segments[0]!.endMs! + 100);
  });

  it("stretches the last end for a repeat-only cue and never pulls an end back", () => {
    const writer = write(["Ana", 0, 5000, "Long cue."], ["Ana", 1000, 2000, "Overlapping cue."]);
    writer.stretch(7000);
    expect(writer.finish().segments[0]).toMatchObject({ startMs: 0, endMs: 7000 });
  });
});
