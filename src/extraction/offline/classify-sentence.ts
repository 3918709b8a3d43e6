import type { SectionKey } from "../../drafting/sections.ts";
import type { Side } from "../speaker-side.ts";
import { SECTION_CUES } from "./section-cues.ts";

const MIN_SCORE = 3;
const MIN_WORDS = 4;

/** The section a sentence most likely belongs to, given who said it; null when no cue is strong enough. */
export function classifySentence(sentence: string, side: Side | null): SectionKey | null {
  if (countWords(sentence) < MIN_WORDS) return null;
  // The seller's questions are discovery, not facts about the customer.
  if (side === "seller" && sentence.trimEnd().endsWith("?")) return null;
  const scores = new Map<SectionKey, number>();
  for (const cue of SECTION_CUES) {
    if (cue.side !== undefined && side !== null && cue.side !== side) continue;
    if (!cue.pattern.test(sentence)) continue;
    // A cue meant for one side counts for less when the speaker's side is unknown.
    const weight = cue.side !== undefined && side === null ? cue.weight - 1 : cue.weight;
    scores.set(cue.section, (scores.get(cue.section) ?? 0) + weight);
  }
  let best: SectionKey | null = null;
  let bestScore = MIN_SCORE - 1;
  for (const [section, score] of scores) {
    // Map iteration follows cue order, so earlier sections win ties.
    if (score > bestScore) {
      best = section;
      bestScore = score;
    }
  }
  return best;
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /\w/.test(w)).length;
}
