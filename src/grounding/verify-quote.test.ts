import { describe, expect, it } from "vitest";
import { buildSampleCall } from "../../test/support/build-sample-call.ts";
import { createQuoteIndex } from "./create-quote-index.ts";
import { QuoteVerificationSchema, type QuoteVerification, VERIFIED_MIN_SCORE } from "./quote-verification.ts";
import { verifyQuote } from "./verify-quote.ts";

const call = buildSampleCall();
const index = createQuoteIndex(call);

type Case = {
  name: string;
  quote: string;
  segmentId?: string;
  match: QuoteVerification["match"];
  /** The source text the result must point at (verified cases). */
  span?: string;
  segmentIds?: string[];
  reason?: RegExp;
};

function check(testCase: Case): QuoteVerification {
  const result = verifyQuote(index, testCase.quote, { segmentId: testCase.segmentId });
  expect(QuoteVerificationSchema.parse(result)).toEqual(result);
  expect(result.match, result.reason).toBe(testCase.match);
  if (result.match === "unverified") {
    expect(result).toMatchObject({ charStart: null, charEnd: null, quote: null, segmentId: null, segmentIds: [] });
    expect(result.score).toBeLessThan(VERIFIED_MIN_SCORE);
    expect(result.reason).toBeTruthy();
  } else {
    expect(result.quote).toBe(call.source.text.slice(result.charStart!, result.charEnd!));
    expect(result.score).toBeGreaterThanOrEqual(VERIFIED_MIN_SCORE);
    expect(result.segmentId).toBe(result.segmentIds[0]);
  }
  if (testCase.span !== undefined) expect(result.quote).toBe(testCase.span);
  if (testCase.segmentIds !== undefined) expect(result.segmentIds).toEqual(testCase.segmentIds);
  if (testCase.reason !== undefined) expect(result.reason).toMatch(testCase.reason);
  return result;
}

describe("verifyQuote: exact", () => {
  it.each<Case>([
    { name: "a verbatim quote", quote: "the price is higher than what we budgeted for", match: "exact", segmentIds: ["s1"] },
    {
      name: "a verbatim quote with spaces around it",
      quote: "  Your quote came in at $110K.\n",
      match: "exact",
      span: "Your quote came in at $110K.",
      segmentIds: ["s3"],
    },
    {
      name: "the occurrence in the cited segment",
      quote: "We will refund the setup fee",
      segmentId: "s12",
      match: "exact",
      segmentIds: ["s12"],
    },
    { name: "the first occurrence without a segment", quote: "we will refund the setup fee", match: "exact", segmentIds: ["s4"] },
    {
      name: "a neighbour of the cited segment before the rest",
      quote: "will refund the setup fee",
      segmentId: "s11",
      match: "exact",
      segmentIds: ["s12"],
      reason: /cited segment s11 does not contain the quote; found in s12/,
    },
    {
      name: "a wrong segment id, reported with the real one",
      quote: "the renewal was $180K",
      segmentId: "s2",
      match: "exact",
      segmentIds: ["s5"],
      reason: /found in s5/,
    },
    {
      name: "an unknown segment id",
      quote: "the renewal was $180K",
      segmentId: "s99",
      match: "exact",
      segmentIds: ["s5"],
      reason: /s99 does not exist/,
    },
    { name: "a quote stopping inside a number", quote: "cancel within 3", match: "unverified" },
    { name: "a quote cut before n't", quote: "We don", match: "unverified" },
    { name: "a quote that is part of a longer number", quote: "$10", match: "unverified" },
  ])("$name", (testCase) => {
    check(testCase);
  });

  it("reports the speaker and start time of the segment", () => {
    const result = check({ name: "", quote: "I appreciate you being direct", match: "exact" });
    expect(result).toMatchObject({ segmentId: "s2", speaker: "Nicole", startMs: 12_000, score: 1 });
    expect(result.reason).toBeUndefined();
  });
});

describe("verifyQuote: normalized", () => {
  it.each<Case>([
    {
      name: "case",
      quote: "THE PRICE IS HIGHER than what we budgeted for",
      match: "normalized",
      span: "the price is higher than what we budgeted for",
    },
    {
      name: "curly double quotes in the source",
      quote: 'she runs the "white-glove" kickoff',
      match: "normalized",
      span: "she runs the “white-glove” kickoff",
    },
    { name: "a curly apostrophe in the quote", quote: "I’ve got to be honest", match: "normalized", span: "I've got to be honest" },
    {
      name: "a spaced hyphen for an em dash",
      quote: "honest - the price is higher",
      match: "normalized",
      span: "honest—the price is higher",
    },
    { name: "a double hyphen for an em dash", quote: "honest -- the price", match: "normalized", span: "honest—the price" },
    {
      name: "three dots for an ellipsis",
      quote: "Priya from onboarding... she runs",
      match: "normalized",
      span: "Priya from onboarding… she runs",
    },
    { name: "whitespace runs and newlines", quote: "the price  is\nhigher", match: "normalized", span: "the price is higher" },
    {
      name: "surrounding quote marks and punctuation",
      quote: "“We were thinking more like $50-60K annually.”",
      match: "normalized",
      span: "We were thinking more like $50-60K annually",
    },
    {
      name: "a quote across two segments",
      quote: "Your quote came in at $110K. So um, we will refund the setup fee",
      match: "normalized",
      segmentIds: ["s3", "s4"],
    },
    { name: "a name in other case", quote: "our cfo, dana whitfield, signs anything above $100k", match: "normalized", segmentIds: ["s9"] },
  ])("$name", (testCase) => {
    check(testCase);
  });

  it("reports the first segment of a cross-boundary quote", () => {
    const result = check({ name: "", quote: "came in at $110K. So um, we will", match: "normalized" });
    expect(result).toMatchObject({ segmentId: "s3", segmentIds: ["s3", "s4"], speaker: "Kevin", startMs: 20_000 });
  });
});

describe("verifyQuote: fuzzy", () => {
  it.each<Case>([
    {
      name: "dropped um and you know",
      quote: "So we will refund the setup fee if you cancel within 30 days",
      match: "fuzzy",
      span: "So um, we will refund the setup fee if you, you know, cancel within 30 days",
      segmentIds: ["s4"],
    },
    {
      name: "a dropped word",
      quote: "We'll have the integration with Salesforce by March 15",
      match: "fuzzy",
      span: "We'll have the integration with Salesforce done by March 15",
    },
    { name: "two reordered words", quote: "We'll have the Salesforce integration done by March 15", match: "fuzzy", segmentIds: ["s6"] },
    {
      name: "a fixed speech-recognition slip and a dropped repeat",
      quote: "the integration has to be live before we roll out to the 32 reps",
      match: "fuzzy",
      span: "the intergration has to be live before we roll out to the 32 reps",
    },
    {
      name: "a number in digits instead of words",
      quote: "We can offer a 12% discount on a 3-year term",
      match: "fuzzy",
      segmentIds: ["s8"],
    },
    {
      name: "a dropped filler across two segments",
      quote: "Your quote came in at $110K. We will refund the setup fee",
      match: "fuzzy",
      segmentIds: ["s3", "s4"],
    },
    {
      name: "a fuzzy match in the cited segment first",
      quote: "so, we will refund the setup fee",
      segmentId: "s12",
      match: "fuzzy",
      segmentIds: ["s12"],
    },
    {
      name: "the same fuzzy quote cited elsewhere",
      quote: "so, we will refund the setup fee",
      segmentId: "s4",
      match: "fuzzy",
      segmentIds: ["s4"],
    },
    { name: "a short quote, never fuzzy", quote: "we will refund the fee", match: "unverified", reason: /too few words/ },
    {
      name: "a prefix-only overlap",
      quote: "We were thinking more like $50-60K annually and we can sign the order this week",
      match: "unverified",
      reason: /only a prefix matches/,
    },
    {
      name: "an invented plain last word",
      quote: "the integration has to be live before we roll out to the 32 reps nationwide",
      match: "unverified",
      reason: /only a prefix matches/,
    },
    { name: "an invented last word", quote: "the price is higher than what we budgeted for this quarter", match: "unverified" },
    {
      name: "an invented start",
      quote: "Frankly speaking our finance team said the price is higher than what we budgeted for",
      match: "unverified",
    },
    { name: "a paraphrase", quote: "the cost is above the budget we planned", match: "unverified", reason: /not found in the source/ },
    {
      name: "one word swapped for its opposite",
      quote: "I've got to be honest, the price is lower than what we budgeted for",
      match: "unverified",
      reason: /word differs: quote has "lower", source has "higher"/,
    },
    {
      name: "a quote stitched from distant segments",
      quote: "Your quote came in at $110K. I appreciate you being direct, Kevin",
      match: "unverified",
    },
  ])("$name", (testCase) => {
    check(testCase);
  });
});

describe("verifyQuote: meaning guard", () => {
  it.each<Case>([
    {
      name: "an added negation",
      quote: "we will not refund the setup fee if you cancel within 30 days",
      match: "unverified",
      reason: /negation differs: quote has "not"/,
    },
    {
      name: "an added n't",
      quote: "we won't refund the setup fee if you cancel within 30 days",
      match: "unverified",
      reason: /negation differs: quote has "won't"/,
    },
    {
      name: "a dropped negation",
      quote: "We use the reporting module and we never log calls on Fridays",
      match: "unverified",
      reason: /negation differs: source has "don't"/,
    },
    {
      name: "never swapped for always",
      quote: "We don't use the reporting module and we always log calls on Fridays",
      match: "unverified",
      reason: /negation differs: source has "never"/,
    },
    {
      name: "an amount with swapped digits",
      quote: "the renewal was $108K for the second year",
      match: "unverified",
      reason: /amount differs: quote has "\$108K", source has "\$180K"/,
    },
    {
      name: "a changed number",
      quote: "we will refund the setup fee if you cancel within 60 days",
      match: "unverified",
      reason: /number differs: quote has "60", source has "30"/,
    },
    {
      name: "a changed percentage",
      quote: "We can offer a 15% discount on a three-year term",
      match: "unverified",
      reason: /percentage differs: quote has "15%", source has "12%"/,
    },
    {
      name: "a changed weekday",
      quote: "I'll send the contract on Thursday at 3pm",
      match: "unverified",
      reason: /date differs: quote has "Thursday", source has "Tuesday"/,
    },
    {
      name: "a changed time",
      quote: "I'll send the contract on Tuesday at 4pm",
      match: "unverified",
      reason: /time differs: quote has "4pm", source has "3pm"/,
    },
    {
      name: "a changed day of the month",
      quote: "We'll have the integration with Salesforce done by March 16",
      match: "unverified",
      reason: /number differs: quote has "16", source has "15"/,
    },
    {
      name: "a changed month",
      quote: "We'll have the integration with Salesforce done by April 15",
      match: "unverified",
      reason: /date differs: quote has "April"/,
    },
    {
      name: "a changed surname",
      quote: "Our CFO, Dana Whitman, signs anything above $100K",
      match: "unverified",
      reason: /name differs: quote has "Whitman", source has "Whitfield"/,
    },
    { name: "swapped roles", quote: "The vendor pays the customer $5K upfront", match: "unverified", reason: /word order differs/ },
    {
      name: "a certain promise for a possible one",
      quote: "we will sign the order by Friday",
      match: "unverified",
      reason: /modal differs: quote has "will", source has "might"/,
    },
    { name: "numbers in reverse order", quote: "Headcount went from 28 to 18 reps", match: "unverified", reason: /number order differs/ },
    {
      name: "swapped pronouns",
      quote: "we pay them at least 10% more for premium support",
      match: "unverified",
      reason: /person differs|person order differs/,
    },
    {
      name: "a dropped at least",
      quote: "they pay us 10% more for premium support",
      match: "unverified",
      reason: /qualifier differs: source has "least"/,
    },
    {
      name: "a changed product name",
      quote: "We'll have the integration with HubSpot done by March 15",
      match: "unverified",
      reason: /name differs: quote has "HubSpot", source has "Salesforce"/,
    },
  ])("$name", (testCase) => {
    check(testCase);
  });
});

describe("verifyQuote: refusals", () => {
  it.each<Case>([
    { name: "an empty quote", quote: "   ", match: "unverified", reason: /quote is empty/ },
    { name: "punctuation only", quote: "…!?", match: "unverified", reason: /no words/ },
    {
      name: "a quote longer than 2,000 characters",
      quote: "the price is higher ".repeat(120),
      match: "unverified",
      reason: /quote too long/,
    },
    {
      name: "a fabricated quote",
      quote: "We guarantee a 99.9% uptime SLA with penalties",
      match: "unverified",
      reason: /not found in the source/,
    },
  ])("$name", (testCase) => {
    check(testCase);
  });

  // Its time is measured by `npm run bench verify` (worst-case inputs).
  it("refuses a megabyte quote as too long", () => {
    const result = verifyQuote(index, "we will refund ".repeat(70_000));
    expect(result.match).toBe("unverified");
    expect(result.reason).toMatch(/quote too long/);
  });
});
