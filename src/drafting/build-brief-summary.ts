import type { BriefRisk, BriefSourceItem, BriefSummary } from "./brief.ts";
import { detailList, detailText, inSection } from "./brief-items.ts";
import { replaceNumberWords } from "../extraction/read-numbers.ts";
import { carriesMeaning, holdsFact, narrowQuote } from "./narrow-quote.ts";

// A quoted clause longer than this is cut at a word boundary: the sentence stays one a CSM would say.
const MAX_CLAUSE_WORDS = 12;
// A cut that saves fewer words than this is not worth the "…".
const MIN_CUT_WORDS = 4;

/**
 * The brief's opening sentence: the account, what they bought, why now and the one risk to watch, each part
 * cited by a marker ([1], [2], …) that names its item. Quoted clauses are the sources' own words, so nothing
 * is invented; null when the handoff states none of the three.
 */
export function buildBriefSummary(account: string, items: BriefSourceItem[], risks: BriefRisk[]): BriefSummary | null {
  const parts: BriefSummary["parts"] = [];
  const cite = (part: BriefSummary["parts"][number]["part"], item: BriefSourceItem) => {
    parts.push({ part, marker: parts.length + 1, cites: item.id });
    return `[${parts.length}]`;
  };
  const overview = inSection(items, "accountOverview");
  const product = overview.find((item) => hasField(item, "products"));
  const seats = overview.find((item) => hasField(item, "seats"));
  const why =
    inSection(items, "whyTheyBought").find((item) => detailText(item, "kind") === "trigger") ??
    inSection(items, "whyTheyBought").find((item) => detailText(item, "kind") === "pain") ??
    inSection(items, "whyTheyBought")[0];
  // A contradiction is for the AE to settle before the handoff; the risk a CSM watches is the customer's.
  const risk =
    risks.find((r) => r.reason === "redFlag" && !r.flags.includes("contradiction")) ??
    risks.find((r) => r.reason !== "politicalDynamics") ??
    risks[0];
  const riskItem = risk === undefined ? undefined : items.find((item) => item.id === risk.itemId);
  if (product === undefined && why === undefined && riskItem === undefined) return null;

  const value = findAnnualValue(overview);
  const seatPrice = findSeatPrice(seats);
  const bought =
    product === undefined
      ? `${account} (what they bought is not stated)`
      : `${account} bought ${contractValueOf(product, "products")}${seats && seats !== product ? `, ${contractValueOf(seats, "seats")}${seatPrice}` : ""}` +
        `${value ? `, ${value.words}` : ""} ${cite("bought", product)}` +
        [seats, value?.item]
          .filter((item, i, all): item is BriefSourceItem => item !== undefined && item !== product && all.indexOf(item) === i)
          .map((item) => ` ${cite("bought", item)}`)
          .join("");
  const whyNow = why === undefined ? "" : `; why now: ${quoted(why)} ${cite("whyNow", why)}`;
  const watch = riskItem === undefined ? "" : `; the one risk to watch: ${quoted(riskItem)} ${cite("risk", riskItem)}`;
  return { text: `${bought}${whyNow}${watch}.`, parts };
}

// The order form's value lines, best first: what they pay a year, else the contract's whole value.
const VALUE_LINES: { line: RegExp; words: (amount: string, term: string | undefined) => string }[] = [
  { line: /^total annual (?:subscription )?(?:fees|value)\s*:\s*(\$?[\d,.]+\d)\b/i, words: (amount) => `${amount} a year` },
  {
    line: /^total contract value(?:\s*\(([^)]{1,20})\))?\s*:\s*(\$?[\d,.]+\d)\b/i,
    words: (amount, term) => `${amount} total contract value${term ? ` (${term})` : ""}`,
  },
];

/** " at $492.00 a seat" from the seats item's own price line ("Price per agent seat per year: $492.00 (list …)"), else "". */
function findSeatPrice(seats: BriefSourceItem | undefined): string {
  for (const citation of seats?.citations ?? []) {
    const found = /^price per (?:\w+ )?seat\b[^:]{0,20}:\s*(\$[\d,.]+\d)\b/i.exec(citation.quote.trim());
    if (found !== null && citation.match !== "unverified") return ` at ${found[1]} a seat`;
  }
  return "";
}

/** The deal's value in the account's own lines ("Total annual subscription fees: $77,040.00" gives "$77,040.00 a year"). */
function findAnnualValue(overview: BriefSourceItem[]): { words: string; item: BriefSourceItem } | undefined {
  for (const { line, words } of VALUE_LINES) {
    for (const item of overview) {
      for (const citation of item.citations) {
        if (citation.match === "unverified") continue;
        const found = line.exec(citation.quote.trim());
        if (found === null) continue;
        // The contract-value line captures the term first, then the amount.
        return found.length === 3 ? { words: words(found[2]!, found[1]), item } : { words: words(found[1]!, undefined), item };
      }
    }
  }
  return undefined;
}

function hasField(item: BriefSourceItem, field: string): boolean {
  return detailText(item, "field") === field || detailList(item, "fields").includes(field);
}

/** The contract line's value without its label ("Product: Corvala Service Desk" gives "Corvala Service Desk"). */
function contractValueOf(item: BriefSourceItem, field: string): string {
  const cited = item.citations.find((c) => c.match !== "unverified" && lineField(c.quote) === field) ?? item.citations[0];
  const line =
    detailText(item, "value") !== null && item.citations.length <= 1 ? detailText(item, "value")! : (cited?.quote ?? item.statement);
  return shortenClause(line.replace(/^[^:]{1,40}:\s*/, "").replace(/[.;,]+$/, ""));
}

function lineField(quote: string): string | null {
  if (/^(?:product|plan|modules?)\b/i.test(quote)) return "products";
  if (/^(?:quantity|seats?)\b/i.test(quote)) return "seats";
  return null;
}

/**
 * The telling clause of an item's quotes for a one-line view: of the first speaker's quotes, one that names
 * someone `about` names (a stakeholder's own line), else one holding a number or a date, else the first.
 */
export function tellingQuote(
  citations: { quote: string; speaker: string | null; startMs?: number | null }[],
  about = "",
  options: { cut: boolean } = { cut: true },
): string {
  // The brief asks this of one item's citations several times as it is rendered (its line, the opener's markers):
  // the answer is kept with the array, and goes when the brief does.
  const key = `${options.cut ? 1 : 0}|${about}`;
  let known = TELLING_QUOTES.get(citations);
  const kept = known?.get(key);
  if (kept !== undefined) return kept;
  const found = findTellingQuote(citations, about, options);
  if (known === undefined) {
    known = new Map();
    TELLING_QUOTES.set(citations, known);
  }
  known.set(key, found);
  return found;
}

const TELLING_QUOTES = new WeakMap<object, Map<string, string>>();

function findTellingQuote(
  citations: { quote: string; speaker: string | null; startMs?: number | null }[],
  about: string,
  options: { cut: boolean },
): string {
  const own = citations.filter((c) => c.speaker === citations[0]?.speaker);
  const names = namesIn(about);
  const naming = names.length === 0 ? undefined : own.find((c) => namesIn(c.quote).some((name) => names.includes(name)));
  const numbered = own.find((c) => hasNumber(c.quote));
  // "We can't hire our way out of the call volume" tells more than "Which is, to be fair, why we need this".
  const factual = own.find((c) => holdsFact(c.quote));
  const chosen = naming ?? numbered ?? factual ?? own[0];
  if (chosen === undefined) return "";
  // "We're at like fifty-eight percent" needs the "I'd love seventy-five" said with it: a from-to stays whole.
  const next = own[own.indexOf(chosen) + 1];
  const pair =
    chosen === numbered && next !== undefined && chosen.startMs != null && next.startMs === chosen.startMs && hasNumber(next.quote)
      ? `” “${tellingClause(next.quote)}`
      : "";
  // "We lost them in November" needs who "them" is: the same speaker's sentence just before it, in the same item.
  // "We're at like fifty-eight percent" needs what is measured: the few words said just before it ("And first-contact
  // resolution.").
  const previous = own[own.indexOf(chosen) - 1];
  const namesMeasure =
    previous !== undefined &&
    chosen === numbered &&
    chosen.startMs != null &&
    previous.startMs === chosen.startMs &&
    !hasNumber(previous.quote) &&
    previous.quote.trim().split(/\s+/).length <= MAX_NAMING_WORDS;
  const referent =
    previous !== undefined && (namesMeasure || opensWithPronoun(narrowQuote(chosen.quote).shown))
      ? `${narrowQuote(tellingClause(previous.quote)).shown}” “`
      : "";
  return `${referent}${tellingClause(chosen.quote, about, options)}${pair}`;
}

// Words of a sentence that only names what the figure after it measures ("And first-contact resolution.").
const MAX_NAMING_WORDS = 4;

// A pronoun in a sentence's first words that points back to what was said before it ("We lost them", "That's six
// weeks"); not "it's", mostly a placeholder ("it's like eleven minutes a call").
const OPENING_PRONOUN =
  /^(?:[\p{L}']+[\s,]+){0,2}(?:it(?!'s)|its|they|them|their|they're|that|that's|this|these|those|he|him|his|she|her)\b/iu;

/** Whether a sentence opens by pointing back ("We lost them in November") and names nobody before the pronoun. */
function opensWithPronoun(sentence: string): boolean {
  const found = OPENING_PRONOUN.exec(sentence);
  return found !== null && !holdsFact(found[0].replace(/\S+$/, ""), { names: true });
}

function namesIn(text: string): string[] {
  return text.match(/\b[A-Z][a-z]{2,}\b/g) ?? [];
}

function hasNumber(text: string): boolean {
  return /\d|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b/i.test(replaceNumberWords(text));
}

/** The telling clause of an item's first quote, in quotation marks, with who said it. */
function quoted(item: BriefSourceItem): string {
  const citation = item.citations.find((c) => c.match !== "unverified");
  if (citation === undefined) return item.statement.replace(/[.]+$/, "");
  const by = citation.speaker === null ? "" : ` (${citation.speaker})`;
  return `“${tellingClause(citation.quote)}”${by}`;
}

/**
 * The clause of a sentence that names someone `about` names ("I've got Ray from IT" for Ray Tanaka), else
 * one that holds a number or a date, else its longest clause; at most MAX_CLAUSE_WORDS words, cut between words.
 */
export function tellingClause(sentence: string, about = "", options: { cut: boolean } = { cut: true }): string {
  const shorten = options.cut ? shortenClause : (text: string) => text;
  const clauses = sentence
    .split(/,\s+(?:and|but|so)\s+|;\s+|\s+[–—]\s+/i)
    .map((c) => c.trim().replace(/[.!?,;:]+$/, ""))
    .filter((c) => c.split(/\s+/).length >= 3);
  const whole = narrowQuote(sentence).shown.replace(/[.!?,;:]+$/, "");
  if (clauses.length === 0) return shorten(whole);
  const names = namesIn(about);
  const naming = clauses.find((c) => namesIn(c).some((word) => names.includes(word)));
  const withNumber = clauses.find((c) => hasNumber(c));
  const longest = clauses.reduce((a, b) => (b.length > a.length ? b : a));
  const chosen = naming ?? withNumber ?? longest;
  // A clause left out must not take a number, date, negation, name, modal or condition with it ("…, so Nate will
  // report to Vince"): then the sentence stays whole.
  // Under a person, the clause naming them is theirs: the others' names belong to other people ("I've got Ray from
  // IT, Vince from operations, and Keisha, …" shows "I've got Ray from IT" for Ray).
  // What a clause is set against (", but his team still has open questions") is part of it: the sentence stays whole,
  // uncut ("Ray says the SOC 2 report looks fine" alone says the opposite of the concern).
  const after = sentence.indexOf(chosen) + chosen.length;
  if (/^[.!?]?,\s+but\s/i.test(sentence.slice(after))) return whole;
  const others = sentence.replace(chosen, " ");
  const kept = chosen === naming ? carriesMeaning(others, { names: false }) : carriesMeaning(others);
  return shorten(kept ? whole : chosen);
}

/**
 * A clause cut after MAX_CLAUSE_WORDS words, between words, unless the cut would drop a number, date, negation or
 * name ("I can take…" would hide the eighteen percent promised) or only a few words: then it stays whole.
 */
const COORDINATING = /^(?:and|or|but|nor|plus)$/i;
const LEADING_WORD = /^(?:so|then|with|without|to|of|for|in|on|at|by|from|the|a|an|our|your|their|my|its)$/i;
const MIN_KEPT_WORDS = 6;

function shortenClause(text: string): string {
  const words = text.split(/\s+/);
  const tail = words.slice(MAX_CLAUSE_WORDS).join(" ");
  if (words.length - MAX_CLAUSE_WORDS < MIN_CUT_WORDS || holdsFact(tail)) return text;
  // "…every agent live on it and…" would leave out the second of two things said: the sentence stays whole. A cut
  // never ends on a word that leads into what follows either ("…trained on…"): it comes before it.
  if (COORDINATING.test(words[MAX_CLAUSE_WORDS - 1]!)) return text;
  let kept = MAX_CLAUSE_WORDS;
  while (kept > MIN_KEPT_WORDS && LEADING_WORD.test(words[kept - 1]!)) kept -= 1;
  return `${words
    .slice(0, kept)
    .join(" ")
    .replace(/[,;:]+$/, "")}…`;
}
