import { normalizeCompany } from "../../ingest/participants/assign-sides.ts";
import type { ParsedSource } from "../../domain/source.ts";
import { buildNamePattern } from "../build-name-pattern.ts";
import type { Side } from "../../domain/side.ts";
import type { SideResolver } from "../side-resolver.ts";

export type Person = { name: string; side: Side | null };

/** The people of a deal (participants and speakers of every source) and a finder for their names in a sentence. */
export type DealPeople = {
  /** People a sentence names, by full name or first name, in order of appearance. */
  namedIn(sentence: string): Person[];
  /** Sides of the companies a sentence names ("For Corvala, Inc.: …" names the seller). */
  companiesIn(sentence: string): Set<Side>;
  /** Whether a name is the seller's own company or product line. */
  isSellerCompany(name: string): boolean;
};

const NOT_A_NAME = new Set(["customer", "caller", "agent", "speaker", "unknown", "csr", "rep", "client", "seller", "buyer"]);

export function collectDealPeople(sources: ParsedSource[], sideOf: SideResolver): DealPeople {
  const byName = new Map<string, Person>();
  const add = (name: string, side: Side | null) => {
    const clean = name.trim();
    if (clean.length < 2 || NOT_A_NAME.has(clean.toLowerCase()) || !/^\p{Lu}/u.test(clean)) return;
    const known = byName.get(clean.toLowerCase());
    if (known === undefined) byName.set(clean.toLowerCase(), { name: clean, side });
    else if (known.side === null) known.side = side;
  };
  const companies = new Map<string, Side | null>();
  for (const { source, segments } of sources) {
    for (const participant of source.participants) {
      const side = sideOf(source.id, participant.name);
      add(participant.name, side);
      const company = participant.company === undefined ? "" : normalizeCompany(participant.company);
      if (company.length >= 3) companies.set(company, companies.has(company) && companies.get(company) !== side ? null : side);
    }
    for (const segment of segments) if (segment.speaker !== null) add(segment.speaker, sideOf(source.id, segment.speaker));
  }
  // First names point at the one person who has it; a shared first name points at nobody.
  const keys = new Map<string, Person | null>();
  for (const person of byName.values()) {
    keys.set(person.name.toLowerCase(), person);
    const first = person.name.split(/\s+/)[0]!.toLowerCase();
    if (first.length >= 3 && first !== person.name.toLowerCase())
      keys.set(first, keys.has(first) && keys.get(first) !== person ? null : person);
  }
  const pattern = buildNamePattern([...keys.keys()].filter((key) => keys.get(key) !== null));
  return {
    namedIn(sentence) {
      if (pattern === null) return [];
      const found: Person[] = [];
      for (const match of sentence.matchAll(pattern)) {
        if (!/^\p{Lu}/u.test(match[0])) continue;
        const person = keys.get(match[0].toLowerCase());
        if (person && !found.includes(person)) found.push(person);
      }
      return found;
    },
    companiesIn(sentence) {
      const lower = sentence.toLowerCase();
      const sides = new Set<Side>();
      for (const [company, side] of companies) if (side !== null && containsWord(lower, company)) sides.add(side);
      return sides;
    },
    isSellerCompany(name) {
      const normalized = normalizeCompany(name);
      for (const [company, side] of companies) {
        if (side === "seller" && (normalized === company || containsWord(normalized, company))) return true;
      }
      return false;
    },
  };
}

function containsWord(text: string, word: string): boolean {
  let at = text.indexOf(word);
  while (at !== -1) {
    const before = text[at - 1];
    const after = text[at + word.length];
    if ((before === undefined || !/[\p{L}\p{N}]/u.test(before)) && (after === undefined || !/[\p{L}\p{N}]/u.test(after))) return true;
    at = text.indexOf(word, at + 1);
  }
  return false;
}
