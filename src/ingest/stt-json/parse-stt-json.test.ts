import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../config.ts";
import { AppError } from "../../errors.ts";
import { ParseContext } from "../parse-context.ts";
import type { ParsedBody } from "../parsed-body.ts";
import { parseSttJson } from "./parse-stt-json.ts";

const FIXTURES = resolve(import.meta.dirname, "../../../fixtures/formats/stt-json");

function parse(text: string): ParsedBody {
  const body = parseSttJson(
    { filename: "t.json", bytes: new TextEncoder().encode(text), text },
    new ParseContext("t.json", DEFAULT_LIMITS),
  );
  for (const segment of body.segments) expect(body.text.slice(segment.charStart, segment.charEnd)).toBe(segment.text);
  return body;
}

function parseFixture(name: string): ParsedBody {
  return parse(readFileSync(resolve(FIXTURES, name), "utf8"));
}

function rows(body: ParsedBody): [string | null, number | null, number | null, string][] {
  return body.segments.map((s) => [s.speaker, s.startMs, s.endMs, s.text]);
}

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).not.toMatch(/\n/);
    return error as AppError;
  }
  throw new Error("expected an AppError");
}

describe("parseSttJson on hand-written vendor fixtures", () => {
  const cases: [string, string, [string | null, number | null, number | null, string][]][] = [
    [
      "assemblyai.hand-written.json",
      "json:assemblyai",
      [
        ["Speaker A", 500, 2100, "Thanks for joining, Dana."],
        ["Speaker B", 2600, 9800, "Happy to be here. Our dispatch team loses two hours a day to manual reports."],
      ],
    ],
    [
      "assemblyai-words.hand-written.json",
      "json:assemblyai",
      [
        ["Speaker B", 100, 1400, "Can you go live by March?"],
        ["Speaker A", 1900, 3500, "We can if security signs off."],
      ],
    ],
    [
      "deepgram.hand-written.json",
      "json:deepgram",
      [
        ["Speaker 0", 400, 6900, "We run everything on Snowflake today. Does your connector support key pair auth?"],
        ["Speaker 1", 7500, 9250, "Yes, since version two."],
      ],
    ],
    [
      "aws-transcribe.hand-written.json",
      "json:aws-transcribe",
      [
        ["spk_0", 1000, 2400, "Budget is approved."],
        ["spk_1", 3000, 4600, "Great, when do we start?"],
        ["spk_0", 5200, 6000, "Next Monday."],
      ],
    ],
    [
      "aws-transcribe-audio-segments.hand-written.json",
      "json:aws-transcribe",
      [
        ["spk_0", 500, 2100, "Who signs the order form?"],
        ["spk_1", 2800, 4400, "Our CFO, Priya Shah."],
      ],
    ],
    [
      "speechmatics.hand-written.json",
      "json:speechmatics",
      [
        ["S1", 600, 1600, "We need SSO."],
        ["S2", 2200, 4200, 'It is included, see "Enterprise".'],
        [null, 5000, 5400, "Okay"],
      ],
    ],
    [
      "speechmatics-v1.hand-written.json",
      "json:speechmatics",
      [
        ["M1", 500, 2100, "Pricing is per seat."],
        ["F2", 3100, 4400, "That works for us."],
      ],
    ],
    [
      "google-stt.hand-written.json",
      "json:google",
      [
        ["Speaker 1", 400, 1900, "Who owns the renewal?"],
        ["Speaker 2", 2500, 3700, "Procurement does."],
      ],
    ],
    [
      "trint.hand-written.json",
      "json:trint",
      [
        ["Marco Reyes", 1200, 2300, "Welcome everyone."],
        ["Marco Reyes", 4000, 5550, "Next topic is onboarding."],
      ],
    ],
    [
      "kaldi.hand-written.json",
      "json:kaldi",
      [
        ["S0", 200, 1900, "We need audit logs."],
        ["S3", 2600, 3000, "Noted."],
      ],
    ],
    [
      "generic-turns.hand-written.json",
      "json:generic",
      [
        ["Jordan Lee", 3500, 8000, "Adoption dropped after the reorg. We lost our champion in finance."],
        ["Avery Kim", 9100, 10000, "Who replaced her?"],
        ["Jordan Lee", 10400, 13000, "Nobody yet, that is the risk."],
      ],
    ],
    [
      "generic-lines.hand-written.json",
      "json:generic",
      [
        ["Seller", null, null, "Thanks for taking the call, Sam."],
        ["Buyer", null, null, "Sure. Our main concern is the migration timeline. We cannot freeze shipping for more than a weekend."],
        ["Seller", null, null, "Understood, we will plan a weekend cutover."],
      ],
    ],
  ];

  it.each(cases)("%s reads as %s with speakers, times and text", (name, format, expected) => {
    const body = parseFixture(name);
    expect(body.format).toBe(format);
    expect(rows(body)).toEqual(expected);
  });

  it("lists each distinct speaker once, keeping a bare vendor id as a label", () => {
    expect(parseFixture("assemblyai.hand-written.json").participants).toEqual([
      { name: "Speaker A", labels: ["A"] },
      { name: "Speaker B", labels: ["B"] },
    ]);
    expect(parseFixture("aws-transcribe.hand-written.json").participants).toEqual([{ name: "spk_0" }, { name: "spk_1" }]);
  });

  it("takes the call date and time written beside generic turns", () => {
    expect(parseFixture("generic-lines.hand-written.json").occurredAt).toBe("2025-03-04T15:30:00");
  });

  it("keeps the Trint title", () => {
    expect(parseFixture("trint.hand-written.json").title).toBe("hand-written-kickoff.mp3");
  });
});

describe("parseSttJson on input it cannot use", () => {
  it("names the line and column of bad JSON", () => {
    const error = errorOf(() => parse('{\n  "utterances": [\n    {"speaker": "A",, "text": "hi"}\n  ]\n}'));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toMatch(/^invalid JSON at line 3 column 21 \(position 40\)/);
  });

  it("names the position of an unexpected token V8 reports without one", () => {
    const long = `{"words": [${'{"text": "filler words here", "start": 1}, '.repeat(20)}{"text": oops}]}`;
    const error = errorOf(() => parse(long));
    expect(error.message).toBe(
      `invalid JSON at line 1 column ${long.indexOf("oops") + 1} (position ${long.indexOf("oops")}): unexpected character 'o'`,
    );
    expect(errorOf(() => parse('{"a": x}')).message).toBe("invalid JSON at line 1 column 7 (position 6): unexpected character 'x'");
  });

  it("says where a truncated file ends", () => {
    expect(errorOf(() => parse('{"results": [')).message).toMatch(/^invalid JSON at line 1 column 14 .*/);
  });

  it("rejects JSON that is no transcript, listing the supported shapes", () => {
    const error = errorOf(() => parse('{"name": "baton", "version": "1.0.0", "keywords": ["sales", "handoff"]}'));
    expect(error.code).toBe("UNSUPPORTED_FORMAT");
    expect(error.message).toContain("AssemblyAI, Deepgram, Amazon Transcribe, Speechmatics, Google");
  });

  it("rejects a single JSON value", () => {
    expect(errorOf(() => parse("[]")).code).toBe("UNSUPPORTED_FORMAT");
    expect(errorOf(() => parse('"just a string"')).code).toBe("UNSUPPORTED_FORMAT");
  });

  it("rejects absurd nesting with LIMIT_EXCEEDED naming the limit", () => {
    const error = errorOf(() => parse(`${"[".repeat(100_000)}${"]".repeat(100_000)}`));
    expect(error.code).toBe("LIMIT_EXCEEDED");
    expect(error.message).toContain("nesting depth 64");
  });

  it("rejects an AssemblyAI job that has not finished", () => {
    const error = errorOf(() => parse('{"id": "x", "status": "queued", "audio_url": "https://example.invalid/a.mp3", "text": null}'));
    expect(error.message).toBe('this AssemblyAI transcript has status "queued" and no text yet');
  });
});
