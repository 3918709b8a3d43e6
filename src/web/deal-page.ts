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
import type { UploadResult } from "../services/source-service.ts";
import type { describeRun } from "./deal-action-routes.ts";
import { renderCsrfField } from "./partials/csrf-field.ts";
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
  /** What became of each file of the upload just sent (a form posted without the script). */
  uploadResults?: UploadResult[];
  /** The run the reader just started (?run=), followed live by the page script. */
  followedRun?: RunState | null;
  /** The CSM's milestones and feedback, shown to the AE. */
  tracking?: Html;
};

type RunState = ReturnType<typeof describeRun>;

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
</div>
<div class="stat-grid" id="deal-stats" data-refresh-after-run>
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
${view.tracking ?? EMPTY}
${view.actions.includes("edit") ? renderUpload(view) : EMPTY}
${view.actions.includes("extract") ? renderExtraction(view) : EMPTY}
<section id="deal-sources" aria-labelledby="sources-heading" data-refresh-after-run>
  <h2 id="sources-heading" class="section-heading">Sources</h2>
  ${view.sources.length === 0 ? html`<p class="empty">No sources yet.</p>` : renderSourceTable(view)}
</section>
<section id="deal-runs" aria-labelledby="runs-heading" data-refresh-after-run>
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

const OUTCOMES = { added: "Added", duplicate: "Already in the deal", refused: "Refused" } as const;
const OUTCOME_TONES = { added: "success", duplicate: "neutral", refused: "danger" } as const;

/** The drop zone: several files at once, a result per file (the script uploads a drop at once and lists the results here). */
function renderUpload(view: DealPageView): Html {
  const results = view.uploadResults ?? [];
  return html`<section class="panel-section" id="upload" aria-labelledby="upload-heading">
  <h2 id="upload-heading" class="section-heading">Add sources</h2>
  <form method="post" action="/deals/${view.deal.id}/sources" enctype="multipart/form-data" class="dropzone" data-upload-form>
    ${renderCsrfField(view.csrfToken)}
    <p class="dropzone-text" id="dropzone-text">Drop call transcripts (VTT, SRT, text, speech-to-text JSON), emails (EML, MBOX) or PDFs here, several at once.</p>
    <div class="dropzone-controls">
      <label for="upload-files">Files</label>
      <input class="file-input" id="upload-files" type="file" name="file" multiple aria-describedby="dropzone-text">
      <button type="submit" class="button button-primary" data-upload-submit>Upload</button>
    </div>
  </form>
  <ul class="upload-results" data-upload-results aria-live="polite">${results.map(
    (result) =>
      html`<li class="upload-result">${renderBadge(OUTCOMES[result.outcome], OUTCOME_TONES[result.outcome])} <span class="upload-file">${result.filename || "Upload"}</span>${
        result.outcome === "refused" ? html` <span class="upload-reason">${result.error.message}</span>` : EMPTY
      }</li>`,
  )}</ul>
</section>`;
}

const PROGRESS_WORDS = { queued: "Waiting for its turn…", running: "Reading the sources and grounding every quote…" } as const;

/** Run the extraction and follow it: the script streams its progress; without it, a link reloads the state. */
function renderExtraction(view: DealPageView): Html {
  const run = view.followedRun ?? null;
  const pending = view.summary.pendingSourceCount;
  const review = `/deals/${view.deal.id}/review`;
  return html`<section class="panel-section" id="extraction" aria-labelledby="extraction-heading">
  <h2 id="extraction-heading" class="section-heading">Extraction</h2>
  ${
    view.sources.length === 0
      ? html`<p class="empty">Upload sources first; the extraction reads them into a cited draft.</p>`
      : html`<form method="post" action="/deals/${view.deal.id}/extractions" class="inline-form extract-form" data-extract-form>
    ${renderCsrfField(view.csrfToken)}
    <button type="submit" class="button button-primary">Run the extraction</button>
    <span class="hint" id="extraction-hint" data-refresh-after-run>${pending > 0 ? `${plural(pending, "source")} not extracted yet.` : "Every source is extracted; a run adds nothing new."}</span>
  </form>`
  }
  <div class="run-progress" data-run-progress role="status" aria-live="polite"${
    run !== null && (run.status === "queued" || run.status === "running")
      ? html` data-events-url="/deals/${view.deal.id}/extractions/${run.id}/events"`
      : EMPTY
  }${run === null ? html` hidden` : EMPTY} data-review-url="${review}">${run === null ? EMPTY : renderRunState(run, review)}</div>
</section>`;
}

function renderRunState(run: RunState, review: string): Html {
  if (run.status === "succeeded") {
    return html`<p><strong>Extraction finished:</strong> ${plural(run.itemsAdded ?? 0, "item")} added from ${plural(run.sources, "source")}.</p>
    <p><a class="button button-primary" href="${review}">Review the draft</a></p>`;
  }
  if (run.status === "failed") return html`<p><strong>Extraction failed:</strong> ${run.error ?? "unknown error"}</p>`;
  return html`<p><progress aria-hidden="true"></progress> ${PROGRESS_WORDS[run.status]} <a href="?run=${run.id}#extraction">Refresh</a></p>`;
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
