import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CORPUS_DIR } from "../support/corpus-dir.ts";
import { describeWithCorpus } from "../support/describe-with-corpus.ts";
import { runCapturedCli, useOfflineEnvironment } from "./run-captured-cli.ts";
import { checkVerifyCase, expectAnswerFits, readAnswer, toBatchLines, type VerifyCase } from "./verify-cases.ts";

useOfflineEnvironment();

const SALES_CALLS = join(CORPUS_DIR, "transcripts/tribeai-sales-calls");
const PRICING = join(SALES_CALLS, "objection-pricing-01.md");
const DISCOVERY = join(SALES_CALLS, "discovery-call-01.md");
// A Zoom cloud transcript of a real class: ASR slips ("the mold" for "the mole") and "…" ellipses.
const ZOOM = join(CORPUS_DIR, "captions/zoom/caleob_PLC_Fishbowl_zoom_transcript.vtt");

// Every rule of issue 5, through the CLI, on transcripts nobody on the team wrote.
const CASES: VerifyCase[] = [
  { rule: "exact", file: PRICING, quote: "the price is higher than what we budgeted for", match: "exact", segmentIds: ["s1"] },
  { rule: "exact", file: DISCOVERY, quote: "We went from 18 to 28 reps.", match: "exact", segmentIds: ["s7"] },
  {
    rule: "exact",
    file: ZOOM,
    quote: "So we're actually doing 18 zeros here. That's a lot of molecules.",
    match: "exact",
    segmentIds: ["s7"],
  },
  {
    rule: "normalized: case",
    file: DISCOVERY,
    quote: "SO WE USED TO CLOSE DEALS in about 50-55 days on average",
    match: "normalized",
    span: "So we used to close deals in about 50-55 days on average",
  },
  {
    rule: "normalized: whitespace",
    file: PRICING,
    quote: "We were thinking more like $50-60K annually.   Your quote\ncame in at $110K.",
    match: "normalized",
    segmentIds: ["s3"],
  },
  {
    rule: "normalized: curly quotes",
    file: DISCOVERY,
    quote: "“Champion hasn’t responded in 10 days”",
    match: "normalized",
    span: "Champion hasn't responded in 10 days",
  },
  {
    rule: "normalized: spaced hyphen for an em dash",
    file: DISCOVERY,
    quote: "So here's what we built TribeAI to solve - and it's pretty much exactly those three problems.",
    match: "normalized",
    segmentIds: ["s20"],
  },
  {
    rule: "normalized: double hyphen for an em dash",
    file: DISCOVERY,
    quote: "First problem -- admin work.",
    match: "normalized",
    span: "First problem—admin work",
  },
  {
    rule: "normalized: en dash for a hyphen",
    file: PRICING,
    quote: "We were thinking more like $50–60K annually.",
    match: "normalized",
    span: "We were thinking more like $50-60K annually",
  },
  {
    rule: "normalized: three dots for an ellipsis",
    file: ZOOM,
    quote: "Room? Would get you... would... would take about 1 mole of gas.",
    match: "normalized",
    span: "Room? Would get you… would… would take about 1 mole of gas",
  },
  {
    rule: "fuzzy: dropped filler",
    file: PRICING,
    quote:
      "So that's $27 million in total revenue. Now you mentioned your deal cycles are running 70-80 days and you'd like to get that back down to 50 days.",
    match: "fuzzy",
    segmentIds: ["s10"],
  },
  {
    rule: "fuzzy: dropped word",
    file: DISCOVERY,
    quote:
      "We did a time study last quarter. It was depressing. About 35% on customer conversations, the rest is CRM, email, internal meetings, all that.",
    match: "fuzzy",
    segmentIds: ["s12"],
  },
  {
    rule: "fuzzy: two dropped words",
    file: DISCOVERY,
    quote:
      "I'll set it up specifically for TechFlow, show how it would work with your Salesforce setup, use one of your deals as an example",
    match: "fuzzy",
    segmentIds: ["s41"],
  },
  {
    rule: "fuzzy: reordered words",
    file: PRICING,
    quote: "Now, you mentioned your deal cycles are running 70-80 days and you'd like to get that down back to 50 days.",
    match: "fuzzy",
    segmentIds: ["s10"],
  },
  {
    rule: "fuzzy: a fixed speech-recognition slip",
    file: ZOOM,
    quote:
      "Everything goes through the mole. So, just know that if you're in one area, and you want to get to another area, you have to convert to moles first",
    match: "fuzzy",
    segmentIds: ["s13"],
  },
  {
    rule: "negation added",
    file: PRICING,
    quote: "After 90 days, if you're seeing at least 10% improvement in deal velocity, we'll part ways.",
    match: "unverified",
    reason: /negation differs: source has "not"/,
  },
  {
    rule: "negation dropped",
    file: DISCOVERY,
    quote: "Usually we catch it until it's too late. Rep thinks it's moving forward, but the prospect has gone dark or de-prioritized it.",
    match: "unverified",
    reason: /negation differs: source has "don't"/,
  },
  {
    rule: "negation dropped",
    file: ZOOM,
    quote: "Why can you just stick a balloon full of helium on a scale, see what it weighs?",
    match: "unverified",
    reason: /negation differs: source has "can't"/,
  },
  {
    rule: "number",
    file: DISCOVERY,
    quote: "We went from 18 to 38 reps. We thought more reps would mean more revenue",
    match: "unverified",
    reason: /number differs: quote has "38", source has "28"/,
  },
  {
    rule: "number",
    file: ZOOM,
    quote: "So we're actually doing 19 zeros here. That's a lot of molecules.",
    match: "unverified",
    reason: /number differs: quote has "19", source has "18"/,
  },
  {
    rule: "amount",
    file: PRICING,
    quote: "So that's $72 million in total revenue.",
    match: "unverified",
    reason: /amount differs: quote has "\$72 million", source has "\$27 million"/,
  },
  {
    rule: "amount",
    file: DISCOVERY,
    quote: "For a team your size, about $9,000 per month. That includes everything—platform, support, quarterly optimization reviews.",
    match: "unverified",
    reason: /amount differs: quote has "\$9,000", source has "\$8,000"/,
  },
  {
    rule: "percentage",
    file: PRICING,
    quote: "Same reps, same effort, 41% more deals closed in a year.",
    match: "unverified",
    reason: /percentage differs: quote has "41%", source has "14%"/,
  },
  {
    rule: "percentage",
    file: DISCOVERY,
    quote: "About 45% on actual customer conversations, the rest is CRM, email, internal meetings, all that.",
    match: "unverified",
    reason: /percentage differs: quote has "45%", source has "35%"/,
  },
  {
    rule: "date: weekday",
    file: DISCOVERY,
    quote: "I've got Thursday at 3pm or Wednesday at 11am next week.",
    match: "unverified",
    reason: /date differs: quote has "Thursday", source has "Tuesday"/,
  },
  {
    rule: "date: period",
    file: DISCOVERY,
    quote: "For a team your size, about $8,000 per year. That includes everything—platform, support, quarterly optimization reviews.",
    match: "unverified",
    reason: /date differs: quote has "year", source has "month"/,
  },
  {
    rule: "time",
    file: DISCOVERY,
    quote: "I've got Tuesday at 4pm or Wednesday at 11am next week.",
    match: "unverified",
    reason: /time differs: quote has "4pm", source has "3pm"/,
  },
  {
    rule: "proper name",
    file: PRICING,
    quote: "Nicole, thanks for the follow-up. I talked to my team about Gong.",
    match: "unverified",
    reason: /name differs: quote has "Gong", source has "TribeAI"/,
  },
  {
    rule: "proper name",
    file: DISCOVERY,
    quote:
      "I'll set it up specifically for TechFlow—show how it would work with your HubSpot setup, use one of your actual deals as an example",
    match: "unverified",
    reason: /name differs: quote has "HubSpot", source has "Salesforce"/,
  },
  {
    rule: "wrong segment id: found elsewhere",
    file: PRICING,
    quote: "let's do a 90-day pilot with 10 of your reps",
    segment: "s20",
    match: "exact",
    segmentIds: ["s18"],
    reason: /cited segment s20 does not contain the quote; found in s18/,
  },
  {
    rule: "wrong segment id: found elsewhere",
    file: DISCOVERY,
    quote: "We went from 18 to 28 reps.",
    segment: "s3",
    match: "exact",
    segmentIds: ["s7"],
    reason: /found in s7/,
  },
  {
    rule: "unknown segment id: found elsewhere",
    file: ZOOM,
    quote: "So we're actually doing 18 zeros here.",
    segment: "s400",
    match: "exact",
    segmentIds: ["s7"],
    reason: /cited segment s400 does not exist; found in s7/,
  },
  {
    rule: "across two segments",
    file: PRICING,
    quote: "Your quote came in at $110K. Got it. Let me make sure I understand the gap.",
    match: "normalized",
    segmentIds: ["s3", "s4"],
  },
  {
    rule: "across two segments, cited in the second",
    file: DISCOVERY,
    quote: "That's exactly it. Okay. So here's what we built TribeAI to solve",
    segment: "s20",
    match: "normalized",
    segmentIds: ["s19", "s20"],
  },
  {
    rule: "across two segments, fuzzy",
    file: PRICING,
    quote: "Your quote came in at $110K. Got it, let me make sure I understand the gap",
    segment: "s3",
    match: "fuzzy",
    segmentIds: ["s3", "s4"],
  },
  {
    rule: "prefix only",
    file: PRICING,
    quote: "Send me the pilot proposal and the security questionnaire by the end of the week",
    match: "unverified",
    reason: /only a prefix matches/,
  },
  {
    rule: "prefix only",
    file: DISCOVERY,
    quote:
      "Before we hang up, can you send me access to a sample deal or two? I want to make the demo as relevant as possible, and a signed contract",
    match: "unverified",
    reason: /only a prefix matches/,
  },
  {
    rule: "fabricated",
    file: PRICING,
    quote: "Kevin agreed to a three-month pilot for ten of his reps",
    match: "unverified",
    reason: /not found in the source/,
  },
];

describeWithCorpus("baton verify on the shared corpus", () => {
  describe("single form", () => {
    it.each(CASES)("$rule: $quote → $match", async (testCase) => {
      await checkVerifyCase(testCase);
    });
  });

  describe("JSON lines on stdin", () => {
    it("answers every case in order, parsing each file once", async () => {
      const run = await runCapturedCli(["verify"], toBatchLines(CASES));
      expect(run.code, run.stderr).toBe(0);
      const lines = run.stdout.trimEnd().split("\n");
      expect(lines).toHaveLength(CASES.length);
      for (const [position, testCase] of CASES.entries()) await expectAnswerFits(readAnswer(lines[position]!), testCase);
    });
  });
});
