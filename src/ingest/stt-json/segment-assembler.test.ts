import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../config.ts";
import { ParseContext } from "../parse-context.ts";
import { SegmentAssembler, type SpeechPiece } from "./segment-assembler.ts";

function assemble(pieces: SpeechPiece[]) {
  const out = new SegmentAssembler(new ParseContext("t.json", DEFAULT_LIMITS));
  for (const piece of pieces) out.push(piece);
  const body = out.finish("json:test");
  for (const segment of body.segments) expect(body.text.slice(segment.charStart, segment.charEnd)).toBe(segment.text);
  return body;
}

const word = (speaker: unknown, startMs: number, text: string, extra: Partial<SpeechPiece> = {}): SpeechPiece => ({
  speaker,
  startMs,
  endMs: startMs + 400,
  text,
  ...extra,
});

describe("SegmentAssembler", () => {
  it("joins consecutive pieces of one speaker, keeping the first start and the last end", () => {
    const body = assemble([word("A", 0, "Hello"), word("A", 500, "there."), word("B", 1200, "Hi.")]);
    expect(body.segments.map((s) => [s.speaker, s.startMs, s.endMs, s.text])).toEqual([
      ["Speaker A", 0, 900, "Hello there."],
      ["Speaker B", 1200, 1600, "Hi."],
    ]);
  });

  it("attaches punctuation without a space and never lets it start a segment of its own", () => {
    const body = assemble([word("A", 0, "Ready"), word("B", 0, "?", { attach: true }), word("B", 900, "Yes")]);
    expect(body.segments.map((s) => [s.speaker, s.text])).toEqual([
      ["Speaker A", "Ready?"],
      ["Speaker B", "Yes"],
    ]);
  });

  it("starts a new segment at a paragraph break even for the same speaker", () => {
    const body = assemble([word("x1", 0, "One."), word("x1", 500, "Two.", { breakBefore: true })]);
    expect(body.segments.map((s) => s.text)).toEqual(["One.", "Two."]);
  });

  it("skips blank pieces without losing a paragraph break they carry", () => {
    const body = assemble([word(null, 0, "One."), word(null, 400, "  ", { breakBefore: true }), word(null, 800, "Two.")]);
    expect(body.segments.map((s) => s.text)).toEqual(["One.", "Two."]);
  });

  it("cuts a long monologue at a sentence end after about 1,000 characters", () => {
    const sentence = "We need the rollout plan signed before the quarter closes next month.";
    const pieces = Array.from({ length: 40 }, (_, i) => word("spk_0", i * 1000, sentence));
    const body = assemble(pieces);
    expect(body.segments.length).toBeGreaterThan(1);
    for (const segment of body.segments) {
      expect(segment.text.length).toBeLessThan(1200);
      expect(segment.text.endsWith(".")).toBe(true);
      expect(segment.speaker).toBe("spk_0");
    }
  });

  it("cuts at a sentence end once a segment spans 60 seconds", () => {
    const pieces = Array.from({ length: 10 }, (_, i) => word("A", i * 15_000, "Short point."));
    const body = assemble(pieces);
    expect(body.segments.map((s) => s.startMs)).toEqual([0, 75_000]);
  });

  it("cuts unpunctuated speech between words past 2,000 characters", () => {
    const pieces = Array.from({ length: 600 }, (_, i) => word("A", i * 100, "lorem"));
    const body = assemble(pieces);
    expect(body.segments.length).toBe(2);
    expect(body.segments[0]!.text.length).toBeGreaterThanOrEqual(2000);
    expect(body.segments[1]!.startMs).toBe(body.segments[0]!.endMs! - 300);
  });

  it("splits one long utterance at sentence ends with times interpolated by position", () => {
    const text = Array.from({ length: 60 }, (_, i) => `Sentence number ${i} is here.`).join(" ");
    const body = assemble([{ speaker: "Ana", startMs: 0, endMs: 100_000, text }]);
    expect(body.segments.length).toBeGreaterThan(1);
    expect(body.segments[0]!.startMs).toBe(0);
    expect(body.segments.at(-1)!.endMs).toBe(100_000);
    const starts = body.segments.map((s) => s.startMs!);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(body.segments.map((s) => s.text).join(" ")).toBe(text);
  });

  it("splits a long utterance whose parts stay long without a sentence end", () => {
    const text = `${"a".repeat(900)}. ${"b ".repeat(800)}`;
    const body = assemble([{ speaker: "Ana", startMs: 0, endMs: 10_000, text }]);
    expect(body.segments.map((s) => s.text.length)).toEqual([1999, 501]);
    expect(body.segments.map((s) => s.text).join(" ")).toBe(text.trim());
  });

  it("gives every part of a long utterance its start when it has no end", () => {
    const text = "This is long. ".repeat(200);
    const body = assemble([{ speaker: "Ana", startMs: 5000, endMs: null, text }]);
    expect(body.segments.length).toBeGreaterThan(1);
    expect(new Set(body.segments.map((s) => s.startMs))).toEqual(new Set([5000]));
  });

  it("labels bare ids consistently and lists participants in order of first segment", () => {
    const body = assemble([word(1, 0, "Hi."), word("spk_3", 500, "Hello."), word("1", 900, "Bye.")]);
    expect(body.segments.map((s) => s.speaker)).toEqual(["Speaker 1", "spk_3", "Speaker 1"]);
    expect(body.participants).toEqual([{ name: "Speaker 1", labels: ["1"] }, { name: "spk_3" }]);
  });

  it("does not list a speaker whose pieces were all blank", () => {
    const body = assemble([word("Ghost", 0, " "), word("Ana", 100, "Hi.")]);
    expect(body.participants).toEqual([{ name: "Ana" }]);
  });
});
