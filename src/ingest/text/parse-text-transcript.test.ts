import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../config.ts";
import { AppError } from "../../errors.ts";
import { ParseContext } from "../parse-context.ts";
import type { ParsedBody } from "../parsed-body.ts";
import { parseTextTranscript } from "./parse-text-transcript.ts";

function parse(text: string, format: "text" | "markdown" = "text", filename = "call.txt"): ParsedBody {
  const context = new ParseContext(filename, DEFAULT_LIMITS);
  return parseTextTranscript({ filename, bytes: new TextEncoder().encode(text), text }, context, format);
}

function turns(body: ParsedBody): [string | null, string][] {
  return body.segments.map((s) => [s.speaker, s.text]);
}

describe("parseTextTranscript speaker lines", () => {
  it("reads **Name:** and **Name**: turns", () => {
    const body = parse("**Ana:** Hello there.\n\n**Ben**: Hi Ana.\n\n**Ana:** Shall we start?\n\n**Ben**: Yes.", "markdown");
    expect(turns(body)).toEqual([
      ["Ana", "Hello there."],
      ["Ben", "Hi Ana."],
      ["Ana", "Shall we start?"],
      ["Ben", "Yes."],
    ]);
    expect(body.format).toBe("markdown");
  });

  it("reads plain Name: turns once labels recur", () => {
    const body = parse("Customer: My order never arrived.\nCSR: Let me check that for you.\nCustomer: Thanks.\nCSR: It ships tomorrow.");
    expect(turns(body).map(([speaker]) => speaker)).toEqual(["Customer", "CSR", "Customer", "CSR"]);
    expect(body.format).toBe("text");
  });

  it("reads [hh:mm:ss] Name:, hh:mm:ss Name: and Name (hh:mm:ss): with start times", () => {
    const body = parse("[00:01:02] Ana: One.\n00:01:10 Ben: Two.\nAna (00:01:30): Three.\nBen [1:02:03.5]: Four.");
    expect(body.segments.map((s) => [s.speaker, s.startMs, s.text])).toEqual([
      ["Ana", 62_000, "One."],
      ["Ben", 70_000, "Two."],
      ["Ana", 90_000, "Three."],
      ["Ben", 3_723_500, "Four."],
    ]);
  });

  it("reads timestamped lines without names as timed segments without a speaker", () => {
    const body = parse("[00:00:05] Welcome to the webinar.\n[00:00:20] Today we cover pricing.");
    expect(body.segments.map((s) => [s.speaker, s.startMs, s.text])).toEqual([
      [null, 5_000, "Welcome to the webinar."],
      [null, 20_000, "Today we cover pricing."],
    ]);
  });

  it("reads Teams chat copies with a time of day as turns without a start offset", () => {
    const body = parse("[10:32 AM] Sarah Chen\nCan we move the demo?\n[10:35 AM] David Park\nSure, Thursday works.");
    expect(body.segments.map((s) => [s.speaker, s.startMs, s.text])).toEqual([
      ["Sarah Chen", null, "Can we move the demo?"],
      ["David Park", null, "Sure, Thursday works."],
    ]);
  });

  it("reads a name above a timestamp line (Otter, Teams) with the speech below", () => {
    const body = parse("Sam Rivera  0:03\nWelcome.\nSecond line.\n\nKeiko Tanaka\n1:02:09\nThanks.\n\nTranscribed by https://otter.ai\n");
    expect(body.segments.map((s) => [s.speaker, s.startMs, s.text])).toEqual([
      ["Sam Rivera", 3_000, "Welcome.\nSecond line."],
      ["Keiko Tanaka", 3_729_000, "Thanks."],
    ]);
  });

  it("strips escaped \\[mm:ss\\] markers and uses them as start times", () => {
    const body = parse(
      "**Ana:** \\[07:46\\] We need SSO.\n\n**Ben:** Agreed \\[08:02\\] and EU hosting.\n\n**Ana:** Good.\n\n**Ben:** \\[09:10\\]",
      "markdown",
    );
    expect(body.segments.map((s) => [s.speaker, s.startMs, s.text])).toEqual([
      ["Ana", 466_000, "We need SSO."],
      ["Ben", 482_000, "Agreed and EU hosting."],
      ["Ana", null, "Good."],
    ]);
  });

  it("reads tab-separated Zoom chat exports and drops emoji reactions", () => {
    const body = parse(
      '00:05:16\tRyan Sloan:\tPlease stay muted.\n00:12:02\tDr. Melissa Ko:\tReacted to "Please stay..." with 👍\n00:12:25\tDr. Melissa Ko:\tCould also use peer review.\n',
    );
    expect(body.segments.map((s) => [s.speaker, s.startMs, s.text])).toEqual([
      ["Ryan Sloan", 316_000, "Please stay muted."],
      ["Dr. Melissa Ko", 745_000, "Could also use peer review."],
    ]);
  });

  it("reads newer Zoom chat lines (From Name to Everyone:) with the message below", () => {
    const body = parse(
      "10:02:11 From  Ana Ruiz  to  Everyone:\n\tCan you share the deck?\n10:02:40 From  Ben Cole  to  Everyone:\n\tSent it.\n",
    );
    expect(turns(body)).toEqual([
      ["Ana Ruiz", "Can you share the deck?"],
      ["Ben Cole", "Sent it."],
    ]);
  });

  it("continues the previous speaker over unlabelled paragraphs", () => {
    const body = parse(
      "Ana: First point.\n\nSecond paragraph, still Ana.\nNote: this is Ana too.\n\nBen: My turn.\nBen: Again.\nAna: Bye.",
    );
    expect(turns(body)).toEqual([
      ["Ana", "First point.\nSecond paragraph, still Ana.\nNote: this is Ana too."],
      ["Ben", "My turn."],
      ["Ben", "Again."],
      ["Ana", "Bye."],
    ]);
  });

  it("does not treat prose lead-ins, times or URLs as speakers", () => {
    const text = [
      "Note: the call started late.",
      "Subject: renewal",
      "Duration: 32 minutes",
      "We met at 10:30: it went well.",
      "See https://example.com/a: the deck.",
      "Note: bring the contract.",
      "Important points: none.",
    ].join("\n\n");
    const body = parse(text);
    expect(body.segments.every((s) => s.speaker === null)).toBe(true);
    expect(body.text).toContain("Note: the call started late.");
    expect(body.text).toContain("We met at 10:30: it went well.");
  });

  it("needs a label to recur before a file counts as speaker-labelled", () => {
    const body = parse("Dinner: at eight.\n\nThe rest of the note.");
    expect(turns(body)).toEqual([
      [null, "Dinner: at eight."],
      [null, "The rest of the note."],
    ]);
  });

  it("takes the first heading as the title and keeps headings and #hashtags apart", () => {
    const body = parse("## Pilot review ##\n\n#pricing came up twice.\n\n### Next", "markdown");
    expect(body.title).toBe("Pilot review");
    expect(turns(body)).toEqual([[null, "#pricing came up twice."]]);
  });

  it("keeps unlabelled text as paragraph segments without a speaker", () => {
    const body = parse("First paragraph\nwraps here.\n\n\nSecond paragraph.");
    expect(turns(body)).toEqual([
      [null, "First paragraph\nwraps here."],
      [null, "Second paragraph."],
    ]);
  });

  it("ends a turn at a rule or heading, so notes below are nobody's speech", () => {
    const body = parse(
      "# Call\n\n**Ana:** Hi.\n\n**Ben:** Hello.\n\n**Ana:** Bye.\n\n**Ben:** Bye.\n\n---\n\n**Call Notes:**\n- Good opener\n- Tom: follow up",
      "markdown",
    );
    expect(turns(body)).toEqual([
      ["Ana", "Hi."],
      ["Ben", "Hello."],
      ["Ana", "Bye."],
      ["Ben", "Bye."],
      [null, "Call Notes:\nGood opener\nTom: follow up"],
    ]);
    expect(body.title).toBe("Call");
    expect(body.text).not.toContain("**");
    expect(body.text).not.toContain("---");
  });
});

describe("parseTextTranscript rejections and limits", () => {
  it("rejects a CSV table such as a Zoom recordings list with a one-line reason", () => {
    const csv = 'Topic,ID,Start Time,File Size (MB)\nWeekly,996 6354,"Jan 24, 2024 12:25:59",147.1\n';
    expect(() => parse(csv, "text", "recordings.csv")).toThrow(AppError);
    try {
      parse(csv, "text", "recordings.csv");
    } catch (error) {
      expect((error as AppError).code).toBe("INVALID_INPUT");
      expect((error as AppError).message).toMatch(/^this is a CSV table[^\n]*$/);
    }
  });

  it("stops at the segment limit with LIMIT_EXCEEDED", () => {
    const context = new ParseContext("big.txt", { ...DEFAULT_LIMITS, maxSegments: 3 });
    const text = "One.\n\nTwo.\n\nThree.\n\nFour.";
    expect(() => parseTextTranscript({ filename: "big.txt", bytes: new Uint8Array(), text }, context, "text")).toThrow(
      expect.objectContaining({ code: "LIMIT_EXCEEDED" }),
    );
  });

  it("honours the parse deadline", () => {
    const context = new ParseContext("slow.txt", DEFAULT_LIMITS, Date.now() - DEFAULT_LIMITS.parseTimeoutMs - 1);
    expect(() => parseTextTranscript({ filename: "slow.txt", bytes: new Uint8Array(), text: "Ana: hi" }, context, "text")).toThrow(
      expect.objectContaining({ code: "LIMIT_EXCEEDED" }),
    );
  });
});
