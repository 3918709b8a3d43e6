import type { DealAction } from "../access/access-policy.ts";
import type { User } from "../domain/user.ts";
import type { ParsedSource } from "../domain/source.ts";
import type { Deal } from "../domain/deal.ts";
import type { DealSummary } from "../storage/deal-summary-repository.ts";
import type { ExtractionRun } from "../storage/run-repository.ts";
import type { StoredSourceMeta } from "../storage/source-repository.ts";
import { DEAL_STATES, type DealStateKey } from "./deal-state.ts";
import { formatAmount, formatDay, formatMoment, plural } from "./format.ts";
import { EMPTY, type Html, html } from "./html.ts";
import { renderPage } from "./layout.ts";
import { renderBadge } from "./partials/badge.ts";
import { renderProgress } from "./partials/progress.ts";
import { renderSourceFacts, renderSourceText, SOURCE_KIND_LABELS, sourceKindOf } from "./partials/source-view.ts";

export type DealPageView = {
  user: User;
  csrfToken: string;
  deal: Deal;
  actions: DealAction[];
  aeName: string;
  csmName: string | null;
  summary: DealSummary;
  state: DealStateKey;
  sources: { meta: StoredSourceMeta; parsed: ParsedSource }[];
  runs: ExtractionRun[];
  /** Display names of the users who requested runs. */
  names: Map<string, string>;
};

const RUN_TONES = { queued: "neutral", running: "info", succeeded: "success", failed: "danger" } as const;
const RUN_LABELS = { queued: "Queued", running: "Running", succeeded: "Succeeded", failed: "Failed" } as const;

/** One deal: its facts, where it stands, its sources as they read, and its extraction runs. */
export function renderDealPage(view: DealPageView): Html {
  const { deal, summary } = view;
  const state = DEAL_STATES[view.state];
  const body = html`<div class="page-head">
  <h1>${deal.account} ${renderBadge(state.label, state.tone)}</h1>
  <dl class="facts facts-inline">
    <div><dt>Close date</dt><dd>${formatDay(deal.closeDate)}</dd></div>
    <div><dt>Amount</dt><dd>${formatAmount(deal.amount, deal.currency)}</dd></div>
    <div><dt>AE</dt><dd>${view.aeName}</dd></div>
    <div><dt>CSM</dt><dd>${view.csmName ?? "Not assigned"}</dd></div>
  </dl>
</div>
<div class="toolbar">
  <a class="button button-primary" href="/deals/${deal.id}/review">${view.actions.includes("edit") ? "Review the draft" : "Read the draft"}</a>
  <a class="button" href="/deals/${deal.id}/brief">CSM brief</a>
  ${
    view.actions.includes("edit")
      ? html`<span class="toolbar-gap"></span>
  <!-- Round 2: upload by drag and drop and run the extraction with live progress (service functions pending). -->
  <div class="toolbar-group">
    <button type="button" class="button" disabled aria-describedby="soon-note">Upload files</button>
    <button type="button" class="button" disabled aria-describedby="soon-note">Run extraction</button>
  </div>
  <p class="hint" id="soon-note">Uploading and extracting from this page are coming; until then use the API (see the README).</p>`
      : EMPTY
  }
</div>
<div class="stat-grid">
  <div class="stat"><span class="stat-label">Sources</span><span class="stat-value">${summary.sourceCount}</span>${
    summary.pendingSourceCount > 0 ? html`<span class="subtle">${summary.pendingSourceCount} not extracted yet</span>` : EMPTY
  }</div>
  <div class="stat"><span class="stat-label">Extraction</span><span class="stat-value">${
    summary.lastRunStatus === null ? "Not run" : RUN_LABELS[summary.lastRunStatus]
  }</span></div>
  <div class="stat"><span class="stat-label">Review</span>${
    summary.itemCount === 0
      ? html`<span class="stat-value">No items</span>`
      : renderProgress(summary.reviewedCount, summary.itemCount, "reviewed")
  }${summary.needsCheckingCount > 0 ? html`<span class="subtle">${plural(summary.needsCheckingCount, "item")} to check</span>` : EMPTY}</div>
  <div class="stat"><span class="stat-label">Approved</span><span class="stat-value">${
    summary.latestVersion === null ? "Not yet" : `Version ${summary.latestVersion}`
  }</span>${view.state === "changed" ? html`<span class="subtle">The draft changed since</span>` : EMPTY}</div>
</div>
<section aria-labelledby="sources-heading">
  <h2 id="sources-heading" class="section-heading">Sources</h2>
  ${view.sources.length === 0 ? html`<p class="empty">No sources yet.</p>` : renderSourceTable(view)}
</section>
<section aria-labelledby="runs-heading">
  <h2 id="runs-heading" class="section-heading">Extraction runs</h2>
  ${view.runs.length === 0 ? html`<p class="empty">No extraction has run yet.</p>` : renderRuns(view)}
</section>
${view.sources.map(({ parsed }) => renderSourceSection(parsed))}`;
  return renderPage({
    title: deal.account,
    body,
    user: view.user,
    csrfToken: view.csrfToken,
    crumbs: [{ label: "Deals", href: "/deals" }, { label: deal.account }],
  });
}

function renderSourceTable(view: DealPageView): Html {
  const rows = view.sources.map(
    ({ meta, parsed }) => html`<tr>
    <th scope="row" data-label="File"><a href="#source-${meta.id}">${meta.filename}</a></th>
    <td data-label="Kind"><div class="cell">${SOURCE_KIND_LABELS[sourceKindOf(parsed)]} <span class="subtle">${meta.format}</span></div></td>
    <td data-label="Date"><div class="cell">${formatDay(parsed.source.occurredAt ?? null)}</div></td>
    <td data-label="Segments"><div class="cell">${meta.segmentCount}</div></td>
    <td data-label="Extracted"><div class="cell">${meta.extractedRunId === null ? renderBadge("Not yet", "neutral") : renderBadge("Extracted", "success")}</div></td>
    <td data-label="Uploaded"><div class="cell">${formatMoment(meta.createdAt)}</div></td>
  </tr>`,
  );
  return html`<table class="data-table">
  <caption class="visually-hidden">Sources of this deal</caption>
  <thead><tr><th scope="col">File</th><th scope="col">Kind</th><th scope="col">Date</th><th scope="col">Segments</th><th scope="col">Extraction</th><th scope="col">Uploaded</th></tr></thead>
  <tbody>${rows}</tbody>
</table>`;
}

function renderRuns(view: DealPageView): Html {
  const rows = [...view.runs].reverse().map(
    (run) => html`<tr>
    <td data-label="Status"><div class="cell">${renderBadge(RUN_LABELS[run.status], RUN_TONES[run.status])}</div></td>
    <td data-label="Requested"><div class="cell">${formatMoment(run.createdAt)} <span class="subtle">by ${view.names.get(run.requestedBy) ?? "a former user"}</span></div></td>
    <td data-label="Finished"><div class="cell">${formatMoment(run.finishedAt)}</div></td>
    <td data-label="Sources read"><div class="cell">${run.sourceIds.length}</div></td>
    <td data-label="Items added"><div class="cell">${run.itemsAdded ?? "—"}</div></td>
    <td data-label="Extractor"><div class="cell">${run.extractor === null ? "—" : run.extractor.kind === "offline" ? "Offline rules" : (run.extractor.model ?? "LLM")}</div></td>
    <td data-label="Error"><div class="cell">${run.error === null ? "—" : run.error.message}</div></td>
  </tr>`,
  );
  return html`<table class="data-table">
  <caption class="visually-hidden">Extraction runs, newest first</caption>
  <thead><tr><th scope="col">Status</th><th scope="col">Requested</th><th scope="col">Finished</th><th scope="col">Sources read</th><th scope="col">Items added</th><th scope="col">Extractor</th><th scope="col">Error</th></tr></thead>
  <tbody>${rows}</tbody>
</table>`;
}

function renderSourceSection(parsed: ParsedSource): Html {
  const id = parsed.source.id;
  return html`<section class="source-card" id="source-${id}" aria-labelledby="source-title-${id}">
  <h2 class="section-heading" id="source-title-${id}">${parsed.source.filename}</h2>
  ${renderSourceFacts(parsed)}
  <div class="source-scroll" tabindex="0" role="region" aria-label="Text of ${parsed.source.filename}">
    ${renderSourceText(parsed)}
  </div>
</section>`;
}
