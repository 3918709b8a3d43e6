import { describe, expect, it } from "vitest";
import { buildParsedSource, type Turn } from "../../test/support/build-parsed-source.ts";
import { TextBuilder } from "../ingest/text-builder.ts";
import { createQuoteIndex } from "./create-quote-index.ts";
import { type QuoteVerification, QuoteVerificationSchema, VERIFIED_MIN_SCORE } from "./quote-verification.ts";
import { verifyQuote } from "./verify-quote.ts";

// A call with ordinals, amounts and names where the cases below change one thing each.
const TURNS: Turn[] = [
  ["Gloria Mendez", "We can sign by the sixth if legal signs off on the redlines."],
  ["Nate Brennan", "The kickoff call is booked on the fourth, right after the holiday."],
  ["Nate Brennan", "Gloria, can you send the security questionnaire to our IT team today?"],
  ["Gloria Mendez", "The pilot budget is $15,000 for the first quarter and we can expand later."],
  ["Nate Brennan", "We will roll it out to at least ten teams in the first wave."],
  ["Gloria Mendez", "Our renewal is due on the 3rd of June and the budget closes on the 21st."],
  ["Nate Brennan", "I talked to Elaine about the pilot and the renewal came in at $108K for the second year."],
  ["Gloria Mendez", "Four reps joined the pilot last week and we meet again on Thursday at noon."],
  ["Nate Brennan", "We have twenty-five reps and the pilot ends on the twenty-first of May."],
];

const call = buildParsedSource({ id: "src_call", filename: "call.txt", turns: TURNS });
const index = createQuoteIndex(call);

type Case = { name: string; quote: string; match: QuoteVerification["match"]; span?: string; reason?: RegExp; notReason?: RegExp };

function check(testCase: Case): void {
  const result = verifyQuote(index, testCase.quote);
  expect(QuoteVerificationSchema.parse(result)).toEqual(result);
  expect(result.match, result.reason).toBe(testCase.match);
  if (result.match === "unverified") {
    expect(result).toMatchObject({ charStart: null, charEnd: null, quote: null, segmentIds: [] });
    expect(result.score).toBeLessThan(VERIFIED_MIN_SCORE);
  } else {
    expect(result.quote).toBe(call.source.text.slice(result.charStart!, result.charEnd!));
    expect(result.score).toBeGreaterThanOrEqual(VERIFIED_MIN_SCORE);
  }
  if (testCase.span !== undefined) expect(result.quote).toBe(testCase.span);
  if (testCase.reason !== undefined) expect(result.reason).toMatch(testCase.reason);
  if (testCase.notReason !== undefined) expect(result.reason).not.toMatch(testCase.notReason);
}

describe("verifyQuote: ordinals in words and digits", () => {
  it.each<Case>([
    {
      name: "a changed ordinal word",
      quote: "We can sign by the seventh if legal signs off on the redlines.",
      match: "unverified",
      reason: /^number differs: quote has "seventh", source has "sixth"/,
    },
    {
      name: "an ordinal word against digits",
      quote: "Our renewal is due on the fourth of June",
      match: "unverified",
      reason: /^number differs: quote has "fourth", source has "3rd"/,
    },
    {
      name: "a hyphenated ordinal against digits",
      quote: "and the budget closes on the twenty-second",
      match: "unverified",
      reason: /^number differs: quote has "twenty-second", source has "21st"/,
    },
    {
      name: "a changed ordinal in digits",
      quote: "Our renewal is due on the 4th of June",
      match: "unverified",
      reason: /^number differs: quote has "4th", source has "3rd"/,
    },
    {
      name: "digits for an ordinal word",
      quote: "We can sign by the 6th if legal signs off on the redlines",
      match: "fuzzy",
      span: "We can sign by the sixth if legal signs off on the redlines",
    },
    {
      name: "a hyphenated ordinal word for digits",
      quote: "the budget closes on the twenty-first",
      match: "fuzzy",
      span: "the budget closes on the 21st",
    },
    {
      name: "a spaced ordinal word for digits",
      quote: "Our renewal is due on the third of June and the budget closes on the twenty first",
      match: "fuzzy",
      span: "Our renewal is due on the 3rd of June and the budget closes on the 21st",
    },
    {
      name: "part of a spelled compound number",
      quote: "five reps and the pilot ends",
      match: "unverified",
      reason: /number differs: quote has "five", source has "twenty-five"/,
    },
    {
      name: "the unit of a spelled compound ordinal",
      quote: "the pilot ends on the first of May",
      match: "unverified",
      reason: /number differs: quote has "first", source has "twenty-first"/,
    },
    { name: "the tens of a spelled compound number", quote: "We have twenty", match: "unverified" },
    {
      name: "digits for a spelled compound number",
      quote: "We have 25 reps and the pilot ends on the 21st of May",
      match: "fuzzy",
      span: "We have twenty-five reps and the pilot ends on the twenty-first of May",
    },
    {
      name: "2nd for second",
      quote: "the renewal came in at $108K for the 2nd year",
      match: "fuzzy",
      span: "the renewal came in at $108K for the second year",
    },
  ])("$name", check);
});

describe("verifyQuote: one changed word at an edge of the quote", () => {
  it.each<Case>([
    {
      name: "a changed last ordinal",
      quote: "The kickoff call is booked on the fifth",
      match: "unverified",
      reason: /^number differs: quote has "fifth", source has "fourth"/,
    },
    {
      name: "a changed first name at a sentence start",
      quote: "Elaine, can you send the security questionnaire to our IT team today?",
      match: "unverified",
      reason: /^name differs: quote has "Elaine", source has "Gloria"/,
    },
    {
      name: "a changed first number word",
      quote: "Five reps joined the pilot last week",
      match: "unverified",
      reason: /^number differs: quote has "Five", source has "Four"/,
    },
    {
      name: "a changed last weekday",
      quote: "Four reps joined the pilot last week and we meet again on Friday",
      match: "unverified",
      reason: /^date differs: quote has "Friday", source has "Thursday"/,
    },
    {
      name: "a changed last amount",
      quote: "I talked to Elaine about the pilot and the renewal came in at $118K",
      match: "unverified",
      reason: /^amount differs: quote has "\$118K", source has "\$108K"/,
    },
    {
      name: "a negation for the first words",
      quote: "We won't sign by the sixth if legal signs off on the redlines",
      match: "unverified",
      reason: /^negation differs: quote has "won't"/,
    },
  ])("$name", check);
});

describe("verifyQuote: an invented end is reported as a partial match", () => {
  it.each<Case>([
    {
      name: "an invented tail with a qualifier",
      quote: "We will roll it out to at least ten teams in the first wave and only then to everyone else",
      match: "unverified",
      reason: /^only a prefix matches/,
      notReason: /qualifier/,
    },
    {
      name: "an invented tail with a qualifier and a weekday",
      quote: "We can sign by the sixth if legal signs off on the redlines before Friday",
      match: "unverified",
      reason: /^only a prefix matches/,
    },
    {
      name: "an invented tail with a qualifier after a name",
      quote: "Gloria, can you send the security questionnaire to all of the vendors",
      match: "unverified",
      reason: /^only a prefix matches/,
    },
    {
      name: "an invented start with a qualifier",
      quote: "Maybe in the spring, the pilot budget is $15,000 for the first quarter",
      match: "unverified",
      reason: /^only a suffix matches/,
    },
    {
      name: "an invented last word beside the next turn's pronoun",
      quote: "We will roll it out to at least ten teams in the first wave everywhere",
      match: "unverified",
      reason: /^only a prefix matches/,
    },
    {
      name: "a difference inside the matched words still wins",
      quote: "We will roll it out to at least eleven teams in the first wave and only",
      match: "unverified",
      reason: /^number differs: quote has "eleven", source has "ten"/,
    },
  ])("$name", check);
});

describe("verifyQuote: amounts equal by value", () => {
  it.each<Case>([
    {
      name: "$15K for $15,000 in a sentence",
      quote: "The pilot budget is $15K for the first quarter and we can expand later.",
      match: "fuzzy",
      span: "The pilot budget is $15,000 for the first quarter and we can expand later",
    },
    { name: "$15K for $15,000 in a short quote", quote: "budget is $15K", match: "fuzzy", span: "budget is $15,000" },
    { name: "the amount alone", quote: "“$15K”", match: "fuzzy", span: "$15,000" },
    { name: "$108,000 for $108K", quote: "the renewal came in at $108,000", match: "fuzzy", span: "the renewal came in at $108K" },
    { name: "$0.108M for $108K", quote: "the renewal came in at $0.108M", match: "fuzzy", span: "the renewal came in at $108K" },
    {
      name: "a reformatted amount with a dropped filler",
      quote: "So the pilot budget is $15K for the first quarter and we can expand later",
      match: "fuzzy",
      span: "The pilot budget is $15,000 for the first quarter and we can expand later",
    },
    {
      name: "another amount",
      quote: "The pilot budget is $16K for the first quarter",
      match: "unverified",
      reason: /^amount differs: quote has "\$16K", source has "\$15,000"/,
    },
    { name: "another amount, short", quote: "budget is $16K", match: "unverified" },
    {
      name: "15K without the currency against $15,000",
      quote: "15K for the first quarter",
      match: "unverified",
      reason: /^amount differs: quote has "15K"/,
    },
    { name: "other punctuation besides the amount", quote: "budget, is $15K", match: "unverified" },
  ])("$name", check);
});

describe("verifyQuote: an amount written another way, cited in a segment", () => {
  it("reports the occurrence in the cited segment, at the source's own offsets", () => {
    const builder = new TextBuilder(10);
    for (const text of ["The pilot budget is $15,000 for now.", "Agreed.", "The pilot budget is $15,000 for now."]) {
      builder.add({ speaker: "Nate", startMs: null, endMs: null, text });
    }
    const { text, segments } = builder.finish();
    const twice = createQuoteIndex({ source: { text }, segments });
    const result = verifyQuote(twice, "the pilot budget is $15K", { segmentId: "s3" });
    expect(result).toMatchObject({ match: "fuzzy", segmentId: "s3", quote: "The pilot budget is $15,000" });
    expect(text.slice(result.charStart!, result.charEnd!)).toBe(result.quote);
    expect(verifyQuote(twice, "the pilot budget is $15K").segmentId).toBe("s1");
  });
});
