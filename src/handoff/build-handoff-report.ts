import { fieldsOfSection, fillsHandoff, HANDOFF_FIELD_KEYS, HANDOFF_FIELDS, type HandoffFieldKey } from "../domain/handoff-fields.ts";
import type { HandoffReportDealInput } from "../domain/handoff-report-input.ts";
import { SECTION_KEYS, SECTIONS, type SectionKey } from "../domain/sections.ts";
import type { TokenPricing } from "../domain/token-cost.ts";
import { measureCompleteness } from "../drafting/measure-completeness.ts";
import { countCompletionByWeek, type WeekCompletion } from "./count-completion-by-week.ts";
import { mean, median, round, sum } from "./report-math.ts";
import { type RunUsageSummary, summariseRun, summariseUsage, type UsageSummary } from "./summarise-usage.ts";

export type HandoffReportDeal = {
  dealId: string;
  account: string;
  aeId: string;
  aeName: string | null;
  csmId: string | null;
  csmName: string | null;
  closeDate: string | null;
  sources: number;
  /** Items of the handoff (approved version, else the draft's items that fill it: approved, or verified drafts). */
  items: number;
  extractedItems: number;
  needsCheckingItems: number;
  approvedVersion: number | null;
  firstApprovedAt: string | null;
  /** Where completion and gaps come from: what the CSM received, or the draft while not approved yet. */
  completionBasis: "approved" | "draft";
  completionRate: number;
  /** From the handoff clock's start (see handoffClockStart) to the first approval. */
  hoursToApprovedHandoff: number | null;
  unverifiedRate: number | null;
  gapSections: SectionKey[];
  /** Fields of HANDOFF_FIELDS the handoff does not state, in list order. */
  gapFields: HandoffFieldKey[];
  /** Created in Baton more than BACKFILL_AFTER_DAYS after its close date (imported after the fact): its clock starts at creation. */
  backfilled: boolean;
  /** The close date at 00:00 UTC, or the deal's creation in Baton for a backfilled deal; null without a close date. */
  handoffClockStart: string | null;
  usage: UsageSummary;
  runs: RunUsageSummary[];
};

type FieldGapCount = { field: HandoffFieldKey; deals: number };

export type HandoffReport = {
  generatedAt: string;
  filters: { from: string | null; to: string | null };
  totals: {
    deals: number;
    approvedDeals: number;
    completionRate: number | null;
    hoursToApprovedHandoff: { deals: number; median: number | null; mean: number | null; backfilledDeals: number };
    unverifiedRate: number | null;
    recurringGaps: {
      bySection: { section: SectionKey; title: string; deals: number }[];
      byField: (FieldGapCount & { title: string; section: SectionKey })[];
      byAe: {
        aeId: string;
        aeName: string | null;
        deals: number;
        meanCompletion: number;
        mostFrequentGaps: { section: SectionKey; deals: number }[];
        /** Every field, in list order, with how many of the AE's deals miss it. */
        fieldGaps: FieldGapCount[];
      }[];
    };
    completionByWeek: WeekCompletion[];
    usage: UsageSummary & { currency: string | null };
  };
  deals: HandoffReportDeal[];
};

type ReportFilters = { from: string | null; to: string | null };

const HOUR_MS = 60 * 60 * 1000;
/**
 * The spec's handoff runs from close to the kickoff on day 5-7: a deal first created in Baton more than a week after it
 * closed was imported after the fact (a quarter's backfill), and its wait is counted from its import, not from its close.
 * A deal created within the week keeps the close date as its start, so a late draft still shows as late.
 */
export const BACKFILL_AFTER_DAYS = 7;
const BACKFILL_AFTER_MS = BACKFILL_AFTER_DAYS * 24 * HOUR_MS;
const TOP_GAPS_PER_AE = 3;

/**
 * The RevOps handoff report. Completion = filled sections / 11, from the latest approved version when there is one (what
 * CS took over), else the current draft, where only approved items, verified draft items and the AE's gap answers fill a
 * section (never rejected or needs-checking items). Field gaps use the same items. Time to handoff runs from
 * the close date (00:00 UTC) to the first approval; a deal imported long after it closed is timed from its import instead, not counted
 * as waiting since its close (see BACKFILL_AFTER_DAYS). Unverified rate = needs-checking / extracted items. Tokens and cost come from the runs,
 * at `pricing`. A close-date filter (inclusive, YYYY-MM-DD) leaves out deals without a close date.
 */
export function buildHandoffReport(
  inputs: HandoffReportDealInput[],
  filters: ReportFilters,
  now: Date,
  pricing: TokenPricing = null,
): HandoffReport {
  const selected = inputs.filter((input) => inRange(input.deal.closeDate, filters));
  const deals = selected.map((input) => toReportDeal(input, pricing));
  const timed = deals.filter((d) => d.hoursToApprovedHandoff !== null);
  const hours = timed.map((d) => d.hoursToApprovedHandoff!);
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
        backfilledDeals: timed.filter((d) => d.backfilled).length,
      },
      unverifiedRate: extracted === 0 ? null : round(sum(deals.map((d) => d.needsCheckingItems)) / extracted, 2),
      recurringGaps: {
        bySection: countGaps(deals).map(({ section, deals: n }) => ({ section, title: SECTIONS[section].title, deals: n })),
        byField: countFieldGaps(deals)
          .sort((a, b) => b.deals - a.deals)
          .map((gap) => ({ ...gap, title: HANDOFF_FIELDS[gap.field].title, section: HANDOFF_FIELDS[gap.field].section })),
        byAe: summariseAes(deals),
      },
      completionByWeek: countCompletionByWeek(deals.map((d) => ({ closeDate: d.closeDate, completion: exactCompletion(d) }))),
      usage: {
        ...summariseUsage(
          selected.flatMap((input) => input.runs),
          pricing,
        ),
        currency: pricing?.currency ?? null,
      },
    },
    deals,
  };
}

function toReportDeal(input: HandoffReportDealInput, pricing: TokenPricing): HandoffReportDeal {
  const counts = input.itemCounts;
  const extractedItems = sum(counts.filter((c) => c.origin === "extracted").map((c) => c.count));
  const needsCheckingItems = sum(counts.filter((c) => c.needsChecking).map((c) => c.count));
  const usable = counts.filter(fillsHandoff);
  const filled = new Set<SectionKey>([...usable.map((c) => c.section), ...input.answeredSections]);
  const approved = input.approved;
  const gapSections = approved
    ? SECTION_KEYS.filter((s) => approved.gapSections.includes(s))
    : SECTION_KEYS.filter((section) => !filled.has(section));
  const stated = new Set<HandoffFieldKey>([
    ...(approved ? approved.statedFields : input.statedFields),
    ...(approved ? approved.answeredSections : input.answeredSections).flatMap(fieldsOfSection),
  ]);
  const clock = startHandoffClock(input.deal.closeDate, input.deal.createdAt);
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
    hoursToApprovedHandoff:
      approved && clock !== null ? round(Math.max(0, Date.parse(approved.firstApprovedAt) - clock.startMs) / HOUR_MS, 1) : null,
    unverifiedRate: extractedItems === 0 ? null : round(needsCheckingItems / extractedItems, 2),
    gapSections,
    gapFields: HANDOFF_FIELD_KEYS.filter((field) => !stated.has(field)),
    backfilled: clock?.backfilled ?? false,
    handoffClockStart: clock === null ? null : new Date(clock.startMs).toISOString(),
    usage: summariseUsage(input.runs, pricing),
    runs: input.runs.map((run) => summariseRun(run, pricing)),
  };
}

/** When the handoff clock starts: the close date, or for a backfilled deal its creation in Baton. */
function startHandoffClock(closeDate: string | null, createdAt: string): { startMs: number; backfilled: boolean } | null {
  const close = closeDateMs(closeDate);
  if (close === null) return null;
  const created = Date.parse(createdAt);
  const backfilled = !Number.isNaN(created) && created - close > BACKFILL_AFTER_MS;
  return { startMs: backfilled ? created : close, backfilled };
}

/** Deals missing each section, most often missing first (ties in section order). */
function countGaps(deals: HandoffReportDeal[]): { section: SectionKey; deals: number }[] {
  return SECTION_KEYS.map((section) => ({ section, deals: deals.filter((d) => d.gapSections.includes(section)).length })).sort(
    (a, b) => b.deals - a.deals,
  );
}

/** Deals missing each field, in list order. */
function countFieldGaps(deals: HandoffReportDeal[]): FieldGapCount[] {
  return HANDOFF_FIELD_KEYS.map((field) => ({ field, deals: deals.filter((d) => d.gapFields.includes(field)).length }));
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
      fieldGaps: countFieldGaps(own),
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
