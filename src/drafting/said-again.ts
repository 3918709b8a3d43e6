import type { Citation } from "../domain/citation.ts";
import { carriesMeaning } from "./narrow-quote.ts";
import { countSharedStems, wordStems } from "./word-stems.ts";

// Lines of an item that say again what another of its lines says: listed by where in the Markdown draft (see
// pickShownCitations), kept whole in the JSON.

/**
 * Whether a spoken line only says again the signed document's term the item opens with: “I'll waive the implementation
 * fee completely.” under “Implementation services: $15,000.00, waived”. A line with a number, date, negation, name or
 * condition (“if you sign by the sixth…”) says more, and stays.
 */
export function restatesDocument(run: Citation[], first: Citation[]): boolean {
  const term = first[0]!;
  if (run === first || term.speaker !== null || term.startMs !== null || run[0]!.speaker === null) return false;
  const quote = run.map((c) => c.quote).join(" ");
  // The promise's own "I'll" is what makes it a promise, not a condition on it.
  if (carriesMeaning(quote.replace(/\b(?:I|we)(?:'ll| will)\b/gi, ""))) return false;
  return countSharedStems(wordStems(quote), wordStems(term.quote)) >= 2;
}

/**
 * Whether `later`, a line of the item from another source said by the same person, states the same target again
 * ("Handle time … from eleven minutes to under four." then "Handle time under four minutes, and call volume down thirty
 * percent…"): two pairs of words in common, neither word a little one. The AE approves the target as last stated; the
 * earlier wording is listed by where.
 */
export function restatesLater(run: Citation[], later: Citation[]): boolean {
  const [a, b] = [run[0]!, later[0]!];
  if (a.speaker === null || a.speaker !== b.speaker || a.sourceId === b.sourceId) return false;
  const pairs = wordPairs(run);
  return [...wordPairs(later)].filter((pair) => pairs.has(pair)).length >= 2;
}

const LITTLE_WORDS = new Set(
  "a an the of to in on at by for from with and or but is are was be it its we our i my you your that this".split(" "),
);

function wordPairs(run: Citation[]): Set<string> {
  const words = run
    .map((c) => c.quote)
    .join(" ")
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .filter((word) => word !== "");
  const pairs = new Set<string>();
  for (let i = 1; i < words.length; i++) {
    if (!LITTLE_WORDS.has(words[i - 1]!) && !LITTLE_WORDS.has(words[i]!)) pairs.add(`${words[i - 1]} ${words[i]}`);
  }
  return pairs;
}

/**
 * Whether a document's line of a technical item says what a spoken line says of the same system, in four of its words
 * or more: “Corvala relay agent for the Haulwise TMS (customer VM, outbound HTTPS only)” for “We'd install our relay
 * agent on a VM on your side, it only makes outbound calls over 443…”. The document is what was bought: its line shows.
 */
export function describedBy(run: Citation[], line: Citation[]): boolean {
  const term = line[0]!;
  if (run === line || term.speaker !== null || term.startMs !== null || run[0]!.speaker === null) return false;
  return countSharedStems(wordStems(run.map((c) => c.quote).join(" ")), wordStems(term.quote)) >= MIN_DESCRIBED_WORDS;
}

const MIN_DESCRIBED_WORDS = 4;

// A value that is only a sum of money: "$77,040.00", "€1,200 per year" is not (a rate).
const MONEY_VALUE = /^([$€£]\s?[\d,]+(?:\.\d+)?)$/;
// A document's "Label: value" line: "Contract start date: February 16, 2026".
const LABELLED_LINE = /^[^:]{1,60}:\s+(.+?)\s*$/;

/**
 * A document's "Label: value" lines whose value another line of the item states inside a longer one ("Contract
 * start date: February 16, 2026" beside "Subscription term: 12 months, February 16, 2026 to …"). Two lines with one
 * value both stay: "Start: March 1" and "Renewal: March 1" are two facts. Two lines whose value is one sum of money
 * are one fact: "Total annual subscription fees: $77,040.00" gives way to the later "Total contract value (12 months):
 * $77,040.00" (over several years the two differ, and both show).
 */
export function findRestatedLines(citations: Citation[]): Set<Citation> {
  const lines = citations.filter((c) => c.match !== "unverified" && c.speaker === null && c.startMs === null);
  const labelledValue = (c: Citation) => LABELLED_LINE.exec(c.quote.replace(/\s+/g, " "))?.[1]?.replace(/[.;]$/, "").toLowerCase();
  const restated = new Set<Citation>();
  for (const line of lines) {
    const value = labelledValue(line);
    if (value === undefined) continue;
    const within = (other: Citation) => {
      const otherValue = labelledValue(other) ?? other.quote.replace(/\s+/g, " ").toLowerCase();
      return otherValue !== value && otherValue.includes(value);
    };
    if (lines.some((other) => other !== line && within(other))) restated.add(line);
    const money = MONEY_VALUE.exec(value)?.[1];
    const later = lines.slice(lines.indexOf(line) + 1);
    if (money !== undefined && later.some((other) => MONEY_VALUE.exec(labelledValue(other) ?? "")?.[1] === money)) restated.add(line);
  }
  return restated;
}
