import { readDeliveryEvidence } from "../../domain/delivery-evidence.ts";
import type { StoredItem } from "../../domain/stored-item.ts";
import { roleWords } from "../../domain/stakeholder-role-words.ts";
import { statusWords } from "../../domain/status-words.ts";
import { saysNothing } from "../../domain/says-nothing.ts";
import { EMPTY, type Html, html } from "../html.ts";
import { renderEditForm } from "./item-edit-form.ts";
import { renderCsrfField } from "./csrf-field.ts";
import { renderVersionField } from "./version-field.ts";
import { renderFlagBadge, renderStatusBadge } from "./badge.ts";
import { renderCitationChip, renderCitationChips } from "./citation-chip.ts";

export type ItemCardContext = {
  dealId: string;
  /** File names by source id, for citations that do not carry theirs. */
  filenames: Map<string, string>;
  /** The reader may review (the deal's AE): the action buttons are shown. */
  canEdit: boolean;
  csrfToken: string;
  /** A refusal to show next to an item (a review the service answered 409 or 400), by item id. */
  messages?: Map<string, string>;
};

/** Where an item's review form posts. */
export function itemActionPath(dealId: string, itemId: string): string {
  return `/deals/${encodeURIComponent(dealId)}/review/items/${encodeURIComponent(itemId)}`;
}

/** One draft item: the claim, its review status and flags, its details, and a chip per citation. */
export function renderItemCard(item: StoredItem, context: ItemCardContext): Html {
  const quotes = item.citations.map((citation) => citation.quote);
  // A detail that is two quotes in a row (a promise's "what" across two sentences) repeats them as well.
  const shown = [item.statement, ...quotes, quotes.join(" ")];
  const chips = renderCitationChips(
    context.dealId,
    item.citations.map((citation) => ({
      citation,
      filename: citation.filename ?? context.filenames.get(citation.sourceId) ?? citation.sourceId,
    })),
  );
  return html`<li class="item item-${item.status}" id="item-${item.id}" data-item="${item.id}" tabindex="-1" aria-labelledby="statement-${item.id}">
  <div class="item-body">
    <p class="statement" id="statement-${item.id}">${item.statement}</p>
    ${item.extractedStatement !== null ? html`<p class="subtle was">Extracted as: ${item.extractedStatement}</p>` : EMPTY}
    ${renderDetails(item.details ?? {}, shown)}
    <div class="item-foot">
      ${chips.length > 0 ? html`<ul class="chips" aria-label="Citations">${chips.map((chip) => html`<li>${chip}</li>`)}</ul>` : html`<p class="subtle">No citation: the AE's own word.</p>`}
      <div class="item-meta">${renderItemStatus(item.status)}${(item.flags ?? []).map(renderFlagBadge)}</div>
    </div>
  </div>
  ${context.canEdit ? renderActions(item, ["approve", "edit", "reject"], context) : EMPTY}
  ${renderMessage(item.id, context)}
  ${context.canEdit ? renderEditForm(item, context.dealId, context.csrfToken) : EMPTY}
</li>`;
}

function renderMessage(itemId: string, context: ItemCardContext): Html {
  const message = context.messages?.get(itemId);
  return html`<p class="item-message" id="item-message-${itemId}" role="alert" data-item-message${message ? EMPTY : html` hidden`}>${message ?? ""}</p>`;
}

// "Not reviewed" is the state of most items before a review: said to screen readers, not repeated on every card.
function renderItemStatus(status: StoredItem["status"]): Html {
  return status === "draft" ? html`<span class="visually-hidden">Not reviewed.</span>` : renderStatusBadge(status);
}

/** An item whose every quote failed verification: the claimed quote, why it failed, and where it was looked for. */
export function renderNeedsCheckingCard(item: StoredItem, context: ItemCardContext): Html {
  // A verified quote set aside for what its source is (an off-topic file) says why in the item.
  const itemReason = typeof item.details?.needsCheckingReason === "string" ? item.details.needsCheckingReason : undefined;
  const claims = item.citations.map((citation) => {
    const file = citation.filename ?? context.filenames.get(citation.sourceId) ?? citation.sourceId;
    const reason = citation.reason ?? (citation.match === "unverified" ? undefined : itemReason);
    return html`<li class="claim">
    <p class="claimed-quote"><span class="label">Claimed quote</span> “${citation.quote}”</p>
    <p class="reason"><span class="label">Why it needs checking</span> ${reason ?? "The quote was not found in the source."}</p>
    <p class="subtle"><span class="label">Looked for near</span> ${renderCitationChip(context.dealId, citation, file)}</p>
  </li>`;
  });
  return html`<li class="item item-needs-checking" id="item-${item.id}" data-item="${item.id}" tabindex="-1" aria-labelledby="statement-${item.id}">
  <div class="item-body">
    <p class="statement" id="statement-${item.id}">${item.statement}</p>
    <div class="item-meta">${renderItemStatus(item.status)}${(item.flags ?? []).map(renderFlagBadge)}</div>
    <ul class="claims">${claims}</ul>
  </div>
  ${context.canEdit ? renderActions(item, ["reject"], context) : EMPTY}
  ${renderMessage(item.id, context)}
</li>`;
}

const ACTIONS = {
  approve: { label: "Approve", key: "a", status: "approved" },
  reject: { label: "Reject", key: "r", status: "rejected" },
} as const;

/**
 * Approve and reject are submit buttons of one form (the script sends it with fetch and swaps the card in place);
 * Edit opens the edit form below the card (a fragment link, so it works without the script too).
 */
function renderActions(item: StoredItem, actions: ("approve" | "edit" | "reject")[], context: ItemCardContext): Html {
  const chosen = (action: "approve" | "reject") =>
    (action === "approve" && item.status === "approved") || (action === "reject" && item.status === "rejected");
  const buttons = actions.map((action) =>
    action === "edit"
      ? html`<a class="button button-small" href="#edit-${item.id}" data-action="edit" aria-controls="edit-${item.id}" aria-expanded="false" aria-keyshortcuts="e">Edit<span class="visually-hidden"> this item</span></a>`
      : html`<button type="submit" name="status" value="${ACTIONS[action].status}" class="button button-small${chosen(action) ? " is-chosen" : ""}" data-action="${action}" aria-keyshortcuts="${ACTIONS[action].key}"${chosen(action) ? html` aria-pressed="true"` : EMPTY}>${ACTIONS[action].label}</button>`,
  );
  const undo =
    item.status === "draft"
      ? EMPTY
      : html`<button type="submit" name="status" value="draft" class="button button-small button-quiet" data-action="undo">Undo<span class="visually-hidden"> the review</span></button>`;
  return html`<form method="post" action="${itemActionPath(context.dealId, item.id)}" class="item-actions" role="group" aria-label="Review" data-review-form>
  ${renderCsrfField(context.csrfToken)}${renderVersionField(item.version)}${buttons}${undo}
</form>`;
}

/** The item's structured details, leaving out any that only repeat its statement or a quote. */
function renderDetails(details: Record<string, unknown>, shown: string[]): Html {
  const entries = Object.entries(details).flatMap(([key, value]) => {
    // A merged item lists every field it states: its first field alone would say part of that again.
    if (key === "field" && Array.isArray(details.fields) && details.fields.includes(value)) return [];
    // An objection's status ("answered, not accepted") says more than the extractor's yes/no.
    if (key === "resolved" && typeof details.status === "string") return [];
    const text =
      key === "status"
        ? describeProgress(details)
        : key === "role"
          ? roleWords(detailValue(value))
          : detailValue(NAMED_DETAILS.has(key) ? toWords(value) : value);
    if (text === null || shown.some((part) => part.includes(text))) return [];
    return [html`<div><dt>${humanize(key)}</dt><dd>${text}</dd></div>`];
  });
  return entries.length === 0 ? EMPTY : html`<dl class="details">${entries}</dl>`;
}

/**
 * A promise's or step's progress as the settle stage read it, in words: "done: “…” (email.eml)" with the later
 * source's words, "past: due before the latest source; check it happened".
 */
function describeProgress(details: Record<string, unknown>): string | null {
  const said = readDeliveryEvidence(details);
  if (said !== null) return `done: “${said.quote}”${said.filename !== null ? ` (${said.filename})` : ""}`;
  if (details.status === "past") return "past: due before the latest source; check it happened";
  const status = detailValue(details.status);
  return status === null ? null : statusWords(status);
}

function detailValue(value: unknown): string | null {
  if (typeof value === "string") return value.trim() === "" || value === "unknown" ? null : value;
  if (typeof value === "number") return String(value);
  // Yes/no details ("explicit", "looksUnrealistic") are either noise or already a flag badge.
  if (typeof value === "boolean") return null;
  if (Array.isArray(value)) {
    const parts = value.filter((v): v is string => typeof v === "string" && v.trim() !== "");
    return parts.length === 0 ? null : parts.join(", ");
  }
  return null;
}

// Details whose values are the schema's names ("renewalDate", "30days", "longTerm"): shown as words ("renewal date",
// "first 30 days", "long term"); a value that says nothing ("unspecified", "other") is left out.
const NAMED_DETAILS = new Set(["field", "fields", "horizon", "kind"]);

function toWords(value: unknown): unknown {
  const words = (name: unknown) => {
    if (typeof name !== "string" || saysNothing(name)) return typeof name === "string" ? null : name;
    const days = /^(\d+)days$/.exec(name);
    return days ? `first ${days[1]} days` : humanize(name).toLowerCase();
  };
  return Array.isArray(value) ? value.map(words).filter((word) => word !== null) : words(value);
}

/** "promisedBy" → "Promised by". */
function humanize(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
