import type { SectionKey } from "../../domain/sections.ts";
import type { ParsedSource, Segment } from "../../domain/source.ts";
import type { Side } from "../../domain/side.ts";
import type { SideResolver } from "../side-resolver.ts";
import { type Classification, classifySentence } from "./classify-sentence.ts";
import { isQuestion, QUESTION_TOPICS } from "./context-cues.ts";
import { splitSentences } from "./split-sentences.ts";

/** One sentence of a source with where it sits, who said it and the sections it was given (possibly none). */
export type ClassifiedSentence = {
  segment: Segment;
  segmentIndex: number;
  /** Offsets into segment.text. */
  start: number;
  end: number;
  text: string;
  side: Side | null;
  classes: Classification[];
};

// An answer leans towards the question's section for its first few sentences only.
const ANSWER_SENTENCES = 3;

/** Splits every segment into sentences and classifies each with its side and the question it answers. */
export function classifySource({ source, segments }: ParsedSource, sideOf: SideResolver): ClassifiedSentence[] {
  const out: ClassifiedSentence[] = [];
  const skipUnlabelled = segments.filter((s) => s.speaker !== null).length * 2 >= segments.length;
  let previousTurn: { speaker: string | null; side: Side | null; sentences: string[]; answered: SectionKey | null } | null = null;
  segments.forEach((segment, segmentIndex) => {
    // Notes and headers between the speaker turns of a transcript are not what anyone said.
    if (segment.speaker === null && skipUnlabelled) {
      previousTurn = null;
      return;
    }
    const sentences = splitSentences(segment.text).map((span) => ({ ...span, text: segment.text.slice(span.start, span.end) }));
    const side = sideOf(source.id, segment.speaker);
    const other = previousTurn !== null && previousTurn.speaker !== segment.speaker;
    // A colleague who chimes in after the first answer ("And first-contact resolution.") answers the same question.
    const asked = !other
      ? null
      : (findTopic(previousTurn!.sentences) ??
        (side === "customer" && previousTurn!.side === "customer" && previousTurn!.answered === "successCriteria"
          ? "successCriteria"
          : null));
    let topic: SectionKey | null = asked;
    let answered = 0;
    let previous: SectionKey | null = null;
    for (const sentence of sentences) {
      const inAnswer = topic !== null && answered < ANSWER_SENTENCES;
      const classes = classifySentence(sentence.text, side, { topic: inAnswer ? topic : null, previous });
      out.push({ segment, segmentIndex, start: sentence.start, end: sentence.end, text: sentence.text, side, classes });
      previous = classes[0]?.section ?? null;
      answered++;
      // A question inside the turn frames what the same speaker says next.
      if (isQuestion(sentence.text)) {
        const own = findTopic([sentence.text]);
        if (own !== null) {
          topic = own;
          answered = 0;
        }
      }
    }
    previousTurn = { speaker: segment.speaker, side, sentences: sentences.map((s) => s.text), answered: asked };
  });
  return out;
}

/** The section the questions of a turn ask about: the last question that names a topic, read with what follows it. */
function findTopic(sentences: string[]): SectionKey | null {
  for (let i = sentences.length - 1; i >= 0; i--) {
    if (!isQuestion(sentences[i]!)) continue;
    const asked = sentences.slice(i).join(" ");
    const found = QUESTION_TOPICS.find((topic) => topic.pattern.test(asked));
    if (found !== undefined) return found.section;
  }
  return null;
}
