import type { Citation } from "../domain/citation.ts";
import type { DraftItem } from "../domain/item.ts";
import { readDeliveryEvidence } from "../domain/delivery-evidence.ts";
import { carriesMeaning } from "./narrow-quote.ts";
import { countSharedStems, wordStems } from "./word-stems.ts";

/** Quote lines (quotes said at one moment share a line) a Markdown item shows in full. */
export const MAX_SHOWN_LINES = 3;
const DEBATES = new Set(["competition", "objections"]);
/** An alternative's: what it is and who wanted it, and the last word on it (why it lost, or why they chose this vendor). */
export const MAX_ALTERNATIVE_LINES = 2;
/** A stakeholder's: the heading says who they are (title, role, stance, email); one line shows what it rests on. */
export const MAX_PERSON_LINES = 1;

/**
 * The strongest few quote lines of an item, chosen deterministically and shown in the item's own order: the
 * statement's own quote (the first line), then for a contradiction the first line of each other source that states
 * other figures (one line per side, and no more), then in a debate (competition, objections) the item's last line when it
 * answers the one before it (the last word), then the last line of another speaker (the latest answer: the resolution), then the first line of the item's
 * last source, then the earliest others, up to MAX_SHOWN_LINES. A promise a later source says was
 * delivered shows its own line only: its header quotes the delivery. The rest are listed by where only; the JSON and
 * the review screen keep every citation. Unverified quotes are always shown: the reviewer must see them. An
 * account overview's lines are its facts and are all shown, but for spoken lines beside a document's (those are listed by where). A stakeholder shows MAX_PERSON_LINES, and never, beside
 * another line, someone else's roll call that names other people of the deal too (`otherPeople`: their first names):
 * “I've got Ray from IT, Vince from operations, and Keisha…” says little about Ray.
 */
export function pickShownCitations(
  item: Pick<DraftItem, "citations" | "flags" | "section" | "details">,
  otherPeople: string[] = [],
): {
  shown: Citation[][];
  rest: Citation[];
} {
  const restated = findRestatedLines(item.citations);
  const runs = runsOfOneMoment(item.citations.filter((c) => !restated.has(c)));
  const found = runs.filter((run) => run[0]!.match !== "unverified");
  if (found.length === 0) return { shown: runs, rest: [...restated] };
  if (item.section === "accountOverview") {
    // A document's lines are the facts, all shown; what was said about them, beside them, is listed by where.
    const said = runs.filter((run) => run[0]!.match !== "unverified" && run[0]!.speaker !== null);
    const spoken = said.length < found.length ? new Set(said) : new Set<Citation[]>();
    return {
      shown: runs.filter((run) => !spoken.has(run)),
      rest: item.citations.filter((c) => restated.has(c) || [...spoken].some((run) => run.includes(c))),
    };
  }
  const person = item.section === "stakeholders" && typeof item.details?.name === "string" ? item.details.name : null;
  const aboutOthers = (run: Citation[]) => person !== null && run[0]!.speaker !== person && namesAnyOf(run, otherPeople);
  const shownFirst = found.some((run) => !aboutOthers(run)) ? found.filter((run) => !aboutOthers(run)) : found;
  const verified =
    item.section === "promises"
      ? shownFirst.filter((run) => !restatesDocument(run, shownFirst[0]!))
      : item.section === "successCriteria"
        ? shownFirst.filter((run, i) => !shownFirst.slice(i + 1).some((later) => restatesLater(run, later)))
        : item.section === "technicalEnvironment"
          ? shownFirst.filter((run) => !shownFirst.some((line) => describedBy(run, line)))
          : shownFirst;
  const maxLines =
    readDeliveryEvidence(item.details) !== null
      ? 1
      : person !== null
        ? MAX_PERSON_LINES
        : item.section === "competition"
          ? MAX_ALTERNATIVE_LINES
          : MAX_SHOWN_LINES;
  const picked = new Set<Citation[]>();
  const pick = (run: Citation[] | undefined) => {
    if (run !== undefined && picked.size < maxLines) picked.add(run);
  };
  const first = verified[0]![0]!;
  pick(verified[0]);
  if (item.flags?.includes("contradiction")) {
    // One line per figure said: the header already names every source saying each one.
    const said = new Set([figuresOf(verified[0]!)]);
    for (const sourceId of new Set(verified.map((run) => run[0]!.sourceId))) {
      const run = verified.find((r) => r[0]!.sourceId === sourceId)!;
      const figures = figuresOf(run);
      if (figures !== "" && said.has(figures)) continue;
      said.add(figures);
      pick(run);
    }
    return shownAndRest(runs, found, picked, restated, item.citations);
  }
  // In a debate, the last word when it answers the line before it ("It's cheaper until you count the six-month
  // integration project."); a promise's doubter (“Is that real?”) counts more than the seller's reply to it.
  const [before, latest] = [verified.at(-2)?.[0], verified.at(-1)?.[0]];
  if (DEBATES.has(item.section) && before?.speaker && latest?.speaker && before.speaker !== latest.speaker) pick(verified.at(-1));
  pick(verified.findLast((run) => run[0]!.speaker !== null && first.speaker !== null && run[0]!.speaker !== first.speaker));
  const last = verified[verified.length - 1]![0]!.sourceId;
  if (![...picked].some((run) => run[0]!.sourceId === last)) pick(verified.find((run) => run[0]!.sourceId === last));
  for (const run of verified) pick(run);
  return shownAndRest(runs, found, picked, restated, item.citations);
}

function shownAndRest(
  runs: Citation[][],
  found: Citation[][],
  picked: Set<Citation[]>,
  restated: Set<Citation>,
  citations: Citation[],
): { shown: Citation[][]; rest: Citation[] } {
  return {
    shown: runs.filter((run) => run[0]!.match === "unverified" || picked.has(run)),
    rest: citations.filter((c) => restated.has(c) || found.some((run) => !picked.has(run) && run.includes(c))),
  };
}

/** The numbers written in digits on a line ("150", "120"), as one key. */
function figuresOf(run: Citation[]): string {
  return [...new Set(run.flatMap((c) => c.quote.match(/\d[\d,.]*/g) ?? []))].sort().join(" ");
}

/**
 * Whether a spoken line only says again the signed document's term the item opens with: “I'll waive the implementation
 * fee completely.” under “Implementation services: $15,000.00, waived”. A line with a number, date, negation, name or
 * condition (“if you sign by the sixth…”) says more, and stays.
 */
function restatesDocument(run: Citation[], first: Citation[]): boolean {
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
function restatesLater(run: Citation[], later: Citation[]): boolean {
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
function describedBy(run: Citation[], line: Citation[]): boolean {
  const term = line[0]!;
  if (run === line || term.speaker !== null || term.startMs !== null || run[0]!.speaker === null) return false;
  return countSharedStems(wordStems(run.map((c) => c.quote).join(" ")), wordStems(term.quote)) >= MIN_DESCRIBED_WORDS;
}

const MIN_DESCRIBED_WORDS = 4;

/** Whether a line names any of these first names as a whole word. */
function namesAnyOf(run: Citation[], names: string[]): boolean {
  return names.length > 0 && run.some((c) => c.quote.split(/[^\p{L}\p{N}]+/u).some((word) => names.includes(word)));
}

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
function findRestatedLines(citations: Citation[]): Set<Citation> {
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

/** Consecutive verified citations of one source, speaker and timestamp in runs; a document's lines stay one a line. */
export function runsOfOneMoment(citations: Citation[]): Citation[][] {
  const runs: Citation[][] = [];
  for (const citation of citations) {
    const last = runs[runs.length - 1]?.[0];
    const sameMoment =
      last !== undefined &&
      last.match !== "unverified" &&
      citation.match !== "unverified" &&
      last.sourceId === citation.sourceId &&
      last.speaker === citation.speaker &&
      citation.startMs !== null &&
      last.startMs === citation.startMs;
    if (sameMoment) runs[runs.length - 1]!.push(citation);
    else runs.push([citation]);
  }
  return runs;
}
