import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../config.ts";
import { AppError } from "../../errors.ts";
import { ParseContext } from "../parse-context.ts";
import { cleanTurnText, parseGenericTurns } from "./parse-generic-turns.ts";
import { SegmentAssembler } from "./segment-assembler.ts";

function parse(root: unknown) {
  const out = new SegmentAssembler(new ParseContext("t.json", DEFAULT_LIMITS));
  const details = parseGenericTurns(root, out, new ParseContext("t.json", DEFAULT_LIMITS));
  const body = out.finish("json:generic");
  return { ...body, ...details, rows: body.segments.map((s) => [s.speaker, s.startMs, s.endMs, s.text]) };
}

describe("parseGenericTurns", () => {
  it("reads a top-level array of turns under any field names", () => {
    const { rows } = parse([
      { speaker_label: "Ana", transcript: "Hi.", start_time: 1.5, end_time: 2 },
      { name: "Bo", utterance: "Hello.", startTime: 2.25, endTime: 3 },
    ]);
    expect(rows).toEqual([
      ["Ana", 1500, 2000, "Hi."],
      ["Bo", 2250, 3000, "Hello."],
    ]);
  });

  it("picks the array of turns among other top-level arrays (QMSum)", () => {
    const { rows } = parse({
      topic_list: [{ topic: "Agenda", relevant_text_span: [["0", "2"]] }],
      general_query_list: [{ query: "Summarize the whole meeting.", answer: "They met." }],
      meeting_transcripts: [
        { speaker: "Project Manager", content: "Okay . {vocalsound} Welcome everyone ." },
        { speaker: "Marketing", content: "{vocalsound}" },
        { speaker: "Marketing", content: "Is this okay ? {disfmarker}" },
      ],
    });
    expect(rows).toEqual([
      ["Project Manager", null, null, "Okay. Welcome everyone."],
      ["Marketing", null, null, "Is this okay?"],
    ]);
  });

  it("finds turns one level down", () => {
    expect(parse({ data: { lines: [{ role: "Buyer", message: "Price?" }] } }).rows).toEqual([["Buyer", null, null, "Price?"]]);
  });

  it("reads whole-number times as seconds when they are small", () => {
    expect(parse([{ speaker: "A1", text: "x", start: 5, end: 9 }]).rows).toEqual([["A1", 5000, 9000, "x"]]);
  });

  it("reads whole-number times as milliseconds when they are large", () => {
    const { rows } = parse([
      { speaker: "A1", text: "x", start: 1100, end: 2100 },
      { speaker: "B1", text: "y", start: 29_710, end: 40_160 },
    ]);
    expect(rows.map((row) => [row[1], row[2]])).toEqual([
      [1100, 2100],
      [29_710, 40_160],
    ]);
  });

  it("trusts a field name that says milliseconds (Amazon call analytics)", () => {
    const { rows } = parse({
      Transcript: [{ ParticipantRole: "AGENT", Content: "Hello.", BeginOffsetMillis: 300, EndOffsetMillis: 900 }],
    });
    expect(rows).toEqual([["AGENT", 300, 900, "Hello."]]);
  });

  it("reads clock strings and wall-clock date-times", () => {
    expect(parse([{ speaker: "A1", text: "x", start: "00:01:02.5", end: "1:05" }]).rows).toEqual([["A1", 62_500, 65_000, "x"]]);
    const chat = parse({
      messages: [
        { author: "Ana", body: "Morning.", timestamp: "2025-02-03T09:00:00Z" },
        { author: "Bo", body: "Hi.", timestamp: "2025-02-03T09:00:42Z" },
      ],
    });
    expect(chat.rows.map((row) => row[1])).toEqual([0, 42_000]);
    expect(chat.occurredAt).toBe("2025-02-03T09:00:00.000Z");
  });

  it('reads "Speaker: text" strings and leaves unprefixed lines without a speaker', () => {
    const { rows } = parse({ call_transcript: ["CSR: Hello, how can I help?", "Customer: My order is late.", "(line noise)"] });
    expect(rows).toEqual([
      ["CSR", null, null, "Hello, how can I help?"],
      ["Customer", null, null, "My order is late."],
      [null, null, null, "(line noise)"],
    ]);
  });

  it("does not take a time or a URL for a speaker", () => {
    const { rows } = parse({ lines: ["Ana: see https://example.invalid", "Bo: at 10:30 then", "Speaker 10: x"] });
    expect(rows.map((row) => row[0])).toEqual(["Ana", "Bo", "Speaker 10"]);
    expect(parse({ lines: ["Bo: fine", "https://example.invalid: x", "Bo: ok", "10:30 we start"] }).rows.map((row) => row[0])).toEqual([
      "Bo",
      null,
      "Bo",
      null,
    ]);
  });

  it("takes a speaker written as an object", () => {
    expect(parse([{ speaker: { name: "Dana", id: 4 }, text: "Yes." }]).rows).toEqual([["Dana", null, null, "Yes."]]);
  });

  it("takes a date written beside the turns", () => {
    expect(parse({ date: "2025-01-09", turns: [{ speaker: "A1", text: "x" }] }).occurredAt).toBe("2025-01-09");
    expect(parse({ date: "last week", turns: [{ speaker: "A1", text: "x" }] }).occurredAt).toBeUndefined();
  });

  it("rejects JSON without any array of turns", () => {
    for (const root of [{ a: 1 }, { keywords: ["sales", "handoff"] }, [1, 2, 3], { people: [{ name: "Ana", email: "a@x" }] }]) {
      expect(() => parse(root)).toThrow(AppError);
    }
  });
});

describe("cleanTurnText", () => {
  it("drops QMSum markers and tokenizer spaces before punctuation", () => {
    expect(cleanTurnText("{vocalsound} Um {disfmarker} we , uh {gap} agree .")).toBe("Um we, uh agree.");
  });

  it("leaves ordinary text alone", () => {
    expect(cleanTurnText("Wait ... what? {not a marker}")).toBe("Wait ... what? {not a marker}");
  });
});
