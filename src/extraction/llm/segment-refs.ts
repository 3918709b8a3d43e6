import type { ParsedSource, Segment } from "../../domain/source.ts";
import { createSideResolver } from "../speaker-side.ts";
import type { Side } from "../../domain/side.ts";

/** A segment as the model sees it: a deal-wide id ("S12") mapped back to its source. */
export type SegmentRef = {
  promptId: string;
  sourceIndex: number;
  sourceId: string;
  segment: Segment;
  side: Side | null;
};

/** Numbers every segment of the deal once, so chunks and re-asks all use the same ids. */
export function createSegmentRefs(sources: ParsedSource[]): SegmentRef[] {
  const refs: SegmentRef[] = [];
  const sideOf = createSideResolver(sources);
  sources.forEach((parsed, sourceIndex) => {
    for (const segment of parsed.segments) {
      refs.push({
        promptId: `S${refs.length + 1}`,
        sourceIndex,
        sourceId: parsed.source.id,
        segment,
        side: sideOf(parsed.source.id, segment.speaker),
      });
    }
  });
  return refs;
}
