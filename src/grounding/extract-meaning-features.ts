import { type Token, tokenizeWords } from "./tokenize-words.ts";
import { classifyWords, WORD_CLASS } from "./word-classes.ts";
import { isDigitAt } from "./word-characters.ts";
import { dateWordOf, isQualifier, modalOf, negationOf, personOf, scaleOf } from "./meaning-words.ts";

/** What kind of meaning a feature carries; a quote and its span must agree on every kind. */
export const FEATURE_KINDS = [
  "negation",
  "modal",
  "qualifier",
  "percentage",
  "amount",
  "number",
  "time",
  "date",
  "person",
  "name",
] as const;
type FeatureKind = (typeof FEATURE_KINDS)[number];

export type MeaningFeature = {
  kind: FeatureKind;
  /** Canonical value compared across the two texts ("108000", "not", "tuesday", "kevin"). */
  value: string;
  /** The text as written, for the reason shown to the user ("$108K"). */
  surface: string;
};

type MeaningFeatures = { features: MeaningFeature[]; keys: ReadonlySet<string> };

const CURRENCY_SYMBOLS = new Set(["$", "€", "£", "¥"]);
const CURRENCY_WORDS = new Set(["dollar", "dollars", "usd", "bucks", "euro", "euros", "eur", "pound", "pounds", "gbp", "grand"]);
const SUFFIX_SCALE: Record<string, number> = { k: 1e3, m: 1e6, mm: 1e6, b: 1e9, bn: 1e9 };
const PLAIN_NUMBER = /^(\d+(?:\.\d+)?)(k|m|mm|b|bn|x|st|nd|rd|th|s|am|pm)?$/;
const CLOCK_TIME = /^\d{1,2}:\d{2}(?:am|pm)?$/;
const PERIOD_NAME = /^(?:q[1-4]|h[12]|fy\d{2,4})$/;
const SENTENCE_END = new Set([".", "!", "?", ":", ";", "\n", "\u2026"]);
const OPENERS = new Set([" ", "\t", "\r", '"', "'", "\u201c", "\u2018", "(", "[", "*", "_", "\u00a0"]);
const MINUS_SIGNS = new Set(["-", "\u2212"]);

function formatValue(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}

/** Whether the word at `start` opens a sentence, where a capital says nothing about a name. */
export function startsSentence(text: string, start: number): boolean {
  let index = start - 1;
  while (index >= 0 && OPENERS.has(text[index]!)) index -= 1;
  return index < 0 || SENTENCE_END.has(text[index]!);
}

/** Whether a word as written starts with a capital letter. */
export function isCapitalised(raw: string): boolean {
  const first = raw[0]!;
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

/** Reads the number starting at token `at` with its currency, scale and unit words; null if none. */
function readQuantity(text: string, tokens: Token[], at: number): { feature: MeaningFeature; next: number } | null {
  const token = tokens[at]!;
  const key = token.key;
  let kind: FeatureKind = "number";
  let value: number | null = null;
  let label = key;
  let next = at + 1;
  const hasCurrency = at > 0 && CURRENCY_SYMBOLS.has(tokens[at - 1]!.key);
  // The key writes "15K" out as "15000"; the suffix as written still says it is an amount.
  const scaled = isDigitAt(text, token.start) && !isDigitAt(text, token.end - 1);
  const written = scaled ? text.slice(token.start, token.end).toLowerCase().replaceAll(",", "") : key;
  const match = PLAIN_NUMBER.exec(written);
  if (CLOCK_TIME.test(key)) kind = "time";
  else if (PERIOD_NAME.test(key)) kind = "date";
  else if (match !== null) {
    value = Number(match[1]);
    const suffix = match[2];
    if (suffix !== undefined && suffix in SUFFIX_SCALE) {
      value *= SUFFIX_SCALE[suffix]!;
      kind = "amount";
    } else if (suffix === "am" || suffix === "pm") {
      kind = "time";
    } else if (suffix !== undefined) {
      label = `${formatValue(value)}${suffix}`;
      value = null;
    }
  } else if (scaleOf(key) !== null) {
    value = scaleOf(key);
  } else if (!/\d/.test(key)) {
    return null;
  }
  if (value !== null) {
    for (let scale = scaleOf(tokens[next]?.key ?? ""); scale !== null; scale = scaleOf(tokens[next]?.key ?? "")) {
      value *= scale;
      next += 1;
    }
    const following = tokens[next]?.key ?? "";
    if (following === "percent" || following === "pct") {
      kind = "percentage";
      next += 1;
    } else if (following === "am" || following === "pm") {
      kind = "time";
      label = `${formatValue(value)}${following}`;
      value = null;
      next += 1;
    } else if (CURRENCY_WORDS.has(following)) {
      kind = "amount";
      next += 1;
    } else if (kind === "number" && !hasCurrency && Number.isInteger(value) && value >= 1900 && value <= 2099 && next === at + 1) {
      kind = "date";
    }
  }
  let surfaceStart = tokens[at]!.start;
  if (hasCurrency && kind !== "time" && kind !== "date") {
    if (kind !== "percentage") kind = "amount";
    surfaceStart = tokens[at - 1]!.start;
  }
  let canonical = value === null ? label : formatValue(value);
  // "-14%" is not "14%"; the dash of a range ("50-60K") follows a digit and is not a sign.
  const before = text[surfaceStart - 1];
  if (before !== undefined && MINUS_SIGNS.has(before) && (surfaceStart < 2 || /[\s(]/.test(text[surfaceStart - 2]!))) {
    canonical = `-${canonical}`;
    surfaceStart -= 1;
  }
  const surface = text.slice(surfaceStart, tokens[next - 1]!.end);
  return { feature: { kind, value: canonical, surface }, next };
}

function besideNumber(tokens: Token[], at: number): boolean {
  return /\d/.test(tokens[at - 1]?.key ?? "") || /\d/.test(tokens[at + 1]?.key ?? "");
}

/** The negations, modals, qualifiers, quantities, dates, pronouns and proper names of a text, in order. */
export function extractMeaningFeatures(text: string): MeaningFeatures {
  const tokens = tokenizeWords(text);
  // Fillers ("you know", "I mean") say nothing about who did what; quotes may drop them.
  const classes = classifyWords(tokens.map((token) => token.key));
  const features: MeaningFeature[] = [];
  let at = 0;
  while (at < tokens.length) {
    const token = tokens[at]!;
    if (classes[at] === WORD_CLASS.filler) {
      at += 1;
      continue;
    }
    const raw = text.slice(token.start, token.end);
    const quantity = readQuantity(text, tokens, at);
    if (quantity !== null) {
      features.push(quantity.feature);
      at = quantity.next;
      continue;
    }
    const capitalisedMidSentence = isCapitalised(raw) && !startsSentence(text, token.start);
    const date = dateWordOf(token.key, capitalisedMidSentence, besideNumber(tokens, at));
    const negation = negationOf(token.key);
    const modal = date === null ? modalOf(token.key) : null;
    const person = personOf(token.key);
    const qualifier = isQualifier(token.key);
    if (negation !== null) features.push({ kind: "negation", value: negation, surface: raw });
    if (modal !== null) features.push({ kind: "modal", value: modal, surface: raw });
    if (person !== null) features.push({ kind: "person", value: person, surface: raw });
    if (qualifier) features.push({ kind: "qualifier", value: token.key, surface: raw });
    if (date !== null) features.push({ kind: "date", value: date, surface: raw });
    const functionWord = negation !== null || modal !== null || person !== null || qualifier || date !== null;
    if (capitalisedMidSentence && !functionWord) features.push({ kind: "name", value: token.key, surface: raw });
    at += 1;
  }
  return { features, keys: new Set(tokens.map((token) => token.key)) };
}
