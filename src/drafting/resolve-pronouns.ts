import type { Citation } from "../domain/citation.ts";
import type { ParsedSource } from "../domain/source.ts";
import { buildDealRoster, type DealRoster, type RosterPerson, sentencesOf } from "./deal-roster.ts";
import type { GroundedCandidate } from "./ground-candidates.ts";

const PRONOUN = /\b(he|she|him|her|his)\b/i;
// A chief officer named by title alone ("our CEO", "CEO sign-off").
const TITLE_ONLY = /\b(C[EFOTIR]O|CISO)\b/g;
const VOCATIVE_BEFORE = /(?:^|[.!?]\s+|\n)(?:(?:hi|hey|hello|dear|thanks|thank you),?\s+)?$/i;

/**
 * "If it isn't, he'll turn it off.": a he or she in a cited sentence is resolved to the one person the
 * turn named just before (the sentence before, or earlier in the same sentence), and said so in the item;
 * an action item without an owner gets that person. Runs on any extractor's items.
 */
export function resolvePronouns(items: GroundedCandidate[], sources: ParsedSource[]): GroundedCandidate[] {
  const roster = buildDealRoster(sources);
  const byId = new Map(sources.map((s) => [s.source.id, s]));
  return items.map((item) => {
    const resolved: { pronoun: string; name: string }[] = [];
    for (const citation of item.citations) {
      if (citation.match === "unverified") continue;
      const found = resolveIn(citation, byId.get(citation.sourceId), roster);
      // "Gloria Mendez, our CFO. She signs…" in Gloria's own stakeholder item needs no note.
      if (found === null || found.name === item.details.name || resolved.some((r) => r.pronoun === found.pronoun)) continue;
      resolved.push(found);
    }
    if (resolved.length === 0) return item;
    const details: Record<string, unknown> = { ...item.details, refersTo: resolved };
    if ((item.section === "nextSteps" && !details.owner) || (item.section === "promises" && !details.promisedBy)) {
      const first = item.citations.find((c) => c.match !== "unverified")?.quote ?? "";
      const subject = resolved.find((r) => new RegExp(`^${r.pronoun}\\b`, "i").test(first.trim()));
      if (subject !== undefined) details[item.section === "nextSteps" ? "owner" : "promisedBy"] = subject.name;
    }
    const note = resolved.map((r) => `“${r.pronoun}” is ${r.name}`).join(", ");
    return { ...item, statement: `${item.statement} (${note})`, details };
  });
}

function resolveIn(citation: Citation, parsed: ParsedSource | undefined, roster: DealRoster): { pronoun: string; name: string } | null {
  const pronoun = PRONOUN.exec(citation.quote);
  if (parsed === undefined || pronoun === null) return null;
  const segment = parsed.segments.find((s) => s.id === citation.segmentId);
  if (segment === undefined) return null;
  // Named earlier in the quote itself ("Ray says…, but his team"): the reader sees who it is.
  if (roster.namedIn(citation.quote.slice(0, pronoun.index)).length > 0) return null;
  const before = sentencesOf(parsed, segment).filter((s) => s.charEnd <= citation.charStart);
  const previous = before.at(-1);
  if (previous === undefined) return null;
  const speaker = roster.find(segment.speaker);
  const text = previous.text;
  const candidates = new Set<RosterPerson>();
  for (const { person, index, length } of roster.namedIn(text)) {
    if (person === speaker) continue;
    // "Gloria, I'll be honest": spoken to, not about.
    const after = text.slice(index + length);
    if (VOCATIVE_BEFORE.test(text.slice(0, index)) && /^,\s+(?!our |my |the |who |is |was )/i.test(after)) continue;
    candidates.add(person);
  }
  if (candidates.size === 0) {
    // "It's primarily my decision with CEO sign-off. He's already bought in on the budget.": nobody named, one title.
    const titles = new Set([...text.matchAll(TITLE_ONLY)].map((m) => m[1]!.toUpperCase()));
    return titles.size === 1 ? { pronoun: pronoun[1]!.toLowerCase(), name: `the ${[...titles][0]}` } : null;
  }
  if (candidates.size !== 1) return null;
  const person = [...candidates][0]!;
  return { pronoun: pronoun[1]!.toLowerCase(), name: person.name };
}
