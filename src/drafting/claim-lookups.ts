import type { Citation } from "../domain/citation.ts";
import type { ParsedSource } from "../domain/source.ts";
import { replaceNumberWords } from "../extraction/read-numbers.ts";
import { normalizeCompany } from "../ingest/participants/assign-sides.ts";
import type { GroundedCandidate } from "./ground-candidates.ts";

// Words that say nothing about what a claim is about.
const STOP = new Set(
  "about after again also and any are back been before being both but can could did does doing done down each even every for from get got had has have having here how into its it's just like more most much need our out over same she should some such than that that's the their them then there these they this those through too under until very want was way we'll we're were what when where which while who will with would you you'll your yes okay right really think know going well i'll i'd we'll send sent let's".split(
    " ",
  ),
);

/** Content word ids, ascending and distinct. */
export type WordIds = Int32Array;

/** What the same-claim merge reads about a deal's sources and items, built once for all its passes. */
export type ClaimLookups = {
  /** The participant's full name a first name stands for, lower case. */
  fullName: (name: string) => string;
  /** The position of a citation's segment among its source's segments. */
  turnOf: (citation: Citation) => number | null;
  /** Sources without speakers: order forms, contracts. */
  documents: Set<string>;
  /**
   * The content words of an item's verified quotes, as the ids of a vocabulary shared by the deal's items, ascending
   * and distinct: a few bytes a word instead of a string and a set entry each, for every item of a large deal.
   */
  wordsOf: (item: GroundedCandidate) => WordIds;
  /** `copy` cites what `original` cites: it shares `original`'s words instead of holding a second set of them. */
  copyWords: (original: GroundedCandidate, copy: GroundedCandidate) => void;
};

/** The lookups of the passes over a deal's items. */
export function createClaimLookups(sources: ParsedSource[]): ClaimLookups {
  return {
    fullName: createNameResolver(sources),
    turnOf: createTurnLookup(sources),
    documents: new Set(sources.filter((s) => s.segments.every((g) => g.speaker === null)).map((s) => s.source.id)),
    ...createContentWordCache(companyWords(sources)),
  };
}

/** How many words of `y` are in `x`. */
export function countShared(x: WordIds, y: WordIds): number {
  let shared = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    if (x[i]! < y[j]!) i += 1;
    else if (x[i]! > y[j]!) j += 1;
    else {
      shared += 1;
      i += 1;
      j += 1;
    }
  }
  return shared;
}

/** The words of `y` that are not in `x`. */
export function wordsNotIn(x: WordIds, y: WordIds): number[] {
  const missing: number[] = [];
  let i = 0;
  for (const word of y) {
    while (i < x.length && x[i]! < word) i += 1;
    if (i === x.length || x[i] !== word) missing.push(word);
  }
  return missing;
}

/** Every word of `x` and of `y`. */
export function unionOf(x: WordIds, y: WordIds): WordIds {
  return toWordIds([...x, ...y]);
}

function toWordIds(ids: number[]): WordIds {
  const sorted = Int32Array.from(ids).sort();
  let kept = 0;
  for (let i = 0; i < sorted.length; i += 1) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[kept++] = sorted[i]!;
  return kept === sorted.length ? sorted : sorted.slice(0, kept);
}

/** `contentWords` remembered per item until its citations change (a merge only ever adds citations). */
function createContentWordCache(ignored: Set<string>): Pick<ClaimLookups, "wordsOf" | "copyWords"> {
  const cache = new WeakMap<GroundedCandidate, { citations: number; words: WordIds }>();
  const vocabulary = new Map<string, number>();
  const idOf = (word: string) => {
    let id = vocabulary.get(word);
    if (id === undefined) {
      id = vocabulary.size;
      vocabulary.set(word, id);
    }
    return id;
  };
  return {
    wordsOf(item) {
      const known = cache.get(item);
      if (known !== undefined && known.citations === item.citations.length) return known.words;
      const words = toWordIds(
        contentWords(item)
          .filter((word) => !ignored.has(word))
          .map(idOf),
      );
      cache.set(item, { citations: item.citations.length, words });
      return words;
    },
    copyWords(original, copy) {
      const known = cache.get(original);
      if (known !== undefined && known.citations === copy.citations.length) cache.set(copy, known);
    },
  };
}

function contentWords(item: GroundedCandidate): string[] {
  const quotes = item.citations
    .filter((c) => c.match !== "unverified")
    .map((c) => c.quote)
    .join(" ");
  // An acronym ("SOC", "TMS") names a thing however short it is; "16th" is the 16 a document writes.
  const acronyms = (quotes.match(/\b[A-Z]{2,}\b/g) ?? []).map((w) => w.toLowerCase());
  return [...wordsOf(replaceNumberWords(quotes)), ...acronyms];
}

function wordsOf(text: string): string[] {
  return (
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}'$%]+/u)
      .map((w) => w.replace(/^'+|'+$/g, "").replace(/(?:'s|s)$/, ""))
      .map((w) => w.replace(/^(\d+)(?:st|nd|rd|th)$/, "$1"))
      .map((w) => (/\d/.test(w) || w.length < 5 ? w : w.replace(/(?:ed|e|ing)$/, "")))
      // "Isn't" and "won't" are "not", which is too short to count, in a longer spelling.
      .filter((w) => (w.length >= 4 || /\d/.test(w)) && !STOP.has(w) && !w.endsWith("n't"))
  );
}

/**
 * The names of the deal's own companies ("Corvala", "Kestrel", from participants' companies and email domains): either
 * side says them in most of what it says, as "we" and "our", so sharing them says nothing about what two claims are
 * about ("Corvala's services team will do the migration" and "we'll have your service team live on Corvala by March
 * 16th"). Only a company's first word: the later ones are often words of their own ("Kestrel Ridge Freight", "Northwind
 * Data Services").
 */
function companyWords(sources: ParsedSource[]): Set<string> {
  const names = sources.flatMap(({ source }) =>
    source.participants.flatMap((p) => [
      ...(p.company === undefined ? [] : [normalizeCompany(p.company).split(" ")[0] ?? ""]),
      // "dana@corvala.example": the label before the top-level domain.
      ...(p.email === undefined
        ? []
        : [
            p.email
              .slice(p.email.lastIndexOf("@") + 1)
              .split(".")
              .at(-2) ?? "",
          ]),
    ]),
  );
  return new Set(wordsOf(names.join(" ")));
}

function createNameResolver(sources: ParsedSource[]): (name: string) => string {
  const people = sources.flatMap((s) => s.source.participants.map((p) => p.name));
  return (name) => {
    const lower = name.trim().toLowerCase();
    const first = lower.split(/\s+/)[0]!;
    const full = people.find((p) => p.toLowerCase() === lower) ?? people.find((p) => p.toLowerCase().split(/\s+/)[0] === first);
    return (full ?? name).toLowerCase();
  };
}

function createTurnLookup(sources: ParsedSource[]): (citation: Citation) => number | null {
  const turns = new Map<string, number>();
  for (const { source, segments } of sources) {
    for (const [index, segment] of segments.entries()) turns.set(`${source.id}|${segment.id}`, index);
  }
  return (citation) => turns.get(`${citation.sourceId}|${citation.segmentId}`) ?? null;
}
