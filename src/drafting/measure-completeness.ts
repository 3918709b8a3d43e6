import { SECTION_KEYS } from "../domain/sections.ts";

export type Completeness = { score: number; sectionsFilled: number; sectionsTotal: number };

/** How complete a handoff is when `openSections` of its sections are still gaps: the one definition drafts, stored drafts and the report share. */
export function measureCompleteness(openSections: number): Completeness {
  const filled = SECTION_KEYS.length - openSections;
  return { score: Math.round((filled / SECTION_KEYS.length) * 100) / 100, sectionsFilled: filled, sectionsTotal: SECTION_KEYS.length };
}

/** How many sections still have an unanswered gap: a section asking for three contract fields is one open section. */
export function countOpenSections(gaps: { section: string; answer?: unknown }[]): number {
  return new Set(gaps.filter((gap) => gap.answer === undefined).map((gap) => gap.section)).size;
}
