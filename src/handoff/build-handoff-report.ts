import type { HandoffReportDealInput } from "../domain/handoff-report-input.ts";
import { SECTION_KEYS, SECTIONS, type SectionKey } from "../domain/sections.ts";
import { measureCompleteness } from "../drafting/measure-completeness.ts";

export type HandoffReportDeal = {
  dealId: string;
  account: string;
  aeId: string;
  aeName: string | null;
  csmId: string | null;
  csmName: string | null;
  closeDate: string | null;
  sources: number;
  /** Items of the handoff (approved version, else the draft's verified, non-rejected items). */
  items: number;
  extractedItems: number;
  needsCheckingItems: number;
  approvedVersion: number | null;
  firstApprovedAt: string | null;
  /** Where completion and gaps come from: what the CSM received, or the draft while not approved yet. */
  completionBasis: "approved" | "draft";
  completionRate: number;
  hoursToApprovedHandoff: number | null;
  unverifiedRate: number | null;
  gapSections: SectionKey[];
};

export type HandoffReport = {
  generatedAt: string;
  filters: { from: string | null; to: string | null };
  totals: {
    deals: number;
    approvedDeals: number;
    completionRate: number | null;
    hoursToApprovedHandoff: { deals: number; median: number | null; mean: number | null };
    unverifiedRate: number | null;
    recurringGaps: {
      bySection: { section: SectionKey; title: string; deals: number }[];
      byAe: {
        aeId: string;
        aeName: string | null;
        deals: number;
        meanCompletion: number;
        mostFrequentGaps: { section: SectionKey; deals: number }[];
      }[];
    };
  };
  deals: HandoffReportDeal[];
};

type ReportFilters = { from: string | null; to: string | null };

const HOUR_MS = 60 * 60 * 1000;
const TOP_GAPS_PER_AE = 3;

/**
 * The RevOps handoff report. Completion = filled sections / 11, from the latest approved version when there is
 * one (what CS took over), else the current draft, where an AE's gap answer fills a section. Time to handoff runs
 * from the close date (00:00 UTC) to the first approval. Unverified rate = needs-checking / all extracted items.
 * A close-date filter (inclusive, YYYY-MM-DD) leaves out deals without a close date.
 */
export function buildHandoffReport(inputs: HandoffReportDealInput[], filters: ReportFilters, now: Date): HandoffReport {
  const selected = inputs.filter((input) => inRange(input.deal.closeDate, filters));
  const deals = selected.map(toReportDeal);
  const hours = deals.map((d) => d.hoursToApprovedHandoff).filter((h): h is number => h !== null);
  const extracted = sum(deals.map((d) => d.extractedItems));
  return {
    generatedAt: now.toISOString(),
    filters,
    totals: {
      deals: deals.length,
      approvedDeals: deals.filter((d) => d.approvedVersion !== null).length,
      completionRate: deals.length === 0 ? null : round(mean(deals.map(exactCompletion)), 2),
      hoursToApprovedHandoff: {
        deals: hours.length,
        median: hours.length === 0 ? null : round(median(hours), 1),
        mean: hours.length === 0 ? null : round(mean(hours), 1),
      },
      unverifiedRate: extracted === 0 ? null : round(sum(deals.map((d) => d.needsCheckingItems)) / extracted, 2),
      recurringGaps: {
        bySection: countGaps(deals).map(({ section, deals: n }) => ({ section, title: SECTIONS[section].title, deals: n })),
        byAe: summariseAes(deals),
      },
    },
    deals,
  };
}

function toReportDeal(input: HandoffReportDealInput): HandoffReportDeal {
  const counts = input.itemCounts;
  const extractedItems = sum(counts.filter((c) => c.origin === "extracted").map((c) => c.count));
  const needsCheckingItems = sum(counts.filter((c) => c.needsChecking).map((c) => c.count));
  const usable = counts.filter((c) => !c.needsChecking && c.status !== "rejected");
  const filled = new Set<SectionKey>([...usable.map((c) => c.section), ...input.answeredSections]);
  const draftGaps = SECTION_KEYS.filter((section) => !filled.has(section));
  const approved = input.approved;
  const gapSections = approved ? SECTION_KEYS.filter((s) => approved.gapSections.includes(s)) : draftGaps;
  const close = closeDateMs(input.deal.closeDate);
  return {
    dealId: input.deal.id,
    account: input.deal.account,
    aeId: input.deal.aeId,
    aeName: input.aeName,
    csmId: input.deal.csmId,
    csmName: input.csmName,
    closeDate: input.deal.closeDate,
    sources: input.sourceCount,
    items: approved ? approved.items : sum(usable.map((c) => c.count)),
    extractedItems,
    needsCheckingItems,
    approvedVersion: approved?.version ?? null,
    firstApprovedAt: approved?.firstApprovedAt ?? null,
    completionBasis: approved ? "approved" : "draft",
    completionRate: measureCompleteness(gapSections.length).score,
    hoursToApprovedHandoff: approved && close !== null ? round((Date.parse(approved.firstApprovedAt) - close) / HOUR_MS, 1) : null,
    unverifiedRate: extractedItems === 0 ? null : round(needsCheckingItems / extractedItems, 2),
    gapSections,
  };
}

/** Deals missing each section, most often missing first (ties in section order). */
function countGaps(deals: HandoffReportDeal[]): { section: SectionKey; deals: number }[] {
  return SECTION_KEYS.map((section) => ({ section, deals: deals.filter((d) => d.gapSections.includes(section)).length })).sort(
    (a, b) => b.deals - a.deals,
  );
}

function summariseAes(deals: HandoffReportDeal[]): HandoffReport["totals"]["recurringGaps"]["byAe"] {
  const byAe = new Map<string, HandoffReportDeal[]>();
  for (const deal of deals) {
    const own = byAe.get(deal.aeId);
    if (own) own.push(deal);
    else byAe.set(deal.aeId, [deal]);
  }
  return [...byAe.entries()]
    .map(([aeId, own]) => ({
      aeId,
      aeName: own[0]?.aeName ?? null,
      deals: own.length,
      meanCompletion: round(mean(own.map(exactCompletion)), 2),
      mostFrequentGaps: countGaps(own)
        .filter((g) => g.deals > 0)
        .slice(0, TOP_GAPS_PER_AE),
    }))
    .sort((a, b) => a.meanCompletion - b.meanCompletion || (a.aeName ?? "").localeCompare(b.aeName ?? ""));
}

// Averages start from the exact share, not the per-deal figure rounded for display.
function exactCompletion(deal: HandoffReportDeal): number {
  return (SECTION_KEYS.length - deal.gapSections.length) / SECTION_KEYS.length;
}

function inRange(closeDate: string | null, filters: ReportFilters): boolean {
  if (filters.from === null && filters.to === null) return true;
  if (closeDate === null) return false;
  return (filters.from === null || closeDate >= filters.from) && (filters.to === null || closeDate <= filters.to);
}

function closeDateMs(closeDate: string | null): number | null {
  if (closeDate === null) return null;
  const ms = Date.parse(`${closeDate}T00:00:00Z`);
  return Number.isNaN(ms) ? null : ms;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : sum(values) / values.length;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
