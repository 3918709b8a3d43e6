import type { User } from "../domain/user.ts";
import type { HandoffReport } from "../handoff/build-handoff-report.ts";
import { formatDay, plural } from "./format.ts";
import { type Html, html } from "./html.ts";
import { renderPage } from "./layout.ts";
import { renderBadge } from "./partials/badge.ts";
import { renderBarChart } from "./partials/bar-chart.ts";
import { describeFieldGaps, formatUsage, renderTrendCharts } from "./report-trend-charts.ts";

export type ReportPageView = { user: User; csrfToken: string; report: HandoffReport; batchesPanel: Html };

const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)}%`);

/** RevOps: completeness per AE and the sections handoffs miss most, across every deal; counts only, no customer content. */
export function renderReportPage(view: ReportPageView): Html {
  const { report } = view;
  const { totals } = report;
  const byAe = [...totals.recurringGaps.byAe].sort((a, b) => b.meanCompletion - a.meanCompletion);
  const missed = totals.recurringGaps.bySection.filter((s) => s.deals > 0);
  const body = html`<div class="page-head"><h1>Handoff report</h1>
  <p class="muted">Across ${plural(totals.deals, "deal")}; completeness from the approved version, or the draft while not approved.</p></div>
<div class="stat-grid">
  <div class="stat"><span class="stat-label">Deals</span><span class="stat-value">${totals.deals}</span></div>
  <div class="stat"><span class="stat-label">Approved handoffs</span><span class="stat-value">${totals.approvedDeals}</span></div>
  <div class="stat"><span class="stat-label">Mean completeness</span><span class="stat-value">${percent(totals.completionRate)}</span></div>
  <div class="stat"><span class="stat-label">Hours from close to handoff</span><span class="stat-value">${
    totals.hoursToApprovedHandoff.median === null ? "—" : `${totals.hoursToApprovedHandoff.median} h`
  }</span><span class="subtle">median of ${plural(totals.hoursToApprovedHandoff.deals, "approved deal")}${
    totals.hoursToApprovedHandoff.backfilledDeals > 0
      ? `; ${plural(totals.hoursToApprovedHandoff.backfilledDeals, "backfilled deal")} timed from import`
      : ""
  }</span></div>
  <div class="stat"><span class="stat-label">Extraction cost</span><span class="stat-value">${formatUsage(totals.usage)}</span><span class="subtle">${plural(totals.usage.runs, "extraction run")}${
    totals.usage.cost === null ? ", no price configured" : ""
  }</span></div>
</div>
${view.batchesPanel}
${
  totals.deals === 0
    ? html`<p class="empty">No deals yet: the report fills in as AEs add deals.</p>`
    : html`<div class="chart-grid">
<section class="chart-card" aria-labelledby="completeness-heading">
  <h2 id="completeness-heading">Completeness per AE</h2>
  ${renderBarChart({
    id: "chart-completeness",
    title: "Mean completeness of each AE's handoffs",
    description: byAe
      .map((ae) => `${ae.aeName ?? "Former user"}: ${percent(ae.meanCompletion)} over ${plural(ae.deals, "deal")}`)
      .join("; "),
    bars: byAe.map((ae) => ({ label: ae.aeName ?? "Former user", value: ae.meanCompletion, text: percent(ae.meanCompletion) })),
    max: 1,
  })}
  <table class="data-table compact">
    <caption class="visually-hidden">Completeness per AE</caption>
    <thead><tr><th scope="col">AE</th><th scope="col">Deals</th><th scope="col">Completeness</th><th scope="col">Most missed</th><th scope="col">Missing fields</th></tr></thead>
    <tbody>${byAe.map(
      (ae) =>
        html`<tr><th scope="row" data-label="AE">${ae.aeName ?? "Former user"}</th><td data-label="Deals"><div class="cell">${ae.deals}</div></td><td data-label="Completeness"><div class="cell">${percent(ae.meanCompletion)}</div></td><td data-label="Most missed"><div class="cell">${
          ae.mostFrequentGaps.length === 0
            ? "none"
            : ae.mostFrequentGaps.map((gap) => `${sectionTitle(report, gap.section)} (${gap.deals})`).join(", ")
        }</div></td><td data-label="Missing fields"><div class="cell">${describeFieldGaps(
          ae.fieldGaps.filter((g) => g.deals > 0).sort((a, b) => b.deals - a.deals),
        )}</div></td></tr>`,
    )}</tbody>
  </table>
</section>
<section class="chart-card" aria-labelledby="missed-heading">
  <h2 id="missed-heading">Most-missed sections</h2>
  ${
    missed.length === 0
      ? html`<p class="empty">Every deal covers every section.</p>`
      : renderBarChart({
          id: "chart-missed",
          title: "How many deals miss each section",
          description: missed.map((s) => `${s.title}: ${plural(s.deals, "deal")}`).join("; "),
          bars: missed.map((s) => ({ label: s.title, value: s.deals, text: `${s.deals} of ${totals.deals}` })),
          max: totals.deals,
        })
  }
</section>
</div>
${renderTrendCharts(report)}
<section aria-labelledby="report-deals-heading">
  <h2 id="report-deals-heading" class="section-heading">Deals</h2>
  <table class="data-table">
    <caption class="visually-hidden">Every deal in the report</caption>
    <thead><tr><th scope="col">Account</th><th scope="col">AE</th><th scope="col">Close date</th><th scope="col">Completeness</th><th scope="col">Handoff</th><th scope="col">Gaps</th><th scope="col">Missing fields</th><th scope="col">Extraction</th></tr></thead>
    <tbody>${report.deals.map(
      (deal) => html`<tr>
      <th scope="row" data-label="Account"><a href="/deals/${deal.dealId}">${deal.account}</a></th>
      <td data-label="AE"><div class="cell">${deal.aeName ?? "Former user"}</div></td>
      <td data-label="Close date"><div class="cell">${formatDay(deal.closeDate)}</div></td>
      <td data-label="Completeness"><div class="cell">${percent(deal.completionRate)} <span class="subtle">${deal.completionBasis === "draft" ? "draft" : ""}</span></div></td>
      <td data-label="Handoff"><div class="cell">${deal.approvedVersion === null ? renderBadge("Not approved", "neutral") : renderBadge(`Version ${deal.approvedVersion}`, "success")}${
        deal.backfilled ? html` ${renderBadge("Backfilled", "neutral")}` : ""
      }</div></td>
      <td data-label="Gaps"><div class="cell">${deal.gapSections.length === 0 ? "none" : deal.gapSections.map((s) => sectionTitle(report, s)).join(", ")}</div></td>
      <td data-label="Missing fields"><div class="cell">${describeFieldGaps(
        deal.gapFields.map((field) => ({ field })),
        4,
      )}</div></td>
      <td data-label="Extraction"><div class="cell">${formatUsage({ ...deal.usage, currency: report.totals.usage.currency })}</div></td>
    </tr>`,
    )}</tbody>
  </table>
</section>`
}
`;
  return renderPage({
    title: "Handoff report",
    body,
    user: view.user,
    csrfToken: view.csrfToken,
    crumbs: [{ label: "Deals", href: "/deals" }, { label: "Report" }],
  });
}

function sectionTitle(report: HandoffReport, section: string): string {
  return report.totals.recurringGaps.bySection.find((s) => s.section === section)?.title ?? section;
}
