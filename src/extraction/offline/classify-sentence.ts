import type { SectionKey } from "../../domain/sections.ts";
import { replaceNumberWords } from "../read-numbers.ts";
import type { Side } from "../../domain/side.ts";
import { CONCERN_QUESTION, isQuestion, REQUEST_QUESTION } from "./context-cues.ts";
import { FILLER } from "./cue-vocabulary.ts";
import { SECTION_CUES } from "./section-cues.ts";

/** What the sentence's surroundings tell: who speaks, what a preceding question asked, what the previous sentence was. */
type SentenceContext = {
  /** Section a question just before this sentence asked about. */
  topic?: SectionKey | null;
  /** Section of the previous sentence of the same turn. */
  previous?: SectionKey | null;
};

export type Classification = { section: SectionKey; score: number; kind?: string };

const MIN_SCORE = 3;
const MIN_WORDS = 2;
// A second section needs its own strong cue: one sentence becomes two items only when both are well supported.
const STRONG_CUE = 3;
// Named systems in a sentence about an alternative are the competitor, not the customer's stack.
const EXCLUSIVE: Partial<Record<SectionKey, SectionKey[]>> = {
  competition: ["technicalEnvironment", "accountOverview", "whyTheyBought"],
  stakeholders: ["accountOverview"],
  whyTheyBought: ["objections"],
};

/**
 * The sections a sentence belongs to given who said it, best first: none when no cue is
 * strong enough, a second one only when it has a strong cue of its own.
 */
export function classifySentence(sentence: string, side: Side | null, context: SentenceContext = {}): Classification[] {
  if (countWords(sentence) < MIN_WORDS || FILLER.test(sentence)) return [];
  if (side === "seller" && RECITED_EXAMPLE.test(sentence)) return [];
  const allowed = limitSections(sentence, side);
  if (allowed !== undefined && allowed.length === 0) return [];
  const ranked = scoreSentence(sentence, side, context).filter((c) => allowed === undefined || allowed.includes(c.section));
  const [best, next] = ranked;
  if (best === undefined || best.score < MIN_SCORE) return [];
  if (next === undefined || next.score < MIN_SCORE || (next.strongest ?? 0) < STRONG_CUE) return [stripScore(best)];
  if (EXCLUSIVE[best.section]?.includes(next.section)) return [stripScore(best)];
  return [stripScore(best), stripScore(next)];
}

type Scored = Classification & { strongest?: number; own: number };

/** Every section with a positive score for the sentence, best first (ties keep the cue table's order). */
function scoreSentence(sentence: string, side: Side | null, context: SentenceContext = {}): Scored[] {
  const scores = new Map<SectionKey, Scored>();
  const text = replaceNumberWords(sentence);
  for (const cue of SECTION_CUES) {
    if (cue.side !== undefined && side !== null && cue.side !== side) continue;
    if (cue.notBy !== undefined && cue.notBy === side) continue;
    if (!cue.pattern.test(text)) continue;
    // A cue meant for one side counts for less when the speaker's side is unknown.
    const weight = cue.side !== undefined && side === null && cue.weight > 0 ? cue.weight - 1 : cue.weight;
    const entry = scores.get(cue.section) ?? { section: cue.section, score: 0, own: 0 };
    entry.score += weight;
    entry.own += weight;
    if (weight > (entry.strongest ?? 0)) {
      entry.strongest = weight;
      if (cue.kind !== undefined) entry.kind = cue.kind;
    }
    scores.set(cue.section, entry);
  }
  // Context only tips a sentence that has some evidence of its own: the question asked tips
  // it towards the answer's section; the previous sentence only carries a weak one over the line.
  const topic = context.topic ? scores.get(context.topic) : undefined;
  if (topic !== undefined && topic.own > 0) topic.score += 2;
  const previous = context.previous ? scores.get(context.previous) : undefined;
  if (previous !== undefined && previous.own > 0 && previous.score < MIN_SCORE) previous.score += 1;
  const order = [...scores.keys()];
  return [...scores.values()]
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || order.indexOf(a.section) - order.indexOf(b.section));
}

// A seller reciting what the product would say ('"Champion hasn't responded in 10 days" or "…"'): an example, not a claim.
const RECITED_EXAMPLE = /^\s*["“][^"”]{3,}["”]\s*(?:or|and|,|$)/;

// "I saw you opened a second warehouse?": a fact the speaker found, asked back only to confirm it.
const RESEARCH_CHECK = /^(?:[\w,]+ ){0,6}?(?:i (?:saw|noticed|read|heard)|looks like) /i;

/** Questions are discovery, not facts: only a request or a customer's doubt survives; undefined means no limit. */
function limitSections(sentence: string, side: Side | null): SectionKey[] | undefined {
  if (!isQuestion(sentence) || RESEARCH_CHECK.test(sentence)) return undefined;
  if (REQUEST_QUESTION.test(sentence)) return ["nextSteps"];
  if (side !== "seller" && CONCERN_QUESTION.test(sentence)) return ["objections", "redFlags"];
  return [];
}

function stripScore({ section, score, kind }: Scored): Classification {
  return kind === undefined ? { section, score } : { section, score, kind };
}

function countWords(text: string): number {
  let count = 0;
  for (const word of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(word)) count++;
  return count;
}
