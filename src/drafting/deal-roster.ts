import type { Side } from "../domain/side.ts";
import type { ParsedSource, Segment } from "../domain/source.ts";
import { createSideResolver } from "../extraction/speaker-side.ts";
import { splitSentences } from "../extraction/offline/split-sentences.ts";

/** One person of a deal as every source together describes them. */
export type RosterPerson = {
  name: string;
  title?: string;
  email?: string;
  company?: string;
  side: Side | null;
  /** Speaker labels and first name that point at this person. */
  labels: string[];
};

/** A sentence of a source with its absolute offsets. */
export type SourceSentence = { parsed: ParsedSource; segment: Segment; text: string; charStart: number; charEnd: number };

export type DealRoster = {
  people: RosterPerson[];
  /** The person a name or speaker label points at ("Vince", "Vince Caruso", "JR"), or null. */
  find(nameOrLabel: string | null | undefined): RosterPerson | null;
  /** People a text names by full or first name, in order of appearance, with where. */
  namedIn(text: string): { person: RosterPerson; index: number; length: number }[];
};

const NOT_A_NAME = new Set(["customer", "caller", "agent", "speaker", "unknown", "csr", "rep", "client", "seller", "buyer"]);

/** Participants (headers, participant lists, email From/To/Cc and signatures) and speakers of every source, merged by name. */
export function buildDealRoster(sources: ParsedSource[]): DealRoster {
  const sideOf = createSideResolver(sources, { fromSpeech: true });
  const people: RosterPerson[] = [];
  const byKey = new Map<string, RosterPerson>();
  const lookup = (name: string) => byKey.get(name.toLowerCase()) ?? byKey.get(name.split(/\s+/)[0]!.toLowerCase());
  const add = (name: string, extra: Partial<RosterPerson>, labels: string[]) => {
    const clean = name.trim();
    if (clean.length < 2 || NOT_A_NAME.has(clean.toLowerCase()) || !/^\p{Lu}/u.test(clean)) return;
    let person = byKey.get(clean.toLowerCase());
    // "Jennifer" on one call and "Jennifer Wu" on another are one person when the first name is not shared.
    if (person === undefined && clean.includes(" ")) {
      const first = byKey.get(clean.split(/\s+/)[0]!.toLowerCase());
      if (first !== undefined && !first.name.includes(" ")) person = first;
    }
    if (person === undefined && !clean.includes(" ")) person = lookup(clean);
    if (person === undefined) {
      person = { name: clean, side: extra.side ?? null, labels: [] };
      people.push(person);
    } else if (clean.includes(" ") && !person.name.includes(" ")) {
      person.name = clean;
    }
    for (const key of ["title", "email", "company"] as const) {
      if (person[key] === undefined && extra[key] !== undefined) person[key] = extra[key];
    }
    if (person.side === null && extra.side) person.side = extra.side;
    for (const label of [clean, clean.split(/\s+/)[0]!, ...labels]) {
      if (!person.labels.includes(label)) person.labels.push(label);
      const key = label.toLowerCase();
      if (!byKey.has(key)) byKey.set(key, person);
    }
  };
  for (const { source, segments } of sources) {
    for (const p of source.participants) {
      add(
        p.name,
        {
          ...(p.title ? { title: p.title } : {}),
          ...(p.email ? { email: p.email } : {}),
          ...(p.company ? { company: p.company } : {}),
          side: p.side ?? sideOf(source.id, p.name),
        },
        p.labels ?? [],
      );
    }
    for (const segment of segments) {
      if (segment.speaker !== null) add(segment.speaker, { side: sideOf(source.id, segment.speaker) }, []);
    }
  }
  const find = (name: string | null | undefined) => (name ? (lookup(name.trim()) ?? null) : null);
  const pattern = buildPattern(people);
  return {
    people,
    find,
    namedIn(text) {
      if (pattern === null) return [];
      const found: { person: RosterPerson; index: number; length: number }[] = [];
      for (const match of text.matchAll(pattern)) {
        const person = find(match[0]);
        if (person !== null) found.push({ person, index: match.index, length: match[0].length });
      }
      return found;
    },
  };
}

function buildPattern(people: RosterPerson[]): RegExp | null {
  const names = people.flatMap((p) => p.labels).filter((label) => label.length >= 3 && /^\p{Lu}/u.test(label));
  if (names.length === 0) return null;
  const escaped = [...new Set(names)].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join("|")})(?![\\p{L}\\p{N}])`, "gu");
}

/** Every sentence of a segment with offsets into its source's text. */
export function sentencesOf(parsed: ParsedSource, segment: Segment): SourceSentence[] {
  return splitSentences(segment.text).map((span) => ({
    parsed,
    segment,
    text: segment.text.slice(span.start, span.end),
    charStart: segment.charStart + span.start,
    charEnd: segment.charStart + span.end,
  }));
}
