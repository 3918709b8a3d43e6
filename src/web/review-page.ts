import type { User } from "../domain/user.ts";
import { SECTION_KEYS, SECTIONS, type SectionKey } from "../domain/sections.ts";
import type { DealDraft } from "../domain/deal-draft.ts";
import type { Deal } from "../domain/deal.ts";
import { formatMoment, plural } from "./format.ts";
import { EMPTY, type Html, html } from "./html.ts";
import { renderPage } from "./layout.ts";
import { renderBadge } from "./partials/badge.ts";
import { type ItemCardContext, renderItemCard, renderNeedsCheckingCard } from "./partials/item-card.ts";
import { renderProgress } from "./partials/progress.ts";
import { renderSourcePanelShell } from "./partials/source-panel.ts";
import { renderCsrfField } from "./partials/csrf-field.ts";
import { renderVersionField } from "./partials/version-field.ts";
import { UNANSWERED_GAP_VERSION } from "../services/gap-answer-service.ts";
import { type AddItemInput, renderAddItemForm } from "./partials/add-item-form.ts";
import { renderKeyboardHelp } from "./partials/keyboard-help.ts";
import { gapAnchor } from "./gap-anchor.ts";
import { gapIdOf } from "../domain/gap-id.ts";

export type ReviewPageView = {
  user: User;
  csrfToken: string;
  deal: Deal;
  draft: DealDraft;
  canEdit: boolean;
  /** The latest approved version, and whether the draft still matches it. */
  approval: { version: number; approvedAt: string; matches: boolean } | null;
  /** Refusals to show next to an item, by item id (a form posted without the script). */
  messages?: Map<string, string>;
  /** A refusal about a gap or the new-item form, by the id of the form's section. */
  formMessages?: Map<string, string>;
  /** What an add-item form asked for, to fill the form again after a refusal. */
  addItemInput?: AddItemInput;
};

/**
 * The review workspace: the draft's sections and items on the left, the source beside them on the right
 * (a drawer on narrow screens). Every action is a form posting to the same services as the API; the page script
 * sends them with fetch and updates the card in place.
 */
export function renderReviewPage(view: ReviewPageView): Html {
  const { deal, draft } = view;
  const context: ItemCardContext = {
    dealId: deal.id,
    filenames: new Map(draft.sources.map((source) => [source.id, source.filename])),
    canEdit: view.canEdit,
    csrfToken: view.csrfToken,
    ...(view.messages ? { messages: view.messages } : {}),
  };
  const bySection = new Map<SectionKey, typeof draft.items>();
  for (const item of draft.items) bySection.set(item.section, [...(bySection.get(item.section) ?? []), item]);

  const body = html`<div class="workspace" data-review data-keyboard-items>
<div class="draft-column">
  <div class="page-head">
    <h1>${view.canEdit ? "Review" : "Draft"}: ${deal.account}</h1>
    <p class="muted">${extractorLine(draft)} · ${draft.completeness.sectionsFilled} of ${draft.completeness.sectionsTotal} sections covered${
      view.approval ? html` · ${approvalLine(view.approval)}` : EMPTY
    }</p>
  </div>
  ${(draft.warnings ?? []).map((warning) => html`<p class="notice notice-danger" role="note">${warning.message}. Its items are under “Needs checking”.</p>`)}
  <div class="review-bar">
    ${renderReviewProgress(draft)}
    ${view.canEdit ? html`<a class="button button-primary" href="/deals/${deal.id}/approve">Approve handoff…</a>` : EMPTY}
  </div>
  <p class="hint keys-hint" id="review-note"><kbd>j</kbd>/<kbd>k</kbd> next/previous item · <kbd>o</kbd> open its source${
    view.canEdit ? html` · <kbd>a</kbd> approve · <kbd>e</kbd> edit · <kbd>r</kbd> reject` : EMPTY
  } · <button type="button" class="link-button" data-keyboard-help><kbd>?</kbd> all shortcuts</button></p>
  <nav class="section-index" aria-label="Sections">
    <ul>
      ${draft.needsChecking.length > 0 ? html`<li><a href="#needs-checking">Needs checking <span class="count">${draft.needsChecking.length}</span></a></li>` : EMPTY}
      ${SECTION_KEYS.map((key) => {
        const count = bySection.get(key)?.length ?? 0;
        return html`<li><a href="#section-${key}" class="${count === 0 ? "is-gap" : ""}">${SECTIONS[key].title} <span class="count">${count === 0 ? "gap" : count}</span></a></li>`;
      })}
    </ul>
  </nav>
  ${draft.needsChecking.length > 0 ? renderNeedsChecking(draft, context) : EMPTY}
  ${SECTION_KEYS.map((key) => renderSection(key, bySection.get(key) ?? [], draft, context, view.formMessages))}
  ${view.canEdit ? renderAddItemForm(deal.id, view.csrfToken, draft.sources, view.addItemInput, view.formMessages?.get("add-item")) : EMPTY}
</div>
${renderSourcePanelShell()}
</div>
${renderKeyboardHelp(view.canEdit)}`;
  return renderPage({
    title: `Review · ${deal.account}`,
    body,
    user: view.user,
    csrfToken: view.csrfToken,
    width: "wide",
    crumbs: [{ label: "Deals", href: "/deals" }, { label: deal.account, href: `/deals/${deal.id}` }, { label: "Review" }],
  });
}

function renderNeedsChecking(draft: DealDraft, context: ItemCardContext): Html {
  return html`<section class="draft-section needs-checking" id="needs-checking" aria-labelledby="needs-checking-heading">
  <h2 id="needs-checking-heading">Needs checking <span class="count">${draft.needsChecking.length}</span></h2>
  <p class="hint">The verifier did not find these quotes in the sources. They are never shown as fact: reject them, or add the fact as your own item.</p>
  <ol class="items">${draft.needsChecking.map((item) => renderNeedsCheckingCard(item, context))}</ol>
</section>`;
}

/** "12/40 reviewed · 2 items to check · 3 open gaps": replaced in place by the page script after each action. */
export function renderReviewProgress(draft: DealDraft): Html {
  const reviewed = draft.items.filter((item) => item.status !== "draft").length;
  const openGaps = draft.gaps.filter((gap) => gap.answer === undefined).length;
  const checking = draft.needsChecking.filter((item) => item.status !== "rejected").length;
  return html`<div class="review-progress" id="review-progress">${renderProgress(reviewed, draft.items.length, "reviewed")}
    <span class="review-counts">${plural(checking, "item")} to check · ${plural(openGaps, "open gap")}</span></div>`;
}

function renderSection(
  key: SectionKey,
  items: DealDraft["items"],
  draft: DealDraft,
  context: ItemCardContext,
  formMessages: Map<string, string> | undefined,
): Html {
  const gaps = draft.gaps.filter((g) => g.section === key);
  const headingId = `section-heading-${key}`;
  const unreviewed = items.filter((item) => item.status === "draft").length;
  return html`<section class="draft-section" id="section-${key}" aria-labelledby="${headingId}">
  <div class="section-head">
    <h2 id="${headingId}">${SECTIONS[key].title} <span class="count">${items.length}</span></h2>
    ${
      context.canEdit && unreviewed > 0
        ? html`<form method="post" action="/deals/${context.dealId}/review/sections/${key}/approve" class="inline-form">
      ${renderCsrfField(context.csrfToken)}<button type="submit" class="button button-small">Approve ${plural(unreviewed, "unreviewed item")}<span class="visually-hidden"> in ${SECTIONS[key].title}</span></button>
    </form>`
        : EMPTY
    }
  </div>
  ${items.length > 0 ? html`<ol class="items">${items.map((item) => renderItemCard(item, context))}</ol>` : EMPTY}
  ${gaps.map((gap) => renderGap(gap, context, formMessages?.get(gapAnchor(gapIdOf(gap)))))}
  ${gaps.some((gap) => gapIdOf(gap) === key) ? EMPTY : renderSectionMessage(formMessages?.get(gapAnchor(key)))}
</section>`;
}

// A gap answer refused because the section has items meanwhile: said in the section, which no longer shows the gap form.
function renderSectionMessage(message: string | undefined): Html {
  return message ? html`<p class="item-message" role="alert">${message}</p>` : EMPTY;
}

function renderGap(gap: DealDraft["gaps"][number], context: ItemCardContext, message: string | undefined): Html {
  const canEdit = context.canEdit;
  const id = gapIdOf(gap);
  return html`<div class="gap" id="${gapAnchor(id)}">
  <p>${renderBadge("Not stated in the sources", "attention")}</p>
  <p class="gap-question">${gap.question}</p>
  ${
    gap.answer
      ? html`<p class="gap-answer"><span class="label">The AE's answer</span> ${gap.answer.answer} <span class="subtle">(${formatMoment(gap.answer.answeredAt)}; the AE's word, not a source)</span></p>`
      : html`<p class="subtle">Not answered yet.</p>`
  }
  ${
    canEdit
      ? html`<form method="post" action="/deals/${context.dealId}/review/gaps/${id}" class="gap-form">
  ${renderCsrfField(context.csrfToken)}${renderVersionField(gap.answer?.version ?? UNANSWERED_GAP_VERSION)}
  <div class="field">
    <label for="gap-answer-${id.replace(".", "-")}">Your answer</label>
    <textarea id="gap-answer-${id.replace(".", "-")}" name="answer" rows="2" maxlength="2000">${gap.answer?.answer ?? ""}</textarea>
  </div>
  <p class="item-message" role="alert"${message ? EMPTY : html` hidden`}>${message ?? ""}</p>
  <div class="form-actions">
    <button type="submit" class="button button-small button-primary" name="intent" value="answer">Save answer</button>
    ${gap.answer ? html`<button type="submit" class="button button-small" name="intent" value="clear">Clear the answer</button>` : EMPTY}
  </div>
</form>`
      : EMPTY
  }
</div>`;
}

function extractorLine(draft: DealDraft): string {
  if (draft.extractor.kind === "offline") return "Extracted by the offline rules";
  return `Extracted by ${draft.extractor.model ?? "an LLM"}`;
}

function approvalLine(approval: NonNullable<ReviewPageView["approval"]>): Html {
  return approval.matches
    ? html`approved as version ${approval.version} (${formatMoment(approval.approvedAt)})`
    : html`changed since version ${approval.version} was approved`;
}
