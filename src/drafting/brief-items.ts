import { isVerified } from "./assemble-draft.ts";
import type { BriefBasis, BriefCitation, BriefItem, BriefSourceItem } from "./brief.ts";
import type { Citation } from "../domain/citation.ts";
import { formatTimestamp } from "../domain/format-timestamp.ts";
import type { SectionKey } from "../domain/sections.ts";

/** What the brief may show: verified, never rejected, never an item whose every quote failed verification. */
export function selectUsableItems(items: BriefSourceItem[]): BriefSourceItem[] {
  return items.filter((item) => item.needsChecking !== true && item.status !== "rejected" && isVerified(item));
}

/** The brief's view of one item; only verified citations are kept, with file, speaker, time and quote. */
export function toBriefItem(item: BriefSourceItem, basis: BriefBasis): BriefItem {
  return {
    itemId: item.id,
    section: item.section,
    statement: item.statement,
    basis,
    reviewStatus: item.status === "rejected" ? "draft" : item.status,
    origin: item.origin ?? "extracted",
    flags: item.flags ?? [],
    citations: item.citations.flatMap((citation) => (citation.match === "unverified" ? [] : [toBriefCitation(citation)])),
  };
}

// Callers pass verified citations only.
function toBriefCitation(citation: Citation): BriefCitation {
  return {
    file: citation.filename ?? citation.sourceId,
    sourceId: citation.sourceId,
    speaker: citation.speaker,
    time: citation.startMs === null ? null : formatTimestamp(citation.startMs),
    startMs: citation.startMs,
    quote: citation.quote,
    match: citation.match as BriefCitation["match"],
  };
}

/** Items of one section, in the order given. */
export function inSection(items: BriefSourceItem[], section: SectionKey): BriefSourceItem[] {
  return items.filter((item) => item.section === section);
}

/** A non-blank string detail, trimmed; anything else (null, numbers, blanks) reads as not stated. */
export function detailText(item: BriefSourceItem, key: string): string | null {
  const value = item.details?.[key];
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

/** A list detail (e.g. who a political dynamic involves) as its non-blank strings. */
export function detailList(item: BriefSourceItem, key: string): string[] {
  const value = item.details?.[key];
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is string => typeof v === "string" && v.trim() !== "").map((v) => v.trim());
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
const MONTH_DAY = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, "i");
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+(\\d{4}))?\\b`, "i");

/**
 * The calendar date a detail names ("2026-02-17", "Tuesday, February 17", "17 Feb 2026") as YYYY-MM-DD.
 * Without a year it is the first such day on or after the close date; null when no real date is named.
 */
export function readCalendarDate(value: string | null, closeDate: string | null): string | null {
  if (value === null) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})\b/.exec(value);
  if (iso) return toIsoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const monthDay = MONTH_DAY.exec(value);
  const dayMonth = monthDay ? null : DAY_MONTH.exec(value);
  const [monthName, day, year] = monthDay
    ? [monthDay[1], monthDay[2], monthDay[3]]
    : dayMonth
      ? [dayMonth[2], dayMonth[1], dayMonth[3]]
      : [];
  if (monthName === undefined || day === undefined) return null;
  const month = MONTHS.indexOf(monthName.toLowerCase().slice(0, 3)) + 1;
  if (year !== undefined) return toIsoDay(Number(year), month, Number(day));
  const closeYear = closeDate === null ? null : Number(closeDate.slice(0, 4));
  if (closeYear === null || Number.isNaN(closeYear)) return null;
  const sameYear = toIsoDay(closeYear, month, Number(day));
  return sameYear !== null && closeDate !== null && sameYear < closeDate ? toIsoDay(closeYear + 1, month, Number(day)) : sameYear;
}

function toIsoDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31 February over to March: only a real calendar day counts.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** A statement without its closing punctuation, to quote inside a sentence. */
export function trimStatement(statement: string): string {
  return statement
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.!;:,]+$/, "");
}
