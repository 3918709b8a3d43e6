import type { BriefMilestone, BriefTimeline, MilestoneKey } from "./brief.ts";

type MilestonePlan = { key: MilestoneKey; title: string; owner: string; fromDay: number; byDay: number; tracked: boolean };

// The handoff process of the domain spec, in days after the close date (day 0).
const PLAN: MilestonePlan[] = [
  // The document is done when the handoff is approved; the CSM marks the other steps done in Baton.
  { key: "document", title: "Handoff document complete (within 24 h)", owner: "AE", fromDay: 0, byDay: 1, tracked: true },
  {
    key: "internalCall",
    title: "Internal AE-to-CSM handoff call, 30-45 min (within 48 h)",
    owner: "AE + CSM",
    fromDay: 0,
    byDay: 2,
    tracked: true,
  },
  { key: "introduction", title: "Warm introduction email from the AE (day 3)", owner: "AE", fromDay: 3, byDay: 3, tracked: true },
  { key: "kickoff", title: "CSM-led kickoff (day 5-7)", owner: "CSM", fromDay: 5, byDay: 7, tracked: true },
  { key: "checkIn", title: "AE check-in on onboarding progress (day 30)", owner: "AE + CS lead", fromDay: 30, byDay: 30, tracked: true },
];

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

type TimelineInput = {
  closeDate: string | null;
  /** When the handoff document was first approved; marks the document milestone done. */
  documentApprovedAt: string | null;
  /** A kickoff date (YYYY-MM-DD) named by a next-step item, if any. */
  kickoffScheduledFor: string | null;
  /** When the CSM marked the later steps done, by milestone. */
  milestonesDone?: Partial<Record<MilestoneKey, string>>;
  now: Date;
};

/**
 * The handoff milestones from the close date with their due dates and state. Dates are calendar days in UTC;
 * a milestone is overdue once its last due day has passed and it is not known to be done.
 */
export function buildHandoffTimeline(input: TimelineInput): BriefTimeline {
  const close = parseIsoDate(input.closeDate);
  const today = toIsoDate(input.now);
  const milestones = PLAN.map((plan): BriefMilestone => {
    const doneAt = plan.key === "document" ? input.documentApprovedAt : (input.milestonesDone?.[plan.key] ?? null);
    const dueFrom = close === null ? null : addDays(close, plan.fromDay);
    const dueBy = close === null ? null : addDays(close, plan.byDay);
    const state: BriefMilestone["state"] =
      doneAt !== null ? "done" : dueBy === null ? "unscheduled" : today > dueBy ? "overdue" : "upcoming";
    return {
      key: plan.key,
      title: plan.title,
      owner: plan.owner,
      dueFrom,
      dueBy,
      state,
      doneAt,
      late: doneAt !== null && dueBy !== null && doneAt.slice(0, 10) > dueBy,
      tracked: plan.tracked,
      scheduledFor: plan.key === "kickoff" ? input.kickoffScheduledFor : null,
    };
  });
  return { closeDate: close === null ? null : input.closeDate, milestones };
}

/** Days after the close date for a milestone, so the intro email can name its send-by date. */
export function milestoneDueBy(closeDate: string | null, key: MilestoneKey): string | null {
  const close = parseIsoDate(closeDate);
  const plan = PLAN.find((p) => p.key === key);
  return close === null || plan === undefined ? null : addDays(close, plan.byDay);
}

function addDays(closeMs: number, days: number): string {
  return toIsoDate(new Date(closeMs + days * DAY_MS));
}

function parseIsoDate(value: string | null): number | null {
  if (value === null || !ISO_DATE.test(value)) return null;
  const ms = Date.parse(`${value}T00:00:00Z`);
  // Date.parse rolls 2026-02-30 over to March: only a real calendar day counts.
  return Number.isNaN(ms) || toIsoDate(new Date(ms)) !== value ? null : ms;
}

function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
