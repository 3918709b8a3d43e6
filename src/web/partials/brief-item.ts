import type { BriefItem } from "../../drafting/brief.ts";
import type { Citation } from "../../domain/citation.ts";
import { EMPTY, type Html, html } from "../html.ts";
import { renderBadge, renderFlagBadge } from "./badge.ts";
import { renderCitationChips } from "./citation-chip.ts";

/** The brief's items carry file, speaker and time; the offsets that highlight a quote come from the items it was built from. */
export type CitationIndex = Map<string, Citation[]>;

export type BriefItemContext = { dealId: string; citations: CitationIndex };

/** One brief item: statement, facts, markers of a draft or unreviewed item, and its citations as chips. */
export function renderBriefItem(item: BriefItem, context: BriefItemContext, facts: (string | null)[] = [], extra: Html = EMPTY): Html {
  const shownFacts = facts.filter((fact): fact is string => fact !== null);
  return html`<li class="brief-item" id="brief-${item.itemId}">
  <p class="statement">${item.statement}</p>
  ${shownFacts.length > 0 ? html`<p class="facts-line">${shownFacts.join(" · ")}</p>` : EMPTY}
  <div class="item-meta">${extra}${renderBasis(item)}${item.flags.map(renderFlagBadge)}${
    item.origin === "ae" ? renderBadge("The AE's word, no source", "info") : EMPTY
  }</div>
  ${item.citations.length > 0 ? html`<ul class="chips" aria-label="Citations">${renderBriefChips(item, context).map((chip) => html`<li>${chip}</li>`)}</ul>` : EMPTY}
</li>`;
}

function renderBasis(item: BriefItem): Html {
  if (item.basis === "approved") return EMPTY;
  if (item.reviewStatus === "draft") return renderBadge("Draft · not reviewed", "attention");
  return renderBadge(item.reviewStatus === "edited" ? "Draft · edited by the AE" : "Draft · checked by the AE", "neutral");
}

function renderBriefChips(item: BriefItem, context: BriefItemContext): Html[] {
  const originals = context.citations.get(item.itemId) ?? [];
  const found = item.citations.map((citation) => ({
    citation,
    original: originals.find((c) => c.sourceId === citation.sourceId && c.quote === citation.quote),
  }));
  if (found.every((f) => f.original !== undefined)) {
    return renderCitationChips(
      context.dealId,
      found.map((f) => ({ citation: f.original!, filename: f.citation.file })),
    );
  }
  // Without the offsets the quote cannot be highlighted: the chip names the passage but links nowhere.
  return item.citations.map(
    (citation) =>
      html`<span class="chip chip-static">${[citation.file, citation.speaker, citation.time].filter(Boolean).join(" · ")}</span>`,
  );
}

/** A list of brief items, or a line saying the handoff has none. */
export function renderBriefList(items: Html[], emptyText = "Nothing in the handoff."): Html {
  return items.length === 0 ? html`<p class="empty">${emptyText}</p>` : html`<ol class="brief-items">${items}</ol>`;
}
