import { hasCapability } from "../access/access-policy.ts";
import type { User } from "../domain/user.ts";
import type { Deal } from "../domain/deal.ts";
import type { DealSummary } from "../storage/deal-summary-repository.ts";
import { DEAL_STATE_KEYS, DEAL_STATES, type DealStateKey } from "./deal-state.ts";
import { formatAmount, formatDay, plural } from "./format.ts";
import { EMPTY, type Html, html } from "./html.ts";
import { renderPage } from "./layout.ts";
import { renderBadge } from "./partials/badge.ts";
import { renderProgress } from "./partials/progress.ts";

export type DealRow = { deal: Deal; aeName: string; csmName: string | null; summary: DealSummary; state: DealStateKey };

export type DealsListView = {
  user: User;
  csrfToken: string;
  rows: DealRow[];
  /** Deals the reader can see before filtering. */
  visibleCount: number;
  filters: { q: string; state: DealStateKey | null };
  /** False for roles that read no deal content (administrators). */
  canList: boolean;
};

const RUN_LABELS = { queued: "Queued", running: "Running", succeeded: "Done", failed: "Failed" } as const;

/** The deals the reader may see, with where each stands, and filters by state and account. */
export function renderDealsListPage(view: DealsListView): Html {
  const filtered = view.filters.q !== "" || view.filters.state !== null;
  const body = html`<div class="page-head">
  <h1>Deals <span class="count">${view.rows.length}${filtered ? html` of ${view.visibleCount}` : EMPTY}</span></h1>
  <p class="muted">${scopeLine(view.user)}</p>
  ${hasCapability(view.user, "createDeal") ? html`<p><a class="button button-primary" href="/deals/new">New deal</a></p>` : EMPTY}
</div>
${view.canList ? renderFilters(view) : EMPTY}
${
  !view.canList
    ? html`<p class="empty">Administrators manage users and do not read deal content.</p>`
    : view.rows.length === 0
      ? html`<p class="empty">${filtered ? "No deal matches these filters." : hasCapability(view.user, "createDeal") ? "No deals yet: create one with New deal, then add its calls, emails and order form." : "No deals yet. An AE's deals appear here once created."}</p>`
      : renderTable(view.rows)
}`;
  return renderPage({ title: "Deals", body, user: view.user, csrfToken: view.csrfToken });
}

function scopeLine(user: User): string {
  switch (user.role) {
    case "ae":
      return "Deals you own.";
    case "csm":
      return "Deals assigned to you.";
    case "revops":
      return "Every deal.";
    case "admin":
      return "";
  }
}

function renderFilters(view: DealsListView): Html {
  const options = DEAL_STATE_KEYS.map(
    (key) => html`<option value="${key}" ${view.filters.state === key ? "selected" : ""}>${DEAL_STATES[key].label}</option>`,
  );
  return html`<form class="filters" method="get" action="/deals" role="search" aria-label="Filter deals">
  <div class="field field-inline">
    <label for="filter-q">Account</label>
    <input id="filter-q" type="search" name="q" value="${view.filters.q}" placeholder="Search accounts" maxlength="200">
  </div>
  <div class="field field-inline">
    <label for="filter-state">State</label>
    <select id="filter-state" name="state"><option value="">Any state</option>${options}</select>
  </div>
  <button type="submit" class="button">Filter</button>
  ${view.filters.q !== "" || view.filters.state !== null ? html`<a class="button button-quiet" href="/deals">Clear</a>` : EMPTY}
</form>`;
}

function renderTable(rows: DealRow[]): Html {
  return html`<table class="deals-table">
  <caption class="visually-hidden">Deals, with their close date, team and where each stands</caption>
  <thead><tr>
    <th scope="col">Account</th><th scope="col">Close date</th><th scope="col">AE</th><th scope="col">CSM</th>
    <th scope="col">State</th><th scope="col">Sources</th><th scope="col">Extraction</th><th scope="col">Review</th><th scope="col">Approved</th>
  </tr></thead>
  <tbody>${rows.map(renderRow)}</tbody>
</table>`;
}

function renderRow(row: DealRow): Html {
  const { deal, summary } = row;
  const state = DEAL_STATES[row.state];
  return html`<tr>
  <th scope="row" data-label="Account"><a class="deal-link" href="/deals/${deal.id}">${deal.account}</a>
    <span class="subtle">${formatAmount(deal.amount, deal.currency)}</span></th>
  <td data-label="Close date"><div class="cell">${formatDay(deal.closeDate)}</div></td>
  <td data-label="AE"><div class="cell">${row.aeName}</div></td>
  <td data-label="CSM"><div class="cell">${row.csmName ?? html`<span class="muted">Not assigned</span>`}</div></td>
  <td data-label="State"><div class="cell">${renderBadge(state.label, state.tone)}</div></td>
  <td data-label="Sources"><div class="cell">${summary.sourceCount}${
    summary.pendingSourceCount > 0 && summary.pendingSourceCount < summary.sourceCount
      ? html` <span class="subtle">(${summary.pendingSourceCount} new)</span>`
      : EMPTY
  }</div></td>
  <td data-label="Extraction"><div class="cell">${summary.lastRunStatus === null ? html`<span class="muted">Not run</span>` : RUN_LABELS[summary.lastRunStatus]}</div></td>
  <td data-label="Review"><div class="cell">${
    summary.itemCount === 0
      ? html`<span class="muted">No items</span>`
      : html`<a href="/deals/${deal.id}/review" class="review-link">${renderProgress(summary.reviewedCount, summary.itemCount, "reviewed")}</a>${
          summary.needsCheckingCount > 0
            ? html`<span class="subtle">${plural(summary.needsCheckingCount, "needs", "need")} checking</span>`
            : EMPTY
        }`
  }</div></td>
  <td data-label="Approved"><div class="cell">${summary.latestVersion === null ? html`<span class="muted">Not yet</span>` : html`Version ${summary.latestVersion}`}</div></td>
</tr>`;
}
