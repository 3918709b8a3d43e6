import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../src/config.ts";
import { createQuoteIndex, type QuoteIndex } from "../../src/grounding/create-quote-index.ts";
import { type QuoteVerification, VERIFIED_MIN_SCORE } from "../../src/grounding/quote-verification.ts";
import { verifyQuote } from "../../src/grounding/verify-quote.ts";
import { parseSource } from "../../src/ingest/parse-source.ts";
import type { ParsedSource } from "../../src/domain/source.ts";
import { CORPUS_DIR, corpusAvailable, listCorpusFiles } from "../support/corpus-dir.ts";
import { describeWithCorpus } from "../support/describe-with-corpus.ts";
import { TEXT_EXPECTATIONS } from "../corpus/expectations/text.ts";
import { CAPTION_EXPECTATIONS } from "../corpus/expectations/captions.ts";

type Case = {
  file: string;
  quote: string;
  segmentId?: string;
  match: QuoteVerification["match"];
  segmentIds?: string[];
  reason?: RegExp;
};

const PRICING = "transcripts/tribeai-sales-calls/objection-pricing-01.md";
const DISCOVERY = "transcripts/tribeai-sales-calls/discovery-call-01.md";
const AMI = "transcripts/real-meetings-qmsum-ami/ES2013a.json";
const TRAVEL = "transcripts/aws-csr-call-json/Call Transcript Sample 1.json";
const COUNCIL = "captions/broadcast-council/oakland_captions.vtt";

// Quotes as a model would cite them from real transcripts, with the verdict each must get.
const CASES: Case[] = [
  { file: PRICING, quote: "the price is higher than what we budgeted for", match: "exact", segmentIds: ["s1"] },
  {
    file: PRICING,
    quote: "I’ve got to be honest - the price is higher than what we budgeted for.",
    match: "normalized",
    segmentIds: ["s1"],
  },
  {
    file: PRICING,
    quote: "Your quote came in at $101K",
    match: "unverified",
    reason: /amount differs: quote has "\$101K", source has "\$110K"/,
  },
  {
    file: PRICING,
    quote: "if you're seeing at least 10% improvement in deal velocity, we'll part ways",
    match: "unverified",
    reason: /negation differs: source has "not"/,
  },
  {
    file: PRICING,
    quote: "you'd only need to hit about 5% improvement to break even on the investment",
    match: "unverified",
    reason: /percentage differs: quote has "5%", source has "3%"/,
  },
  { file: PRICING, quote: "You've got 32 reps, averaging about $850K in revenue per rep annually", match: "fuzzy", segmentIds: ["s8"] },
  {
    file: PRICING,
    quote: "let's do a 90-day pilot with 10 of your reps",
    segmentId: "s20",
    match: "exact",
    segmentIds: ["s18"],
    reason: /cited segment s20 does not contain the quote; found in s18/,
  },
  {
    file: PRICING,
    quote: "We were thinking more like $50-60K annually. Your quote came in at $110K. Got it.",
    match: "normalized",
    segmentIds: ["s3", "s4"],
  },
  {
    file: PRICING,
    quote: "Your quote came in at $110K. Got it, let me make sure I understand the gap",
    segmentId: "s3",
    match: "fuzzy",
    segmentIds: ["s3", "s4"],
  },
  {
    file: PRICING,
    quote: "Send me the pilot proposal and the security questionnaire by the end of the week",
    match: "unverified",
    reason: /only a prefix matches/,
  },
  {
    file: PRICING,
    quote: "Kevin agreed to a three-month pilot for ten of his reps",
    match: "unverified",
    reason: /not found in the source/,
  },
  {
    file: PRICING,
    quote: "I talked to my team about Gong. Everyone's excited about the platform",
    match: "unverified",
    reason: /name differs: quote has "Gong", source has "TribeAI"/,
  },
  { file: DISCOVERY, quote: "We went from 18 to 28 reps.", match: "exact", segmentIds: ["s7"] },
  {
    file: DISCOVERY,
    quote: "We went from 18 to 38 reps. We thought more reps would mean more revenue",
    match: "unverified",
    reason: /number differs: quote has "38", source has "28"/,
  },
  {
    file: DISCOVERY,
    quote: "about 53% on actual customer conversations, the rest is CRM, email, internal meetings",
    match: "unverified",
    reason: /percentage differs/,
  },
  { file: DISCOVERY, quote: "Our top reps can smell when a deal is going sideways", match: "exact" },
  { file: AMI, quote: "we're the new group to create a new remote control for Real Reaction", match: "fuzzy", segmentIds: ["s2"] },
  { file: AMI, quote: "Are we all going to draw a dog?", match: "unverified" },
  {
    file: TRAVEL,
    quote: "your flight from Chicago to Honolulu on March 15th was indeed canceled by the airline",
    match: "exact",
    segmentIds: ["s5"],
  },
  {
    file: TRAVEL,
    quote: "your flight from Chicago to Honolulu on March 16th was indeed canceled by the airline",
    match: "unverified",
    reason: /number differs: quote has "16th", source has "15th"/,
  },
  {
    file: TRAVEL,
    quote: "your flight from Denver to Honolulu on March 15th was indeed canceled by the airline",
    match: "unverified",
    reason: /name differs: quote has "Denver", source has "Chicago"/,
  },
  {
    file: TRAVEL,
    quote: "I want a full refund for everything, the flight, the hotel, the car rental",
    match: "fuzzy",
    segmentIds: ["s10"],
  },
  { file: COUNCIL, quote: "showing five members present and three excused", match: "fuzzy", segmentIds: ["s13"] },
  {
    file: COUNCIL,
    quote: "showing six membrs present and three excused",
    match: "unverified",
    reason: /number differs: quote has "six", source has "five"/,
  },
  {
    file: COUNCIL,
    quote: "please do raise your hand or press star 9 if you wish to speak",
    match: "normalized",
    segmentIds: ["s40", "s41"],
  },
  {
    file: COUNCIL,
    quote: "there is a pending item in terms of funding the lao family 5 million dollars for 30 years",
    match: "unverified",
    reason: /negation differs: source has "no"/,
  },
  {
    file: COUNCIL,
    quote: "there is no pending item in terms of funding the lao family 50 million dollars for 30 years",
    match: "unverified",
    reason: /amount differs/,
  },
  {
    file: COUNCIL,
    quote: "There is no pending item in terms of funding the Lao family $5 million for 30 years.",
    match: "fuzzy",
    segmentIds: ["s41"],
  },
];

async function parseCorpusFile(path: string): Promise<ParsedSource> {
  const bytes = new Uint8Array(readFileSync(join(CORPUS_DIR, path)));
  return parseSource(bytes, path.split("/").at(-1)!, DEFAULT_LIMITS);
}

const REJECTED = new Set(
  Object.entries({ ...CAPTION_EXPECTATIONS, ...TEXT_EXPECTATIONS })
    .filter(([, expected]) => expected.rejects)
    .map(([path]) => path),
);

describeWithCorpus("grounding on the shared corpus", () => {
  describe("quotes cited from real transcripts", () => {
    const indexes = new Map<string, { parsed: ParsedSource; index: QuoteIndex }>();
    beforeAll(async () => {
      for (const file of new Set(CASES.map((testCase) => testCase.file))) {
        const parsed = await parseCorpusFile(file);
        indexes.set(file, { parsed, index: createQuoteIndex(parsed) });
      }
    });

    it.each(CASES)("$file: $quote → $match", (testCase) => {
      const { parsed, index } = indexes.get(testCase.file)!;
      const result = verifyQuote(index, testCase.quote, { segmentId: testCase.segmentId });
      expect(result.match, result.reason).toBe(testCase.match);
      if (result.match === "unverified") {
        expect(result.charStart).toBeNull();
        expect(result.score).toBeLessThan(VERIFIED_MIN_SCORE);
      } else {
        expect(result.quote).toBe(parsed.source.text.slice(result.charStart!, result.charEnd!));
      }
      if (testCase.segmentIds !== undefined) expect(result.segmentIds).toEqual(testCase.segmentIds);
      if (testCase.reason !== undefined) expect(result.reason).toMatch(testCase.reason);
    });
  });

  // Files the parsers reject are covered by the corpus test.
  const transcripts = corpusAvailable()
    ? listCorpusFiles().filter((path) => /^(?:transcripts|captions)\//.test(path) && !REJECTED.has(path))
    : [];

  describe.each(transcripts)("%s", (path) => {
    it("verifies every segment exact in its own segment, and in other case as normalized", async () => {
      const parsed = await parseCorpusFile(path);
      const index = createQuoteIndex(parsed);
      for (const segment of parsed.segments) {
        const exact = verifyQuote(index, segment.text, { segmentId: segment.id });
        expect(exact, segment.id).toMatchObject({
          match: "exact",
          charStart: segment.charStart,
          charEnd: segment.charEnd,
          segmentId: segment.id,
        });
        if (!/[a-z]/.test(segment.text) || segment.text.length > 2000) continue;
        const shouted = verifyQuote(index, segment.text.toUpperCase(), { segmentId: segment.id });
        if (shouted.match !== "unverified") expect(shouted.quote).toBe(parsed.source.text.slice(shouted.charStart!, shouted.charEnd!));
      }
    });
  });
});
