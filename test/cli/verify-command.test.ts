import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SAMPLE_CALL_TURNS } from "../support/build-sample-call.ts";
import { expectOneLineRefusal, runCapturedCli, SAMPLE_DEAL_DIR, useOfflineEnvironment } from "./run-captured-cli.ts";
import { checkVerifyCase, expectAnswerFits, readAnswer, toBatchLines, type VerifyCase } from "./verify-cases.ts";

useOfflineEnvironment();

const dir = mkdtempSync(join(tmpdir(), "baton-cli-verify-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The grounding tests' sample call as a Teams WebVTT file: curly quotes, an em dash, an ellipsis, an ASR slip. */
function writeSampleCallVtt(): string {
  const clock = (seconds: number) => `00:${String(Math.floor(seconds / 60)).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}.000`;
  const cues = SAMPLE_CALL_TURNS.map(([speaker, seconds, text], position) => {
    const end = SAMPLE_CALL_TURNS[position + 1]?.[1] ?? seconds + 8;
    return `${position + 1}\n${clock(seconds)} --> ${clock(end)}\n<v ${speaker}>${text}</v>`;
  });
  const path = join(dir, "sample-call.vtt");
  writeFileSync(path, `WEBVTT\n\n${cues.join("\n\n")}\n`);
  return path;
}

const PRICING = join(SAMPLE_DEAL_DIR, "pricing-call-2026-01-29.vtt");
const EMAIL = join(SAMPLE_DEAL_DIR, "email-thread.eml");
const CALL = writeSampleCallVtt();

// Every rule of issue 5 on the project's own files, so a clone without ../shared tests them too.
const CASES: VerifyCase[] = [
  { rule: "exact", file: PRICING, quote: "I can cap the renewal increase at five percent.", match: "exact", segmentIds: ["s25"] },
  {
    rule: "exact",
    file: EMAIL,
    quote: "The pricing holds if we have a signature by Friday, February 6.",
    match: "exact",
    segmentIds: ["s1"],
  },
  {
    rule: "normalized: case",
    file: PRICING,
    quote: "I CAN CAP THE RENEWAL INCREASE at five percent",
    match: "normalized",
    span: "I can cap the renewal increase at five percent",
  },
  {
    rule: "normalized: whitespace",
    file: PRICING,
    quote: "I can cap   the renewal\nincrease at five percent",
    match: "normalized",
    span: "I can cap the renewal increase at five percent",
  },
  {
    rule: "normalized: curly apostrophes",
    file: PRICING,
    quote: "It’s tight, I won’t pretend it isn’t.",
    match: "normalized",
    span: "It's tight, I won't pretend it isn't",
  },
  {
    rule: "normalized: straight quotes for curly",
    file: CALL,
    quote: 'she runs the "white-glove" kickoff',
    match: "normalized",
    span: "she runs the “white-glove” kickoff",
  },
  {
    rule: "normalized: quote marks around the quote",
    file: PRICING,
    quote: "“Net 45 is fine.”",
    match: "normalized",
    span: "Net 45 is fine",
    segmentIds: ["s27"],
  },
  {
    rule: "normalized: en dash for a hyphen",
    file: PRICING,
    quote: "It's cheaper until you count the six–month integration project.",
    match: "normalized",
    segmentIds: ["s41"],
  },
  {
    rule: "normalized: double hyphen for an em dash",
    file: CALL,
    quote: "Sounds good -- I'll loop in Priya from onboarding",
    match: "normalized",
    span: "Sounds good — I'll loop in Priya from onboarding",
  },
  {
    rule: "normalized: three dots for an ellipsis",
    file: CALL,
    quote: "I'll loop in Priya from onboarding... she runs",
    match: "normalized",
    span: "I'll loop in Priya from onboarding… she runs",
  },
  {
    rule: "normalized: an ellipsis for three dots",
    file: PRICING,
    quote: "Can I… sorry, can I say something here?",
    match: "normalized",
    span: "Can I... sorry, can I say something here",
  },
  {
    rule: "fuzzy: dropped filler",
    file: PRICING,
    quote: "So I sent over the proposal Monday. Where did it land?",
    match: "fuzzy",
    span: "So, um, I sent over the proposal Monday. Where did it land",
    segmentIds: ["s3"],
  },
  {
    rule: "fuzzy: dropped filler",
    file: PRICING,
    quote: "Well, congratulations, first of all. And that's really helpful to know for timing.",
    match: "fuzzy",
    segmentIds: ["s20"],
  },
  {
    rule: "fuzzy: dropped word",
    file: PRICING,
    quote: "We'll do custom onboarding. Two days of on-site training at your Spokane office for the leads",
    match: "fuzzy",
    span: "We'll do custom onboarding. Two days of on-site training at your Spokane office for the pod leads",
  },
  {
    rule: "fuzzy: reordered words",
    file: PRICING,
    quote: "I can cap the increase renewal at five percent. We'll put that in the order form.",
    match: "fuzzy",
    segmentIds: ["s25"],
  },
  {
    rule: "fuzzy: a fixed speech-recognition slip",
    file: CALL,
    quote: "the integration has to be live before we roll out to the 32 reps",
    match: "fuzzy",
    span: "the intergration has to be live before we roll out to the 32 reps",
    segmentIds: ["s11"],
  },
  {
    rule: "fuzzy: digits for number words",
    file: PRICING,
    quote: "Handle time under 4 minutes, and call volume down 30% by the end of the first 90 days.",
    match: "fuzzy",
    segmentIds: ["s37"],
  },
  {
    rule: "fuzzy: an amount written another way",
    file: EMAIL,
    quote: "It has the 18% discount on the seat price, the $15K implementation fee waived",
    match: "fuzzy",
    span: "It has the 18% discount on the seat price, the $15,000 implementation fee waived",
  },
  {
    rule: "fuzzy: digits for ordinal words",
    file: PRICING,
    quote: "if you sign by the 6th and we kick off the week of the 16th",
    match: "fuzzy",
    span: "if you sign by the sixth and we kick off the week of the sixteenth",
  },
  {
    rule: "negation added",
    file: PRICING,
    quote: "I won't waive the implementation fee completely.",
    match: "unverified",
    reason: /negation differs: quote has "won't"/,
  },
  {
    rule: "negation added",
    file: PRICING,
    quote: "Thank you. And after I leave, customer service moves under operations, so Nate will never report to Vince.",
    match: "unverified",
    reason: /negation differs: quote has "never"/,
  },
  {
    rule: "negation dropped",
    file: PRICING,
    quote: "Which is, to be fair, why we need this. We can hire our way out of the call volume.",
    match: "unverified",
    reason: /negation differs: source has "can't"/,
  },
  {
    rule: "number",
    file: PRICING,
    quote: "We budgeted ninety thousand for this, all in, and your proposal is at about a hundred and twenty.",
    match: "unverified",
    reason: /number differs: quote has "ninety thousand", source has "eighty thousand"/,
  },
  {
    rule: "number",
    file: PRICING,
    quote: "Okay. That helps. And payment terms, we're Net 60 on everything now.",
    match: "unverified",
    reason: /number differs: quote has "60", source has "45"/,
  },
  {
    rule: "number: ordinal word",
    file: PRICING,
    quote: "Realistically, if you sign by the seventh and we kick off the week of the sixteenth",
    match: "unverified",
    reason: /number differs: quote has "seventh", source has "sixth"/,
  },
  {
    rule: "amount",
    file: EMAIL,
    quote: "It has the 18% discount on the seat price, the $50,000 implementation fee waived",
    match: "unverified",
    reason: /amount differs: quote has "\$50,000", source has "\$15,000"/,
  },
  {
    rule: "amount",
    file: CALL,
    quote: "And the renewal was $108K for the second year, right?",
    match: "unverified",
    reason: /amount differs: quote has "\$108K", source has "\$180K"/,
  },
  {
    rule: "percentage",
    file: PRICING,
    quote: "I can cap the renewal increase at three percent. We'll put that in the order form.",
    match: "unverified",
    reason: /percentage differs: quote has "three percent", source has "five percent"/,
  },
  {
    rule: "percentage",
    file: EMAIL,
    quote: "the $15,000 implementation fee waived, the renewal increase capped at 7%, and Net 45 payment terms",
    match: "unverified",
    reason: /percentage differs: quote has "7%", source has "5%"/,
  },
  {
    rule: "date: month",
    file: PRICING,
    quote: "we'll have your service team live on Corvala by April 16th.",
    match: "unverified",
    reason: /date differs: quote has "April", source has "March"/,
  },
  {
    rule: "date: day",
    file: EMAIL,
    quote: "The pricing holds if we have a signature by Friday, February 9.",
    match: "unverified",
    reason: /number differs: quote has "9", source has "6"/,
  },
  {
    rule: "date: weekday",
    file: EMAIL,
    quote: "The pricing holds if we have a signature by Monday, February 6.",
    match: "unverified",
    reason: /date differs: quote has "Monday", source has "Friday"/,
  },
  {
    rule: "time",
    file: CALL,
    quote: "I'll send the contract on Tuesday at 4pm",
    match: "unverified",
    reason: /time differs: quote has "4pm", source has "3pm"/,
  },
  {
    rule: "proper name",
    file: PRICING,
    quote: "we'll have your service team live on Zendesk by March 16th.",
    match: "unverified",
    reason: /name differs: quote has "Zendesk", source has "Corvala"/,
  },
  {
    rule: "proper name",
    file: PRICING,
    quote: "Thank you. And after I leave, customer service moves under operations, so Nate will report to Ray.",
    match: "unverified",
    reason: /name differs: quote has "Ray", source has "Vince"/,
  },
  {
    rule: "wrong segment id: found elsewhere",
    file: PRICING,
    quote: "Net 45 is fine.",
    segment: "s5",
    match: "exact",
    segmentIds: ["s27"],
    reason: /cited segment s5 does not contain the quote; found in s27/,
  },
  {
    rule: "unknown segment id: found elsewhere",
    file: PRICING,
    quote: "I can cap the renewal increase at five percent.",
    segment: "s99",
    match: "exact",
    segmentIds: ["s25"],
    reason: /cited segment s99 does not exist; found in s25/,
  },
  { rule: "right segment id", file: CALL, quote: "We will refund the setup fee", segment: "s12", match: "exact", segmentIds: ["s12"] },
  {
    rule: "across two segments",
    file: PRICING,
    quote: "You'll have it by Monday. I'm not promising anything.",
    match: "normalized",
    segmentIds: ["s46", "s47"],
  },
  {
    rule: "across two segments, fuzzy",
    file: CALL,
    quote: "Your quote came in at $110K. We will refund the setup fee",
    match: "fuzzy",
    segmentIds: ["s3", "s4"],
  },
  {
    rule: "prefix only",
    file: PRICING,
    quote: "I'll waive the implementation fee completely, and I will never charge for support",
    match: "unverified",
    reason: /only a prefix matches/,
  },
  {
    rule: "prefix only",
    file: PRICING,
    quote: "we'll have your service team live on Corvala by March 16th, with every terminal trained and the Snowflake connector live",
    match: "unverified",
    reason: /only a prefix matches/,
  },
  {
    rule: "fabricated",
    file: PRICING,
    quote: "We guarantee a 99.9% uptime SLA with penalties",
    match: "unverified",
    reason: /not found in the source/,
  },
];

describe("baton verify --json on the project's fixtures", () => {
  it.each(CASES)("$rule: $quote → $match", async (testCase) => {
    await checkVerifyCase(testCase);
  });
});

describe("baton verify, JSON lines on stdin", () => {
  it("answers every line in order, as the single form does", async () => {
    const run = await runCapturedCli(["verify"], `${toBatchLines(CASES)}\n`);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe("");
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(CASES.length);
    for (const [position, testCase] of CASES.entries()) await expectAnswerFits(readAnswer(lines[position]!), testCase);
  });

  it("answers bad lines with unverified and a reason, and goes on", async () => {
    const good = { source: PRICING, quote: "Net 45 is fine." };
    const empty = join(dir, "empty.vtt");
    writeFileSync(empty, "");
    mkdirSync(join(dir, "folder.vtt"), { recursive: true });
    const input = [
      "not json",
      JSON.stringify(good),
      "[1, 2]",
      JSON.stringify({ quote: "no source" }),
      JSON.stringify({ source: PRICING }),
      JSON.stringify({ source: PRICING, quote: 42 }),
      "",
      JSON.stringify({ source: join(dir, "absent.vtt"), quote: "x y z" }),
      JSON.stringify({ source: empty, quote: "x y z" }),
      JSON.stringify({ source: join(dir, "folder.vtt"), quote: "x y z" }),
      JSON.stringify({ source: PRICING, quote: "   " }),
      JSON.stringify({ source: PRICING, segment: null, quote: "Net 45 is fine." }),
      `{"source": "${PRICING}", "quote": "unterminated`,
    ].join("\r\n");
    const run = await runCapturedCli(["verify"], input);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const answers = run.stdout.trimEnd().split("\n").map(readAnswer);
    expect(answers.map((answer) => answer.match)).toEqual([
      "unverified",
      "exact",
      "unverified",
      "unverified",
      "unverified",
      "unverified",
      "unverified",
      "unverified",
      "unverified",
      "unverified",
      "exact",
      "unverified",
    ]);
    expect(answers.map((answer) => answer.reason ?? "")).toEqual([
      "line 1: not valid JSON",
      "",
      expect.stringMatching(/^line 3: expected \{"source": FILE/),
      expect.stringMatching(/^line 4: expected/),
      expect.stringMatching(/^line 5: expected/),
      expect.stringMatching(/^line 6: expected/),
      expect.stringMatching(/^line 8: cannot read .*absent\.vtt/),
      "line 9: empty.vtt: file is empty",
      expect.stringMatching(/^line 10: .*folder\.vtt is not a file/),
      "quote is empty",
      "",
      "line 13: not valid JSON",
    ]);
    for (const answer of answers.filter((a) => a.match === "unverified")) expect(answer.score).toBe(0);
  });

  it("takes --source and --segment as defaults for lines without them", async () => {
    const input = [
      JSON.stringify({ quote: "Net 45 is fine." }),
      JSON.stringify({ quote: "Net 45 is fine.", segment: "s27" }),
      JSON.stringify({ source: EMAIL, quote: "The pricing holds if we have a signature by Friday, February 6." }),
    ].join("\n");
    const run = await runCapturedCli(["verify", "--source", PRICING, "--segment", "s5"], `\ufeff${input}\n`);
    const [defaulted, own, elsewhere] = run.stdout.trimEnd().split("\n").map(readAnswer);
    expect(defaulted).toMatchObject({ match: "exact", segmentId: "s27", reason: expect.stringMatching(/cited segment s5/) });
    expect(own).toMatchObject({ match: "exact", segmentId: "s27" });
    expect(own!.reason).toBeUndefined();
    expect(elsewhere).toMatchObject({ match: "exact", segmentId: "s1", speaker: "Dana Whitlock" });
  });

  it("prints nothing for empty input", async () => {
    expect(await runCapturedCli(["verify", "--source", PRICING])).toEqual({ code: 0, stdout: "", stderr: "" });
  });
});

describe("baton verify, single form", () => {
  it("prints one readable line without --json", async () => {
    const found = await runCapturedCli(["verify", "--source", PRICING, "--quote", "You'll have it by Monday. I'm not promising anything."]);
    expect(found).toEqual({
      code: 0,
      stderr: "",
      stdout:
        "normalized match in segments s46, s47 (Dana Whitlock), characters 4171-4224: “You'll have it by Monday. I'm not promising anything”\n",
    });
    const elsewhere = await runCapturedCli(["verify", "--source", PRICING, "--segment", "s5", "--quote", "Net 45 is fine"]);
    expect(elsewhere.stdout).toMatch(
      /^exact match in segment s27 \(Dana Whitlock\), characters \d+-\d+: “Net 45 is fine” \[cited segment s5 does not contain the quote; found in s27\]\n$/,
    );
  });

  it("exits 0 on an answered unverified quote: the verdict is in the output", async () => {
    const run = await runCapturedCli(["verify", "--source", PRICING, "--quote", "I won't waive the implementation fee completely."]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toMatch(/^unverified: negation differs: quote has "won't"[^\n]*\n$/);
  });

  it.each<[string, () => string[], RegExp]>([
    ["a missing source", () => ["verify", "--source", join(dir, "absent.vtt"), "--quote", "hello there"], /cannot read .*absent\.vtt/],
    [
      "an empty source",
      () => {
        writeFileSync(join(dir, "blank.txt"), "");
        return ["verify", "--source", join(dir, "blank.txt"), "--quote", "hello there", "--json"];
      },
      /blank\.txt: file is empty/,
    ],
    ["a directory", () => ["verify", "--source", dir, "--quote", "hello there"], /is not a file/],
    ["no --source", () => ["verify", "--quote", "hello there"], /usage: baton verify/],
    ["a positional argument", () => ["verify", PRICING, "--quote", "hello there"], /usage: baton verify/],
    ["an unknown flag", () => ["verify", "--source", PRICING, "--quote", "hello", "--fuzzy"], /Unknown option '--fuzzy'/],
  ])("refuses %s: exit 2 and one line", async (_name, argv, reason) => {
    expectOneLineRefusal(await runCapturedCli(argv()), reason);
  });
});
