import type { StoredItem } from "../../domain/stored-item.ts";
import { EMPTY, type Html, html } from "../html.ts";
import { renderFlagBadge, renderStatusBadge } from "./badge.ts";
import { renderCitationChip, renderCitationChips } from "./citation-chip.ts";

export type ItemCardContext = {
  dealId: string;
  /** File names by source id, for citations that do not carry theirs. */
  filenames: Map<string, string>;
  /** The reader may review (the deal's AE): the action buttons are shown. */
  canEdit: boolean;
};

/** One draft item: the claim, its review status and flags, its details, and a chip per citation. */
export function renderItemCard(item: StoredItem, context: ItemCardContext): Html {
  const shown = [item.statement, ...item.citations.map((citation) => citation.quote)];
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
  ${context.canEdit ? renderActions(item.id, ["approve", "edit", "reject"]) : EMPTY}
</li>`;
}

// "Not reviewed" is the state of most items before a review: said to screen readers, not repeated on every card.
function renderItemStatus(status: StoredItem["status"]): Html {
  return status === "draft" ? html`<span class="visually-hidden">Not reviewed.</span>` : renderStatusBadge(status);
}

/** An item whose every quote failed verification: the claimed quote, why it failed, and where it was looked for. */
export function renderNeedsCheckingCard(item: StoredItem, context: ItemCardContext): Html {
  const claims = item.citations.map((citation) => {
    const file = citation.filename ?? context.filenames.get(citation.sourceId) ?? citation.sourceId;
    return html`<li class="claim">
    <p class="claimed-quote"><span class="label">Claimed quote</span> “${citation.quote}”</p>
    <p class="reason"><span class="label">Why it needs checking</span> ${citation.reason ?? "The quote was not found in the source."}</p>
    <p class="subtle"><span class="label">Looked for near</span> ${renderCitationChip(context.dealId, citation, file)}</p>
  </li>`;
  });
  return html`<li class="item item-needs-checking" id="item-${item.id}" data-item="${item.id}" tabindex="-1" aria-labelledby="statement-${item.id}">
  <div class="item-body">
    <p class="statement" id="statement-${item.id}">${item.statement}</p>
    <div class="item-meta">${renderItemStatus(item.status)}${(item.flags ?? []).map(renderFlagBadge)}</div>
    <ul class="claims">${claims}</ul>
  </div>
  ${context.canEdit ? renderActions(item.id, ["reject"]) : EMPTY}
</li>`;
}

const ACTIONS = {
  approve: { label: "Approve", key: "a" },
  edit: { label: "Edit", key: "e" },
  reject: { label: "Reject", key: "r" },
} as const;

// Round 2: these become forms posting to the review service (see the README); disabled until then, and the
// page script answers their shortcut keys by saying so.
function renderActions(itemId: string, actions: (keyof typeof ACTIONS)[]): Html {
  return html`<div class="item-actions" role="group" aria-label="Review">${actions.map(
    (action) =>
      html`<button type="button" class="button button-small" data-action="${action}" data-item-id="${itemId}" aria-keyshortcuts="${ACTIONS[action].key}" disabled>${ACTIONS[action].label}</button>`,
  )}</div>`;
}

/** The item's structured details, leaving out any that only repeat its statement or a quote. */
function renderDetails(details: Record<string, unknown>, shown: string[]): Html {
  const entries = Object.entries(details).flatMap(([key, value]) => {
    const text = detailValue(value);
    if (text === null || shown.some((part) => part.includes(text))) return [];
    return [html`<div><dt>${humanize(key)}</dt><dd>${text}</dd></div>`];
  });
  return entries.length === 0 ? EMPTY : html`<dl class="details">${entries}</dl>`;
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

/** "promisedBy" → "Promised by". */
function humanize(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
