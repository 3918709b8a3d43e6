// Verifications per second on a long generated call (run by run-benchmarks.ts in its own process).
import { DEFAULT_LIMITS } from "../../src/config.ts";
import { createQuoteIndex } from "../../src/grounding/create-quote-index.ts";
import { verifyQuote } from "../../src/grounding/verify-quote.ts";
import { parseSource } from "../../src/ingest/parse-source.ts";
import { formatCueTime } from "./generate-inputs.ts";

const SIZE = Number(process.argv[2] ?? 1024 * 1024);
const QUOTES_PER_KIND = 400;

const NAMES = ["Gloria", "Nate", "Elaine", "Ray", "Vince", "Keisha", "Priya", "Sam"];
const PRODUCTS = ["Salesforce", "Snowflake", "Okta", "Haulwise", "TrackDesk", "Zendesk"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const CITIES = ["Spokane", "Boise", "Portland", "Missoula", "Tacoma", "Yakima"];
const SPEAKERS = ["Dana Whitlock", "Gloria Mendez", "Nate Brennan", "Elaine Kovac"];

/** Deterministic pseudo-random integers (mulberry32), so every run verifies the same quotes. */
function createRandom(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % below) | 0;
  };
}

// Speech as sales calls have it, numbers and names varied so that passages repeat in shape, not in content.
const TEMPLATES: Array<(pick: <T>(values: T[]) => T, number: (below: number) => number) => string> = [
  (pick, n) => `We have ${n(90) + 10} reps in ${pick(CITIES)} and they close about ${n(40) + 5}% of their deals.`,
  (_pick, n) => `The renewal came in at $${n(400) + 50}K for ${n(300) + 20} seats, which is more than we planned.`,
  (pick, n) =>
    `Um, so we'll need the ${pick(PRODUCTS)} integration live by ${pick(MONTHS)} ${n(28) + 1}, you know, before the rollout in ${pick(CITIES)}.`,
  (pick, n) => `I talked to ${pick(NAMES)} about the pilot and she wants ${n(50) + 5} users on it by ${pick(WEEKDAYS)}.`,
  (pick, n) => `Our handle time is around ${n(15) + 5} minutes and we want it under ${n(4) + 1} minutes by ${pick(MONTHS)}.`,
  (pick) => `Honestly the price is higher than what we budgeted for, so I'd need to take it to ${pick(NAMES)} first.`,
  (pick) => `We don't use the ${pick(PRODUCTS)} module and we never log calls on ${pick(WEEKDAYS)}s.`,
  (pick, n) => `I can cap the renewal increase at ${n(9) + 1} percent and we'll put that in the order form for ${pick(NAMES)}.`,
];

/** A Teams-style WebVTT call of about `targetBytes`, two or three sentences per cue. */
function generateCall(targetBytes: number): string {
  const random = createRandom(42);
  const pick = <T>(values: T[]): T => values[random(values.length)]!;
  const parts = ["WEBVTT\n\n"];
  let size = parts[0]!.length;
  for (let cue = 0; size < targetBytes; cue += 1) {
    const sentences = Array.from({ length: 2 + random(2) }, () => pick(TEMPLATES)(pick, random));
    const part = `${cue + 1}\n${formatCueTime(cue * 9000, ".")} --> ${formatCueTime(cue * 9000 + 8500, ".")}\n<v ${SPEAKERS[cue % SPEAKERS.length]}>${sentences.join(" ")}</v>\n\n`;
    parts.push(part);
    size += part.length;
  }
  return parts.join("");
}

type QuoteKind = "exact" | "normalized" | "fuzzy" | "number changed" | "fabricated";

/** Quotes of each kind taken from the call's own sentences, as a model would cite them. */
function buildQuotes(sentences: string[]): Record<QuoteKind, string[]> {
  const random = createRandom(7);
  const pickSentence = () => sentences[random(sentences.length)]!;
  const take = (make: () => string | null) => {
    const quotes: string[] = [];
    while (quotes.length < QUOTES_PER_KIND) {
      const quote = make();
      if (quote !== null) quotes.push(quote);
    }
    return quotes;
  };
  return {
    exact: take(pickSentence),
    normalized: take(() => pickSentence().toUpperCase().replace(/'/g, "’").replace(/ /g, "  ")),
    // Fillers dropped: what models do to a quote most often.
    fuzzy: take(() => {
      const sentence = pickSentence();
      return sentence.startsWith("Um, so") ? sentence.replace("Um, so", "So").replace(", you know,", "") : null;
    }),
    "number changed": take(() => {
      const sentence = pickSentence();
      // Past every generated range, so the changed figure is nowhere in the call.
      return /\d/.test(sentence) ? sentence.replace(/\d+/, (digits) => String(Number(digits) + 1000)) : null;
    }),
    fabricated: take(
      () =>
        `We guarantee ${random(90) + 10}% uptime and ${NAMES[random(NAMES.length)]} will pay the penalties every ${WEEKDAYS[random(5)]} in ${CITIES[random(6)]}.`,
    ),
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

const bytes = new TextEncoder().encode(generateCall(SIZE));
const parseStart = performance.now();
const parsed = await parseSource(bytes, "long-call.vtt", { ...DEFAULT_LIMITS, maxSegments: 1_000_000 });
const parseMs = performance.now() - parseStart;

let indexMs = Number.POSITIVE_INFINITY;
let index = createQuoteIndex(parsed);
for (let run = 0; run < 3; run += 1) {
  const start = performance.now();
  index = createQuoteIndex(parsed);
  indexMs = Math.min(indexMs, performance.now() - start);
}

const sentences = parsed.segments.flatMap((segment) => segment.text.split(/(?<=\.) /));
const quotes = buildQuotes(sentences);
const results: Array<Record<string, string | number>> = [
  {
    bench: "verify index build",
    kind: "index",
    bytes: bytes.length,
    segments: parsed.segments.length,
    tokens: index.tokens.count,
    ms: round(indexMs),
    parseMs: round(parseMs),
  },
];
for (const [kind, list] of Object.entries(quotes) as Array<[QuoteKind, string[]]>) {
  const expected = kind === "number changed" || kind === "fabricated" ? "unverified" : kind;
  for (const quote of list.slice(0, 20)) verifyQuote(index, quote); // warm-up
  let matching = 0;
  let slowestMs = 0;
  const start = performance.now();
  for (const quote of list) {
    const started = performance.now();
    if (verifyQuote(index, quote).match === expected) matching += 1;
    slowestMs = Math.max(slowestMs, performance.now() - started);
  }
  const ms = performance.now() - start;
  results.push({
    bench: "verify",
    kind,
    quotes: list.length,
    perSecond: Math.round(list.length / (ms / 1000)),
    meanMs: round(ms / list.length),
    slowestMs: round(slowestMs),
    // Share of quotes that got the verdict their kind calls for: the bench measures what it claims.
    asExpected: round(matching / list.length),
  });
}
const peakRssMb = round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(`${JSON.stringify({ results, peakRssMb })}\n`);
