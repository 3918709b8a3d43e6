import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../config.ts";
import { AppError } from "../../errors.ts";
import { decodeText } from "../decode-text.ts";
import { ParseContext } from "../parse-context.ts";
import type { ParsedBody } from "../parsed-body.ts";
import { parseVtt } from "./parse-vtt.ts";

function parseText(text: string): ParsedBody {
  const bytes = new TextEncoder().encode(text);
  const body = parseVtt({ filename: "call.vtt", bytes, text: decodeText(bytes).text }, new ParseContext("call.vtt", DEFAULT_LIMITS));
  for (const segment of body.segments) expect(body.text.slice(segment.charStart, segment.charEnd)).toBe(segment.text);
  return body;
}

function rejection(text: string): AppError {
  try {
    parseText(text);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected the file to be rejected");
}

const cues = (...lines: string[]) => `WEBVTT\n\n${lines.join("\n")}\n`;

describe("parseVtt cue syntax", () => {
  it("reads optional hours, cue settings and settings glued to the time", () => {
    const body = parseText(
      cues("01:02.500 --> 01:04.000 align:start position:10%", "One.", "", "1:00:00.000 --> 1:00:01.000line:40%", "Two."),
    );
    expect(body.segments.map((s) => [s.startMs, s.endMs])).toEqual([
      [62_500, 64_000],
      [3_600_000, 3_601_000],
    ]);
  });

  it("strips class, bold, italic, underline, lang, ruby and timing tags", () => {
    const body = parseText(
      cues(
        "00:01.000 --> 00:02.000",
        "<c.yellow>We</c> <b>signed</b> <i>the</i> <u>order</u> <lang en>form</lang> <ruby>today<rt>kyou</rt></ruby> <00:01.500>now.",
      ),
    );
    expect(body.text).toBe("We signed the order form today now.");
  });

  it("decodes named and numeric entities and drops direction marks", () => {
    const body = parseText(cues("00:01.000 --> 00:02.000", "R&amp;D&nbsp;costs &lt;5% &#8364;9 &#x2014; &lrm;ok&rlm; &bogus;"));
    expect(body.text).toBe("R&D costs <5% €9 — ok &bogus;");
  });

  it("skips NOTE, STYLE and REGION blocks and header metadata", () => {
    const text = [
      "WEBVTT - Kickoff call",
      "Kind: captions",
      "",
      "STYLE",
      "::cue { color: red; }",
      "",
      "REGION",
      "id:fred width:40%",
      "",
      "NOTE a comment",
      "",
      "00:01.000 --> 00:02.000",
      "Hello.",
    ].join("\n");
    const body = parseText(text);
    expect(body.text).toBe("Hello.");
    expect(body.title).toBe("Kickoff call");
  });

  it("skips a cue with a broken timing and keeps the good ones", () => {
    const body = parseText(
      cues("00:01.000 --> 00:02.000", "Kept one.", "", "00:03.000 --> 00:0x.000", "Dropped.", "", "00:05.000 --> 00:06.000", "Kept two."),
    );
    expect(body.segments.map((s) => s.text)).toEqual(["Kept one.", "Kept two."]);
  });

  it("starts a new cue at a timing line with no blank line before it, dropping its number", () => {
    const body = parseText(cues("1", "00:01.000 --> 00:02.000", "Alpha.", "2", "00:02.000 --> 00:03.000", "Beta."));
    expect(body.text).toBe("Alpha. Beta.");
    expect(body.segments[0]?.endMs).toBe(3000);
  });

  it("keeps identical consecutive cues in ordinary captions (two people can both say it)", () => {
    const body = parseText(cues("00:01.000 --> 00:02.000", ">> AYE.", "", "00:02.000 --> 00:03.000", ">> AYE."));
    expect(body.segments.map((s) => s.text)).toEqual(["AYE.", "AYE."]);
  });

  it("reads a file without the WEBVTT line when its cues are clear", () => {
    expect(parseText("00:01.000 --> 00:02.000\nStill readable.\n").text).toBe("Still readable.");
  });

  it("reads dialogue dashes as speaker changes", () => {
    const body = parseText(cues("00:01.000 --> 00:03.000", "- Is the pilot funded?", "- Not yet."));
    expect(body.segments.map((s) => s.text)).toEqual(["Is the pilot funded?", "Not yet."]);
  });
});

describe("parseVtt segment merging", () => {
  it("merges unnamed fragments until a sentence ends and the segment is long enough", () => {
    const body = parseText(
      cues(
        "00:01.000 --> 00:02.000",
        "we reviewed the",
        "",
        "00:02.000 --> 00:03.000",
        "security questionnaire.",
        "",
        "00:03.000 --> 00:04.000",
        "It raised two open items about SSO and data residency.",
        "",
        "00:04.000 --> 00:05.000",
        "Legal will follow up.",
      ),
    );
    expect(body.segments.map((s) => s.text)).toEqual([
      "we reviewed the security questionnaire. It raised two open items about SSO and data residency.",
      "Legal will follow up.",
    ]);
    expect(body.segments[0]).toMatchObject({ startMs: 1000, endMs: 4000 });
  });

  it("splits unnamed text at a long pause", () => {
    const body = parseText(cues("00:01.000 --> 00:02.000", "Short one.", "", "00:15.000 --> 00:16.000", "After a long pause."));
    expect(body.segments).toHaveLength(2);
  });

  it("cuts a long monologue of one named speaker at a sentence end so times stay useful", () => {
    const sentence = "We will migrate every regional warehouse before the renewal date next spring.";
    const lines: string[] = [];
    for (let i = 0; i < 40; i++)
      lines.push(`00:${String(i).padStart(2, "0")}.000 --> 00:${String(i).padStart(2, "0")}.900`, `<v Ana>${sentence}`, "");
    const body = parseText(cues(...lines));
    expect(body.segments.length).toBeGreaterThan(1);
    expect(body.segments.every((s) => s.speaker === "Ana" && s.text.endsWith("."))).toBe(true);
    expect(body.segments[1]?.startMs).toBeGreaterThan(0);
  });
});

describe("parseVtt rejections", () => {
  it("rejects a file with neither a signature nor cues", () => {
    const error = rejection("Meeting notes\nnothing timed here\n");
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe("not a WebVTT file: no WEBVTT signature and no cues with valid timings");
  });

  it("names the broken timings when no cue is left", () => {
    const error = rejection(cues("00.01.000 --> 00.02.000", "x", "", "00:01.000 --> soon", "y"));
    expect(error.message).toBe("no WebVTT cues with valid timings (2 timing lines could not be read)");
  });

  it("rejects a header-only file and a file whose cues are all empty", () => {
    expect(rejection("WEBVTT\n").message).toBe("no WebVTT cues found (no cue timing lines)");
    expect(rejection(cues("00:01.000 --> 00:02.000", "<i></i>")).message).toBe("WebVTT file has 1 cue but no caption text");
  });
});

describe("parseVtt speaker carry-over", () => {
  it("carries a `>> NAME:` speaker to unmarked cues but not a voice tag's speaker", () => {
    const body = parseText(
      cues(
        "00:01.000 --> 00:02.000",
        ">> MAYOR LEE: Welcome.",
        "",
        "00:02.000 --> 00:03.000",
        "Let us begin.",
        "",
        "00:04.000 --> 00:05.000",
        "<v Ana>- Thanks.",
        "",
        "00:05.000 --> 00:06.000",
        "Unlabelled.",
      ),
    );
    expect(body.segments.map((s) => [s.speaker, s.text])).toEqual([
      ["MAYOR LEE", "Welcome. Let us begin."],
      ["Ana", "Thanks."],
      [null, "Unlabelled."],
    ]);
  });
});
