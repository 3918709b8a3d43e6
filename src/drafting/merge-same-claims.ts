import { SECTION_KEYS, type SectionKey } from "../domain/sections.ts";
import type { ParsedSource } from "../domain/source.ts";
import type { GroundedCandidate } from "./ground-candidates.ts";
import { systemFamilyOf } from "../extraction/system-family.ts";
import { type ClaimLookups, countShared, createClaimLookups, unionOf, type WordIds, wordsNotIn } from "./claim-lookups.ts";
import { createKeyedPositions, type KeyedPositions } from "./keyed-positions.ts";
import {
  ACTION_SECTIONS,
  absorb,
  ANSWERED_FIRST,
  answersAlternative,
  continuesTurn,
  familyOf,
  hasVerified,
  isFlagged,
  isSameClaim,
  MAX_MERGED_CITATIONS,
  MIN_SHARED,
  onlySource,
  text,
  WORDLESS_SECTIONS,
} from "./same-claim-rule.ts";

/**
 * Items of one section that state the same claim from different places (a person introduced on a call and
 * listed on the order form, a promise made on a call and written into the contract) become one item citing
 * every place. Works on the items' details and quotes, so it runs for both extractors.
 * Takes over `items` (the array is emptied) and leaves the items in it unchanged: the first pass merges copies of
 * them, so once it is done they are let go; later passes merge the copies in place.
 */
export function mergeSameClaims(items: GroundedCandidate[], sources: ParsedSource[]): GroundedCandidate[] {
  // A merge can make two items the same claim ("You'll have it" joined to the request it answers): repeat until stable.
  let current = items.splice(0);
  const lookups = createClaimLookups(sources);
  for (let pass = 0; pass < 3; pass++) {
    const next = mergeOnce(current, lookups, pass === 0);
    if (next.length === current.length) return next;
    current = next;
  }
  return current;
}

/** One pass; `copy`: merge into copies of `items` (theirs), else into `items` themselves (this merge's own copies). */
function mergeOnce(items: GroundedCandidate[], lookups: ClaimLookups, copy: boolean): GroundedCandidate[] {
  const out: GroundedCandidate[] = [];
  const index = createKeyedPositions();
  // An item with the most citations, or flagged, is nobody's twin any more: both only grow.
  const live = (position: number) => out[position]!.citations.length < MAX_MERGED_CITATIONS && !isFlagged(out[position]!);
  // What each kept item is filed under already: a merge only adds keys and words.
  const filedKeys: string[][] = [];
  const filedWords: WordIds[] = [];
  const fileUnderKeys = (position: number) => {
    const item = out[position]!;
    if (!live(position) || !hasVerified(item)) return;
    filedKeys[position] ??= [];
    const keys = filedKeys[position];
    for (const key of twinKeys(item, lookups)) {
      if (keys.includes(key)) continue;
      keys.push(key);
      index.add(key, position);
    }
    const before = filedWords[position];
    const words = lookups.wordsOf(item);
    for (const word of before === undefined ? words : wordsNotIn(before, words)) index.add(wordKey(item.section, word), position);
    filedWords[position] = before === undefined ? words : unionOf(before, words);
  };
  for (const item of items) {
    const isTwin = (other: GroundedCandidate) =>
      isSameClaim(other, item, lookups) || continuesTurn(other, item, lookups.turnOf) || continuesTurn(item, other, lookups.turnOf);
    const twin = closestTwin(out, item, candidatePositions(item, index, live, lookups), isTwin, lookups);
    if (twin === undefined) {
      const kept = copy ? { ...item, citations: [...item.citations], evidence: [...item.evidence], details: { ...item.details } } : item;
      if (kept !== item) lookups.copyWords(item, kept);
      out.push(kept);
      fileUnderKeys(out.length - 1);
      continue;
    }
    absorb(twin.item, item);
    fileUnderKeys(twin.position);
  }
  return out;
}

/**
 * The closest of the kept items among `positions` that are twins: the alternative a why-we-chose line answers in
 * its own turn first (see answersAlternative), else the one sharing most words with `item`, the earliest on a tie:
 * what a scan of every kept item would find.
 */
function closestTwin(
  out: GroundedCandidate[],
  item: GroundedCandidate,
  positions: number[],
  isTwin: (other: GroundedCandidate) => boolean,
  { wordsOf }: ClaimLookups,
): { item: GroundedCandidate; position: number } | undefined {
  let best: { item: GroundedCandidate; position: number; shared: number } | undefined;
  for (const position of positions.sort((a, b) => a - b)) {
    const other = out[position]!;
    if (other.citations.length >= MAX_MERGED_CITATIONS || !isTwin(other)) continue;
    const shared = countShared(wordsOf(other), wordsOf(item)) + (answersAlternative(other, item) ? ANSWERED_FIRST : 0);
    if (best === undefined || shared > best.shared) best = { item: other, position, shared };
  }
  return best;
}

/**
 * Every kept item that can be `item`'s twin, and maybe others: those continuing or continued by its turn, those
 * with its name, system, competitor or contract part, and those sharing at least `minSharedFor` content words.
 */
function candidatePositions(
  item: GroundedCandidate,
  index: KeyedPositions,
  live: (position: number) => boolean,
  lookups: ClaimLookups,
): number[] {
  const { turnOf, wordsOf } = lookups;
  if (isFlagged(item) || !hasVerified(item)) return [];
  const found = new Set<number>();
  const first = item.citations.find((c) => c.match !== "unverified")!;
  const last = item.citations.filter((c) => c.match !== "unverified").at(-1)!;
  const [firstTurn, lastTurn] = [turnOf(first), turnOf(last)];
  const keys = twinKeys(item, lookups).filter((key) => key.startsWith("claim|"));
  // The turn before or the same turn (a sentence pointing back within one turn), and the same or the next turn.
  if (firstTurn !== null) keys.push(turnKey("last", first.sourceId, firstTurn - 1), turnKey("last", first.sourceId, firstTurn));
  if (lastTurn !== null) keys.push(turnKey("first", last.sourceId, lastTurn + 1), turnKey("first", last.sourceId, lastTurn));
  for (const key of keys) for (const position of index.read(key, live)) found.add(position);
  const shared = new Map<number, number>();
  for (const section of wordSectionsFor(item.section)) {
    for (const word of wordsOf(item)) {
      for (const position of index.read(wordKey(section, word), live)) shared.set(position, (shared.get(position) ?? 0) + 1);
    }
  }
  for (const [position, count] of shared) if (count >= minSharedFor(item.section)) found.add(position);
  return [...found];
}

/** The keys a kept item is filed under (its turns, and its claim key where its section has one). */
function twinKeys(item: GroundedCandidate, lookups: ClaimLookups): string[] {
  const { turnOf } = lookups;
  const cited = item.citations.filter((c) => c.match !== "unverified");
  const keys: string[] = [];
  const [first, last] = [cited[0], cited.at(-1)];
  const firstTurn = first === undefined ? null : turnOf(first);
  const lastTurn = last === undefined ? null : turnOf(last);
  if (first !== undefined && firstTurn !== null) keys.push(turnKey("first", first.sourceId, firstTurn));
  if (last !== undefined && lastTurn !== null) keys.push(turnKey("last", last.sourceId, lastTurn));
  const claim = claimKey(item, lookups);
  if (claim !== null) keys.push(`claim|${JSON.stringify([item.section, claim])}`);
  return keys;
}

/** What two items of one section share when `isSameClaim` holds for them without shared words; null when nothing. */
function claimKey(item: GroundedCandidate, { fullName, documents }: ClaimLookups): string | null {
  switch (item.section) {
    case "stakeholders": {
      const name = text(item, "name");
      if (name !== null) return fullName(name);
      const title = text(item, "title");
      return title === null ? null : `title:${title.toLowerCase()}`;
    }
    case "technicalEnvironment": {
      const system = text(item, "system");
      return system === null ? null : systemFamilyOf(system);
    }
    case "competition":
      return text(item, "competitor")?.toLowerCase() ?? null;
    case "accountOverview": {
      const source = onlySource(item);
      return source === null || !documents.has(source) ? null : JSON.stringify([source, familyOf(text(item, "field"))]);
    }
    default:
      return null;
  }
}

/**
 * The fewest shared words with which `isSameClaim` can hold for an item of `section`: a promise written into a
 * signed document and made on a call share one word fewer.
 */
function minSharedFor(section: string): number {
  return section === "promises" ? MIN_SHARED - 1 : MIN_SHARED;
}

/** Sections whose items `isSameClaim` compares with an item of `section` by shared words. */
function wordSectionsFor(section: string): string[] {
  const sameSection = WORDLESS_SECTIONS.has(section) ? [] : [section];
  return ACTION_SECTIONS.has(section) ? [...sameSection, ...[...ACTION_SECTIONS].filter((s) => s !== section)] : sameSection;
}

function turnKey(end: "first" | "last", sourceId: string, turn: number): string {
  return JSON.stringify([end, sourceId, turn]);
}

/** A word of a section as a number: the merge looks words up for every item, and a string key each time adds up. */
function wordKey(section: string, word: number): number {
  return word * SECTION_KEYS.length + SECTION_KEYS.indexOf(section as SectionKey);
}
