import { gapAnchor } from "./gap-anchor.ts";
import type { Deal } from "../domain/deal.ts";
import { SECTIONS } from "../domain/sections.ts";
import type { User } from "../domain/user.ts";
import type { ApprovalPreview, PreviewItem } from "../services/version-service.ts";
import { plural } from "./format.ts";
import { EMPTY, type Html, html } from "./html.ts";
import { renderPage } from "./layout.ts";
import { renderBadge } from "./partials/badge.ts";
import { renderCsrfField } from "./partials/csrf-field.ts";

export type ApprovePageView = {
  user: User;
  csrfToken: string;
  deal: Deal;
  preview: ApprovalPreview;
  /** The version the approval just created or kept, after the form was sent. */
  outcome: { version: number; created: boolean } | null;
  error: string | null;
};

/** Approving the handoff: first what is still unreviewed, left out or unanswered, then the button; after it, the version. */
export function renderApprovePage(view: ApprovePageView): Html {
  const { deal, preview } = view;
  const review = `/deals/${deal.id}/review`;
  const body = html`<div class="page-head"><h1>Approve the handoff: ${deal.account}</h1></div>
${view.outcome ? renderOutcome(deal, view.outcome) : EMPTY}
${view.error ? html`<p class="notice notice-danger" role="alert">${view.error}</p>` : EMPTY}
<section class="approve-summary" aria-labelledby="summary-heading">
  <h2 id="summary-heading" class="section-heading">${view.outcome ? "The draft now" : "Before you approve"}</h2>
  <ul class="summary-list">
    <li>${renderBadge(plural(preview.unreviewed.length, "item"), preview.unreviewed.length > 0 ? "attention" : "success")} not reviewed yet: approving approves ${preview.unreviewed.length === 1 ? "it" : "them"} in your name.</li>
    <li>${renderBadge(plural(preview.reviewedCount, "item"), "neutral")} approved or edited by you.</li>
    <li>${renderBadge(plural(preview.needsChecking.length, "item"), preview.needsChecking.length > 0 ? "attention" : "neutral")} needing a check: left out of the handoff.</li>
    <li>${renderBadge(plural(preview.rejected.length, "item"), "neutral")} rejected: left out.</li>
    <li>${renderBadge(plural(preview.openGaps.length, "open gap"), preview.openGaps.length > 0 ? "attention" : "success")}: the CSM sees their question unanswered${preview.answeredGaps > 0 ? html` (${plural(preview.answeredGaps, "gap")} answered by you)` : EMPTY}.</li>
  </ul>
  <div class="approve-actions">
    ${renderApproveForm(view)}
    <a class="button" href="${review}">Back to the review</a>
  </div>
  ${renderItemList("Not reviewed yet", "unreviewed", preview.unreviewed, review)}
  ${renderItemList("Needs checking", "needs-checking", preview.needsChecking, review)}
  ${renderItemList("Rejected", "rejected", preview.rejected, review)}
  ${
    preview.openGaps.length > 0
      ? html`<details class="preview-list"><summary>Open gaps (${preview.openGaps.length})</summary><ul>${preview.openGaps.map(
          (gap) => html`<li><a href="${review}#${gapAnchor(gap.id)}">${SECTIONS[gap.section].title}</a>: ${gap.question}</li>`,
        )}</ul></details>`
      : EMPTY
  }
</section>`;
  return renderPage({
    title: `Approve · ${deal.account}`,
    body,
    user: view.user,
    csrfToken: view.csrfToken,
    crumbs: [
      { label: "Deals", href: "/deals" },
      { label: deal.account, href: `/deals/${deal.id}` },
      { label: "Review", href: review },
      { label: "Approve" },
    ],
  });
}

function renderApproveForm(view: ApprovePageView): Html {
  const { preview } = view;
  if (!preview.canApprove) {
    return html`<p class="notice notice-info">Nothing to approve yet: accept at least one item or answer a gap first.</p>`;
  }
  if (preview.draftMatchesLatest) {
    return html`<p class="notice notice-info">The draft is exactly version ${preview.latestVersion}: approving again would change nothing.</p>`;
  }
  const label =
    preview.unreviewed.length > 0 ? `Approve, including ${plural(preview.unreviewed.length, "unreviewed item")}` : "Approve the handoff";
  return html`<form method="post" action="/deals/${view.deal.id}/approve" class="inline-form">
  ${renderCsrfField(view.csrfToken)}
  <button type="submit" class="button button-primary">${label}</button>
</form>`;
}

function renderItemList(title: string, id: string, items: PreviewItem[], review: string): Html {
  if (items.length === 0) return EMPTY;
  return html`<details class="preview-list" id="preview-${id}"${id === "unreviewed" ? html` open` : EMPTY}><summary>${title} (${items.length})</summary><ul>${items.map(
    (item) => html`<li><a href="${review}#item-${item.id}">${SECTIONS[item.section].title}</a>: ${item.statement}</li>`,
  )}</ul></details>`;
}

function renderOutcome(deal: Deal, outcome: { version: number; created: boolean }): Html {
  return html`<div class="notice notice-success" role="status">
  <p><strong>${outcome.created ? `Approved: version ${outcome.version} created.` : `Nothing changed since version ${outcome.version}: it still stands.`}</strong></p>
  <p>The CSM reads it in the <a href="/deals/${deal.id}/brief">brief</a>. Editing the draft later does not change this version; approve again to make a new one.</p>
</div>`;
}
