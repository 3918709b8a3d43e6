import { HANDOFF_FIELDS } from "../domain/handoff-fields.ts";
import type { HandoffReport } from "../handoff/build-handoff-report.ts";
import { formatDay, plural } from "./format.ts";
import { type Html, html } from "./html.ts";
import { renderBarChart } from "./partials/bar-chart.ts";
import { renderColumnChart } from "./partials/column-chart.ts";

/** The over-time chart shows this many of the latest weeks with closed deals; the JSON and CSV keep every week. */
export const WEEKS_CHARTED = 26;

const percent = (rate: number) => `${Math.round(rate * 100)}%`;
const SHORT_DAY = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** The report's second row of charts: completeness per week of close date, and the fields handoffs miss most. */
export function renderTrendCharts(report: HandoffReport): Html {
  const { totals } = report;
  const weeks = totals.completionByWeek.slice(-WEEKS_CHARTED);
  const missed = totals.recurringGaps.byField.filter((f) => f.deals > 0);
  return html`<div class="chart-grid">
<section class="chart-card" aria-labelledby="over-time-heading">
  <h2 id="over-time-heading">Completeness over time</h2>
  <p class="subtle">Mean completeness of the deals closed each week (weeks start on Monday, UTC).</p>
  ${
    weeks.length === 0
      ? html`<p class="empty">No deal has a close date yet.</p>`
      : renderColumnChart({
          id: "chart-over-time",
          title: "Mean completeness per week of close date",
          description: weeks
            .map((w) => `Week of ${formatDay(w.weekStart)}: ${percent(w.completionRate)} over ${plural(w.deals, "deal")}`)
            .join("; "),
          columns: weeks.map((w) => ({
            label: SHORT_DAY.format(Date.parse(`${w.weekStart}T00:00:00Z`)),
            value: w.completionRate,
            text: percent(w.completionRate),
          })),
          max: 1,
        })
  }
</section>
<section class="chart-card" aria-labelledby="missed-fields-heading">
  <h2 id="missed-fields-heading">Most-missed fields</h2>
  ${
    missed.length === 0
      ? html`<p class="empty">Every deal states every field.</p>`
      : renderBarChart({
          id: "chart-missed-fields",
          title: "How many deals miss each field",
          description: missed.map((f) => `${f.title}: ${plural(f.deals, "deal")}`).join("; "),
          bars: missed.map((f) => ({ label: f.title, value: f.deals, text: `${f.deals} of ${totals.deals}` })),
          max: totals.deals,
        })
  }
</section>
</div>`;
}

/** "Renewal date (3), Seats (2)": an AE's or a deal's most-missed fields. */
export function describeFieldGaps(gaps: { field: keyof typeof HANDOFF_FIELDS; deals?: number }[], limit = 3): string {
  if (gaps.length === 0) return "none";
  const shown = gaps
    .slice(0, limit)
    .map((g) => (g.deals === undefined ? HANDOFF_FIELDS[g.field].title : `${HANDOFF_FIELDS[g.field].title} (${g.deals})`));
  return gaps.length > limit ? `${shown.join(", ")} and ${gaps.length - limit} more` : shown.join(", ");
}

/** The extraction's actual cost, or its tokens while no price is configured. */
export function formatUsage(
  usage: HandoffReport["totals"]["usage"] | (HandoffReport["deals"][number]["usage"] & { currency?: string | null }),
): string {
  const tokens = usage.promptTokens + usage.completionTokens;
  if (usage.cost === null || usage.currency === undefined || usage.currency === null) {
    return `${new Intl.NumberFormat("en-US").format(tokens)} tokens`;
  }
  return new Intl.NumberFormat("en-US", { style: "currency", currency: usage.currency, maximumFractionDigits: 2 }).format(usage.cost);
}
