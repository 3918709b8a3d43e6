import type { SectionKey } from "../../domain/sections.ts";

/**
 * What a question asks about: the answer that follows (in the next turn, or later in the same
 * turn) leans towards that section. "What almost stopped you?" makes the answer an objection.
 */
export const QUESTION_TOPICS: { section: SectionKey; pattern: RegExp }[] = [
  {
    section: "competition",
    pattern:
      /\b(?:other options|alternatives?|competitors?|what else did you (?:look at|consider)|look(?:ed)? at (?:any|other)|evaluat\w+|anyone else|other vendors?|any solutions|alongside us|compar\w+)\b/i,
  },
  {
    section: "successCriteria",
    pattern:
      /\b(?:success look|what does success|measure|metrics?|first win|(?:know|tell) (?:this|it|that) worked|if it doesn't (?:get there|work)|what would make you|goals?|days in)\b/i,
  },
  {
    section: "objections",
    pattern: /\b(?:almost stopped|hesitat\w+|concerns?|worr(?:y|ies|ied)|holding you back|blockers?|what would stop)\b/i,
  },
  {
    section: "stakeholders",
    pattern:
      /\b(?:who(?:'s| is) (?!your team)[A-Z]?\w+|who else|involved|sign[- ]off|who (?:approves|signs|decides)|reports? to|committee|your decision)\b/i,
  },
  {
    section: "technicalEnvironment",
    pattern:
      /\b(?:systems? side|stack|tools?|using today|working in|migrat\w+|integrat\w+|history in|where does [^?]{0,40} live|security)\b/i,
  },
  { section: "accountOverview", pattern: /\b(?:how many (?:people|seats|users|licen[cs]es|agents|reps)|team size|how big|investment)\b/i },
  {
    section: "whyTheyBought",
    pattern:
      /\b(?:what's going on|what's (?:breaking|causing|driving)|causing it|why now|what happened|the impact|what's the problem|what (?:typically )?happens when)\b/i,
  },
  { section: "redFlags", pattern: /\b(?:is that (?:real|realistic|doable)|what could go wrong|risks?)\b/i },
];

/** A question whose asker doubts or pushes back: kept even though questions are usually skipped. */
export const CONCERN_QUESTION =
  /\b(?:what if|what's the catch|how confident are you|is that (?:real|realistic|doable|achievable|feasible)|what happens if)\b/i;

/** A question that asks someone to do something: a next step, not a pure question. */
export const REQUEST_QUESTION =
  /\b(?:could|can|would|will) you (?:send|share|forward|set up|introduce|loop|confirm|schedule|provide|sign|put)\b/i;

/** A reply that only acknowledges before the real answer ("That's a fair worry."). */
export const ACKNOWLEDGEMENT =
  /^(?:[\w' ,]{0,20})(?:fair|good (?:question|point)|i hear you|i understand|understood|totally|makes sense|great question|i appreciate|appreciate (?:you|that|it)|that's (?:fair|helpful|a fair \w+))\b[^.!?]{0,30}[.!?]?$/i;

/** Whether a sentence ends as a question, closing quotes and brackets aside. */
export function isQuestion(sentence: string): boolean {
  return /\?["'”’)]*$/.test(sentence.trimEnd());
}
