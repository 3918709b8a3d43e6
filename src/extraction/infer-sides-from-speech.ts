import type { ParsedSource } from "../domain/source.ts";
import type { Side } from "../domain/side.ts";
import type { SideResolver } from "./side-resolver.ts";

// How each side talks about the deal: the seller about "your team" and "our platform", the
// customer about "our CFO", "my team" and what they use today. Pronouns only, no product names.
const SELLER_SPEECH =
  /\b(?:on your (?:side|end)|your (?:team|current|company|reps|agents|users|stack|process|cfo|ceo|it|side|rollout|workflows)|our (?:platform|product|pricing|solution|implementation team|onboarding|roadmap)|we (?:offer|integrate with|provide|support)|(?:i|we) can offer|discount)\b/gi;
const CUSTOMER_SPEECH =
  /\b(?:our (?:current|cfo|ceo|coo|it|board|budget|reps|agents|tool|system|process|vendor|contract)|our [\w-]+ (?:lead|team|manager)|my (?:team|boss|reps|agents|manager)|we use|we're using|we're on|(?:can|could) you send me|send me)\b/gi;
// A speaker's side needs this much more evidence for one side than for the other.
const MARGIN = 2;

/**
 * Sides for speakers still unknown, from how they talk, in sources where the speakers split
 * into both sides that way. Keyed by source id and speaker label.
 */
export function inferSidesFromSpeech(sources: ParsedSource[], known: SideResolver): Map<string, Side> {
  const sides = new Map<string, Side>();
  for (const { source, segments } of sources) {
    const scores = new Map<string, number>();
    for (const segment of segments) {
      if (segment.speaker === null || known(source.id, segment.speaker) !== null) continue;
      const seller = segment.text.match(SELLER_SPEECH)?.length ?? 0;
      const customer = segment.text.match(CUSTOMER_SPEECH)?.length ?? 0;
      scores.set(segment.speaker, (scores.get(segment.speaker) ?? 0) + seller - customer);
    }
    const guessed = new Map<string, Side>();
    for (const [speaker, score] of scores) {
      if (score >= MARGIN) guessed.set(speaker, "seller");
      else if (score <= -MARGIN) guessed.set(speaker, "customer");
    }
    // A call has both sides on it: a guess that puts everyone on one side is no guess.
    const present = new Set<Side>(guessed.values());
    for (const segment of segments) {
      const side = segment.speaker === null ? null : known(source.id, segment.speaker);
      if (side !== null) present.add(side);
    }
    if (present.size < 2) continue;
    for (const [speaker, side] of guessed) sides.set(buildSideKey(source.id, speaker), side);
  }
  return sides;
}

export function buildSideKey(sourceId: string, speaker: string): string {
  return `${sourceId}\u0000${speaker}`;
}
