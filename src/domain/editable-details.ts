import { z } from "zod";
import type { SectionKey } from "./sections.ts";

export const STAKEHOLDER_ROLES = [
  "economicBuyer",
  "champion",
  "decisionMaker",
  "technicalContact",
  "executiveSponsor",
  "endUser",
  "blocker",
  "other",
] as const;
export const STANCES = ["supportive", "neutral", "skeptical", "unknown"] as const;

const shortText = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `at most ${max} characters`);
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD")
  .refine((value) => {
    const time = Date.parse(`${value}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
  }, "must be a real calendar day");

/**
 * The structured details an AE may set by hand, per section (the keys the brief reads); the rest stay the extractor's.
 * A due date is a calendar day; the brief's "due" follows it.
 */
export const EDITABLE_DETAILS = {
  stakeholders: { role: z.enum(STAKEHOLDER_ROLES), stance: z.enum(STANCES), title: shortText(120), email: z.email().max(320) },
  promises: { promisedBy: shortText(120), dueDate: isoDay },
  nextSteps: { owner: shortText(120), dueDate: isoDay },
} as const satisfies Partial<Record<SectionKey, Record<string, z.ZodType>>>;

export type EditableSection = keyof typeof EDITABLE_DETAILS;

/** Every editable key of any section (for a request schema that lists them all). */
export const EDITABLE_DETAIL_KEYS = [...new Set(Object.values(EDITABLE_DETAILS).flatMap((shape) => Object.keys(shape)))];

/** A change to an item's details: a value sets the key, null clears it. */
export type DetailsPatch = Record<string, string | null>;

export function isEditableSection(section: SectionKey): section is EditableSection {
  return section in EDITABLE_DETAILS;
}

/** The schema of a details patch for one section: only its editable keys, each a value or null. */
export function detailsPatchSchema(section: SectionKey) {
  const shape: Record<string, z.ZodType> = isEditableSection(section) ? EDITABLE_DETAILS[section] : {};
  return z.object(Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, schema.nullable().optional()]))).strict();
}

/**
 * The details after a patch: null removes a key; a due date also becomes the "due" the brief shows. A key given its
 * current value is no change (a form sends every field).
 */
export function applyDetailsPatch(details: Record<string, unknown>, patch: DetailsPatch): Record<string, unknown> {
  const next: Record<string, unknown> = { ...details };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null ? details[key] === undefined : details[key] === value) continue;
    if (value === null) delete next[key];
    else next[key] = value;
    if (key === "dueDate") {
      if (value === null) delete next.due;
      else next.due = value;
    }
  }
  return next;
}
