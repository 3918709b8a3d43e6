import type { ParsedSource } from "../domain/source.ts";
import { buildNamePattern } from "./build-name-pattern.ts";
import type { Side } from "../domain/side.ts";
import type { SideResolver } from "./side-resolver.ts";

// "I've got Ray from IT, Vince from operations, and Keisha": the speaker introduces their own people.
const INTRODUCING =
  /^(?:(?:and|so|also|today|okay),? )*(?:i've got|i have got|i have|i've brought|i brought|we've got|we have|joining (?:me|us)(?: today)?(?: (?:is|are))?|with me (?:is|are)|i'm (?:here with|joined by))\b/i;
// "Elaine, our COO", "Keisha, who runs one of our pods", "Priya is with me".
const COLLEAGUE_AFTER = /^(?:,? (?:our|my)\b|,? who [^.?!]{0,50}\b(?:our|my)\b|,? (?:is )?(?:here )?with me\b|'s (?:on )?my team\b)/i;
// "our CFO, Gloria": a role of the speaker's company right before the name.
const COLLEAGUE_BEFORE = /\b(?:our|my) [\w -]{1,30}, $/i;

/**
 * Sides for people no source labels, from how a speaker whose side is known introduces them:
 * by first name and full name (lower case), only where every such mention agrees.
 */
export function inferColleagueSides(sources: ParsedSource[], direct: SideResolver): Map<string, Side> {
  const unknown = new Map<string, string>();
  const note = (sourceId: string, name: string | null) => {
    if (name === null || direct(sourceId, name) !== null || !/^\p{Lu}/u.test(name.trim())) return;
    const full = name.trim();
    unknown.set(full.toLowerCase(), full.toLowerCase());
    const first = full.split(/\s+/)[0]!;
    if (first.length >= 3 && first !== full) unknown.set(first.toLowerCase(), full.toLowerCase());
  };
  for (const { source, segments } of sources) {
    for (const participant of source.participants) note(source.id, participant.name);
    for (const segment of segments) note(source.id, segment.speaker);
  }
  const mention = buildNamePattern(unknown.keys());
  if (mention === null) return new Map();
  const votes = new Map<string, Side | "conflict">();
  for (const { source, segments } of sources) {
    for (const segment of segments) {
      const side = direct(source.id, segment.speaker);
      if (side === null) continue;
      for (const sentence of segment.text.split(/(?<=[.!?])\s+/)) {
        for (const match of sentence.matchAll(mention)) {
          if (!/^\p{Lu}/u.test(match[0])) continue;
          const before = sentence.slice(0, match.index);
          const after = sentence.slice(match.index + match[0].length);
          const introduced = INTRODUCING.test(before) || COLLEAGUE_AFTER.test(after) || COLLEAGUE_BEFORE.test(before);
          if (!introduced) continue;
          const person = unknown.get(match[0].toLowerCase())!;
          const known = votes.get(person);
          votes.set(person, known === undefined || known === side ? side : "conflict");
        }
      }
    }
  }
  const sides = new Map<string, Side>();
  for (const [person, side] of votes) {
    if (side === "conflict") continue;
    sides.set(person, side);
    const first = person.split(/\s+/)[0]!;
    if (first !== person && unknown.get(first) === person) sides.set(first, side);
  }
  return sides;
}
