import type { SectionKey } from "../../domain/sections.ts";
import type { CandidateItem } from "../extractor.ts";
import type { HandoffExtraction } from "../handoff-schema.ts";
import type { PiiMask } from "./pii-mask.ts";
import type { SegmentRef } from "./segment-refs.ts";
import { stripMarkup } from "./strip-markup.ts";

/**
 * Turns a validated model answer into candidate items, mapping prompt ids (S12) back to sources and
 * unmasking PII. Markdown images, links and HTML in model-written text are stripped and the item is
 * flagged "markup-removed" for the reviewer; an item whose statement was nothing but markup is dropped.
 * Quotes are left alone: grounding checks them against the source, so they cannot carry new content.
 */
export function answerToCandidates(answer: HandoffExtraction, refs: Map<string, SegmentRef>, mask: PiiMask): CandidateItem[] {
  const items: CandidateItem[] = [];
  for (const [section, sectionItems] of Object.entries(answer) as [SectionKey, HandoffExtraction[SectionKey]][]) {
    for (const raw of sectionItems) {
      const { statement, evidence, ...rest } = raw;
      const cleanStatement = stripMarkup(statement);
      if (cleanStatement.text === "") continue;
      const cleanDetails = cleanValues(rest);
      const details = unmaskValues(cleanDetails.values, mask);
      const markupRemoved = cleanStatement.changed || cleanDetails.changed;
      items.push({
        section,
        statement: mask.unmask(cleanStatement.text),
        details,
        evidence: evidence.map((e) => {
          const ref = refs.get(
            e.segment
              .trim()
              .replace(/^\[|\]$/g, "")
              .toUpperCase(),
          );
          return {
            sourceId: ref?.sourceId ?? null,
            segmentId: ref?.segment.id ?? null,
            quote: mask.unmask(e.quote),
          };
        }),
        ...flagsFor(section, details, markupRemoved),
      });
    }
  }
  return items;
}

function flagsFor(section: SectionKey, details: Record<string, unknown>, markupRemoved: boolean): { flags?: string[] } {
  const flags: string[] = [];
  if (section === "promises" && details.looksUnrealistic === true) flags.push("unrealistic");
  if (section === "redFlags" && details.kind === "contradiction") flags.push("contradiction");
  if (section === "redFlags" && details.kind === "promptInjection") flags.push("prompt-injection");
  if (markupRemoved) flags.push("markup-removed");
  return flags.length > 0 ? { flags } : {};
}

function cleanValues(values: Record<string, unknown>): { values: Record<string, unknown>; changed: boolean } {
  let changed = false;
  const clean = (value: unknown): unknown => {
    if (typeof value !== "string") return value;
    const result = stripMarkup(value);
    changed ||= result.changed;
    return result.text;
  };
  const cleaned = Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, Array.isArray(value) ? value.map(clean) : clean(value)]),
  );
  return { values: cleaned, changed };
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
