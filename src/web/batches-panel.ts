import type { BatchProgress } from "../services/batch-service.ts";
import { formatMoment, plural } from "./format.ts";
import { type Html, html } from "./html.ts";
import { renderBadge } from "./partials/badge.ts";
import { renderProgress } from "./partials/progress.ts";

const tokens = (n: number) => n.toLocaleString("en-US");
/** A batch's cost to the cent, or to a hundredth of a cent below one cent ("€0.0030"). */
const formatCost = (amount: number, currency: string | null) =>
  new Intl.NumberFormat("en-US", {
    ...(currency === null ? {} : { style: "currency", currency }),
    maximumFractionDigits: amount < 0.01 ? 4 : 2,
    minimumFractionDigits: amount < 0.01 ? 4 : 2,
  }).format(amount);

/**
 * RevOps' imports on the report page, newest first: each batch's progress (deals settled of all), what is done,
 * failed and still going, and the tokens so far; a failed row's reason opens from its count. Deal keys, counts and
 * reasons only, no customer content.
 */
export function renderBatchesPanel(batches: BatchProgress[]): Html {
  return html`<section aria-labelledby="batches-heading">
  <h2 id="batches-heading" class="section-heading">Batches</h2>
  ${
    batches.length === 0
      ? html`<p class="empty">No batches yet. Import closed deals for their AEs with <code>baton batch MANIFEST.csv</code> or POST /v1/batches; each import shows its progress here.</p>`
      : html`<table class="data-table">
    <caption class="visually-hidden">RevOps batches, newest first</caption>
    <thead><tr><th scope="col">Started</th><th scope="col">By</th><th scope="col">Progress</th><th scope="col">Done</th><th scope="col">Failed</th><th scope="col">Waiting</th><th scope="col">Tokens</th></tr></thead>
    <tbody>${batches.map(renderBatchRow)}</tbody>
  </table>`
  }
</section>`;
}

function renderBatchRow(batch: BatchProgress): Html {
  const { counts } = batch;
  const failed = batch.deals.filter((deal) => deal.status === "failed");
  const waiting = counts.queued + counts.running;
  return html`<tr>
      <th scope="row" data-label="Started"><div class="cell">${formatMoment(batch.createdAt)} <span class="subtle">${batch.origin === "cli" ? "baton batch" : "API"}</span></div></th>
      <td data-label="By"><div class="cell">${batch.createdBy.name ?? "Former user"}</div></td>
      <td data-label="Progress"><div class="cell">${renderProgress(counts.done + counts.failed, counts.deals, "deals settled")} ${
        counts.finished ? renderBadge("Finished", counts.failed > 0 ? "attention" : "success") : renderBadge("Running", "info")
      }</div></td>
      <td data-label="Done"><div class="cell">${counts.done}${counts.unchanged > 0 ? html` <span class="subtle">(${counts.unchanged} unchanged)</span>` : ""}</div></td>
      <td data-label="Failed"><div class="cell">${
        failed.length === 0
          ? "0"
          : html`<details class="batch-failures"><summary>${plural(failed.length, "deal")}</summary><ul>${failed.map(
              (deal) => html`<li><strong>${deal.dealKey || "(no deal_key)"}</strong>: ${deal.reason ?? "failed"}</li>`,
            )}</ul></details>`
      }</div></td>
      <td data-label="Waiting"><div class="cell">${waiting === 0 ? "0" : `${counts.queued} queued, ${counts.running} running`}</div></td>
      <td data-label="Tokens"><div class="cell">${tokens(counts.promptTokens)} prompt + ${tokens(counts.outputTokens)} output${
        batch.cost.amount === null ? "" : html` <span class="subtle">(${formatCost(batch.cost.amount, batch.cost.currency)})</span>`
      }</div></td>
    </tr>`;
}
