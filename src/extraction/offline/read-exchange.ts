import type { ClassifiedSentence } from "./classify-source.ts";
import { ACKNOWLEDGEMENT, isQuestion } from "./context-cues.ts";
import { FILLER } from "./cue-vocabulary.ts";
import type { DealPeople } from "./deal-people.ts";

// How far ahead (in turns) an answer or a reaction still belongs to what was said.
const LOOKAHEAD_TURNS = 3;

// "Is that real?" points back at what was just said; "I don't think March 16 holds" names what it doubts.
const DOUBT_OF_THAT = /\b(?:is that (?:real|realistic|doable|achievable|feasible)|(?:it's|that's) (?:tight|aggressive|ambitious))\b/i;
const DOUBT_OF_NAMED = /\b(?:won't hold|doesn't hold|don't think [^.?!]{0,40}holds?|(?:tight|aggressive|ambitious|unrealistic))\b/i;
const REFERENCE_TURNS = 2;
const ACCEPTED = /\b(?:okay|ok|that helps|fine|maybe|makes sense|fair enough|that works|good)\b/i;
const STILL_OPEN = /\b(?:still|not sold|not convinced|we'll see)\b/i;

type Answer = { sentence: ClassifiedSentence; resolved: "yes" | "no" | "partly" | "unknown" };

/**
 * The other side's answer to a concern raised at `index`: the first substantive sentence of the
 * next turn from the other side, past acknowledgements, and whether the raiser then accepted it. An answer
 * that is about a later concern of the same turn (shares more of its words) is that concern's, not this one's.
 */
export function findAnswer(sentences: ClassifiedSentence[], index: number): Answer | null {
  const raised = sentences[index]!;
  if (raised.side === null) return null;
  for (let i = index + 1; i < sentences.length; i++) {
    const candidate = sentences[i]!;
    if (candidate.segmentIndex > raised.segmentIndex + LOOKAHEAD_TURNS) return null;
    if (candidate.side === raised.side || candidate.side === null || candidate.segmentIndex === raised.segmentIndex) continue;
    if (!isSubstantive(candidate.text)) continue;
    if (answersLaterConcern(sentences, index, i)) return null;
    return { sentence: candidate, resolved: readReaction(sentences, i, raised) };
  }
  return null;
}

// Words too common to say what two sentences are about.
const COMMON_WORDS = new Set([
  "about",
  "their",
  "there",
  "these",
  "those",
  "which",
  "would",
  "could",
  "should",
  "still",
  "thing",
  "going",
  "really",
  "think",
]);

/** Whether a concern raised after `index` in the same turn, before the answer at `answerIndex`, shares more words with it. */
function answersLaterConcern(sentences: ClassifiedSentence[], index: number, answerIndex: number): boolean {
  const raised = sentences[index]!;
  const answer = topicWords(sentences[answerIndex]!.text);
  const shared = (text: string) => [...topicWords(text)].filter((w) => answer.has(w)).length;
  const own = shared(raised.text);
  return sentences
    .slice(index + 1, answerIndex)
    .some((s) => s.segmentIndex === raised.segmentIndex && s.classes.some((c) => c.section === "objections") && shared(s.text) > own);
}

function topicWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter((w) => w.length >= 5 && !COMMON_WORDS.has(w))
      .map((w) => w.replace(/s$/, "")),
  );
}

/** Who the sentence at `index` speaks to: a name it opens with ("Nate, could you…"), else the other side's previous speaker. */
export function findAddressee(sentences: ClassifiedSentence[], index: number, people: DealPeople): string | null {
  const sentence = sentences[index]!;
  const vocative = /^([A-Z][\w'-]+),/.exec(sentence.text)?.[1];
  if (vocative !== undefined) {
    const person = people.namedIn(vocative)[0];
    if (person !== undefined) return person.name;
  }
  for (let i = index - 1; i >= 0; i--) {
    const before = sentences[i]!;
    if (before.segmentIndex === sentence.segmentIndex) continue;
    if (before.segmentIndex < sentence.segmentIndex - 1) return null;
    return before.side !== null && before.side !== sentence.side ? before.segment.speaker : null;
  }
  return null;
}

/**
 * The sentences that call the dated promise at `index` tight or unrealistic soon after (none: it is not
 * doubted): right after it ("Is that real?", "It's tight, I won't pretend it isn't."), or later naming the
 * same day ("I don't think March 16 holds"). They are the promise's evidence for its "unrealistic" flag.
 */
export function findDoubts(sentences: ClassifiedSentence[], index: number, due: string): ClassifiedSentence[] {
  const from = sentences[index]!.segmentIndex;
  const day = due.toLowerCase().replace(/(?<=\d)(?:st|nd|rd|th)\b/g, "");
  const doubts: ClassifiedSentence[] = [];
  // "It's tight" answering "Is that real?" refers back to the doubt as much as to the promise.
  let referenceTurn = from;
  for (let i = index + 1; i < sentences.length; i++) {
    const next = sentences[i]!;
    if (next.segmentIndex > from + LOOKAHEAD_TURNS) break;
    const text = next.text.toLowerCase().replace(/(?<=\d)(?:st|nd|rd|th)\b/g, "");
    if (next.segmentIndex <= referenceTurn + REFERENCE_TURNS && DOUBT_OF_THAT.test(next.text)) {
      // "Is that real?" says nothing alone: the turn's words before it ("That's six weeks.") say what is doubted.
      for (let j = index + 1; j < i; j++)
        if (sentences[j]!.segmentIndex === next.segmentIndex && !doubts.includes(sentences[j]!)) doubts.push(sentences[j]!);
      doubts.push(next);
      referenceTurn = next.segmentIndex;
    } else if (DOUBT_OF_NAMED.test(text) && text.includes(day)) doubts.push(next);
  }
  return doubts;
}

function readReaction(sentences: ClassifiedSentence[], answerIndex: number, raised: ClassifiedSentence): Answer["resolved"] {
  const answerTurn = sentences[answerIndex]!.segmentIndex;
  const reaction = sentences.find((s, i) => i > answerIndex && s.segmentIndex > answerTurn && s.side === raised.side);
  if (reaction === undefined || reaction.segmentIndex > answerTurn + 2) return "unknown";
  if (STILL_OPEN.test(reaction.text)) return "no";
  return ACCEPTED.test(reaction.text) ? "partly" : "unknown";
}

function isSubstantive(text: string): boolean {
  if (isQuestion(text) || FILLER.test(text) || ACKNOWLEDGEMENT.test(text)) return false;
  if (/^(?:hi|hello|hey|dear)\b/i.test(text) || /^thanks? (?:you )?for\b/i.test(text)) return false;
  return text.split(/\s+/).length >= 4;
}
