import { mean, round } from "./report-math.ts";

/** Mean completeness of the deals that closed in one week (Monday to Sunday, UTC). */
export type WeekCompletion = { weekStart: string; deals: number; completionRate: number };

const DAY_MS = 24 * 60 * 60 * 1000;

/** Completeness per week of close date, oldest week first; deals without a close date are left out, empty weeks are not listed. */
export function countCompletionByWeek(deals: { closeDate: string | null; completion: number }[]): WeekCompletion[] {
  const weeks = new Map<string, number[]>();
  for (const deal of deals) {
    const week = weekStartOf(deal.closeDate);
    if (week === null) continue;
    const list = weeks.get(week);
    if (list) list.push(deal.completion);
    else weeks.set(week, [deal.completion]);
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([weekStart, completions]) => ({ weekStart, deals: completions.length, completionRate: round(mean(completions), 2) }));
}

/** The Monday (YYYY-MM-DD) of the ISO week a day falls in. */
export function weekStartOf(day: string | null): string | null {
  if (day === null) return null;
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms)) return null;
  const sinceMonday = (new Date(ms).getUTCDay() + 6) % 7;
  return new Date(ms - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}
