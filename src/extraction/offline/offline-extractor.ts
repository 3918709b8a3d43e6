import type { ExtractorInfo } from "../../drafting/draft.ts";
import type { SectionKey } from "../../drafting/sections.ts";
import type { ParsedSource, Segment } from "../../ingest/parsed-source.ts";
import { type CandidateItem, type Extractor, NO_USAGE } from "../extractor.ts";
import { createSideResolver, type Side, type SideResolver } from "../speaker-side.ts";
import { classifySentence } from "./classify-sentence.ts";
import { splitSentences } from "./split-sentences.ts";

const INFO: ExtractorInfo = { kind: "offline", model: "baton-offline-rules-1" };

const VERBS: Record<SectionKey, string> = {
  accountOverview: "stated",
  stakeholders: "said",
  whyTheyBought: "described the need",
  successCriteria: "described success",
  promises: "committed",
  objections: "raised",
  politicalDynamics: "said",
  competition: "said",
  technicalEnvironment: "said",
  redFlags: "said",
  nextSteps: "agreed",
};

/** The built-in extractor: deterministic cue rules per sentence; every item is an exact span of its source. */
export function createOfflineExtractor(): Extractor {
  return {
    info: INFO,
    async extract(sources) {
      const sideOf = createSideResolver(sources);
      const items = sources.flatMap((parsed) => extractFromSource(parsed, sideOf));
      return { items, usage: { ...NO_USAGE }, info: INFO, refusedSections: [] };
    },
  };
}

function extractFromSource({ source, segments }: ParsedSource, sideOf: SideResolver): CandidateItem[] {
  const items: CandidateItem[] = [];
  for (const segment of segments) {
    const side = sideOf(source.id, segment.speaker);
    for (const span of splitSentences(segment.text)) {
      const sentence = segment.text.slice(span.start, span.end);
      const section = classifySentence(sentence, side);
      if (section === null) continue;
      items.push({
        section,
        statement: describe(section, segment, side, sentence),
        details: detailsFor(section, segment),
        evidence: [{ sourceId: source.id, segmentId: segment.id, quote: sentence }],
      });
    }
  }
  return items;
}

function describe(section: SectionKey, segment: Segment, side: Side | null, sentence: string): string {
  const who = segment.speaker === null ? "The source" : side === null ? segment.speaker : `${segment.speaker} (${side})`;
  return `${who} ${VERBS[section]}: “${sentence.replace(/\s+/g, " ")}”`;
}

function detailsFor(section: SectionKey, segment: Segment): Record<string, unknown> {
  const speaker = segment.speaker;
  switch (section) {
    case "promises":
      return { promisedBy: speaker };
    case "objections":
      return { raisedBy: speaker };
    case "nextSteps":
      return { owner: speaker };
    default:
      return {};
  }
}
