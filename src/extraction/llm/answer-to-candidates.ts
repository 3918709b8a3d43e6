import type { SectionKey } from "../../drafting/sections.ts";
import type { CandidateItem } from "../extractor.ts";
import type { HandoffExtraction } from "../handoff-schema.ts";
import type { PiiMask } from "./pii-mask.ts";
import type { SegmentRef } from "./segment-refs.ts";

/** Turns a validated model answer into candidate items, mapping prompt ids (S12) back to sources and unmasking PII. */
export function answerToCandidates(answer: HandoffExtraction, refs: Map<string, SegmentRef>, mask: PiiMask): CandidateItem[] {
  const items: CandidateItem[] = [];
  for (const [section, sectionItems] of Object.entries(answer) as [SectionKey, HandoffExtraction[SectionKey]][]) {
    for (const raw of sectionItems) {
      const { statement, evidence, ...rest } = raw;
      const details = unmaskValues(rest, mask);
      items.push({
        section,
        statement: mask.unmask(statement),
        details,
        evidence: evidence.map((e) => {
          const ref = refs.get(e.segment.trim().replace(/^\[|\]$/g, "").toUpperCase());
          return {
            sourceId: ref?.sourceId ?? null,
            segmentId: ref?.segment.id ?? null,
            quote: mask.unmask(e.quote),
          };
        }),
        ...flagsFor(section, details),
      });
    }
  }
  return items;
}

function flagsFor(section: SectionKey, details: Record<string, unknown>): { flags?: string[] } {
  const flags: string[] = [];
  if (section === "promises" && details.looksUnrealistic === true) flags.push("unrealistic");
  if (section === "redFlags" && details.kind === "contradiction") flags.push("contradiction");
  if (section === "redFlags" && details.kind === "promptInjection") flags.push("prompt-injection");
  return flags.length > 0 ? { flags } : {};
}

function unmaskValues(values: Record<string, unknown>, mask: PiiMask): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [
      key,
      typeof value === "string"
        ? mask.unmask(value)
        : Array.isArray(value)
          ? value.map((v) => (typeof v === "string" ? mask.unmask(v) : v))
          : value,
    ]),
  );
}
