import type { Citation } from "../../domain/citation.ts";
import { formatTimestamp } from "../../domain/format-timestamp.ts";
import { EMPTY, type Html, html } from "../html.ts";
import { segmentAnchor } from "./source-view.ts";

/** Where a citation points: the source page with the quote highlighted, and the fragment the side panel loads. */
export function citationLinks(dealId: string, citation: Pick<Citation, "sourceId" | "charStart" | "charEnd" | "segmentId" | "match">) {
  const base = `/deals/${encodeURIComponent(dealId)}/sources/${encodeURIComponent(citation.sourceId)}`;
  // An unverified quote is not in the source: the claimed segment is shown, nothing is highlighted.
  const query =
    citation.match === "unverified" ? `seg=${encodeURIComponent(citation.segmentId)}` : `from=${citation.charStart}&to=${citation.charEnd}`;
  const fragment = citation.match === "unverified" ? segmentAnchor(citation.sourceId, citation.segmentId) : "quote";
  return { page: `${base}?${query}#${fragment}`, panel: `${base}/panel?${query}` };
}

export type ChipCitation = Pick<Citation, "sourceId" | "segmentId" | "speaker" | "startMs" | "quote" | "charStart" | "charEnd" | "match">;

const MATCH_NOTES: Partial<Record<Citation["match"], string>> = { normalized: "normalized match", fuzzy: "close match" };

/** "file · speaker · 1:14": what a chip says. */
function chipLabel(citation: ChipCitation, filename: string): string {
  return [filename, citation.speaker, citation.startMs === null ? null : formatTimestamp(citation.startMs)]
    .filter((part): part is string => part !== null && part !== "")
    .join(" · ");
}

/** The first words of a quote, to tell apart chips that would otherwise read the same. */
function excerptOf(quote: string): string {
  const words = quote.trim().split(/\s+/);
  return words.length <= 5 ? words.join(" ") : `${words.slice(0, 5).join(" ")}…`;
}

/**
 * A citation as a chip, "file · speaker · time": a link to the source with the quote highlighted, which the
 * page script opens in the side panel instead. The quote rides along for print.
 */
export function renderCitationChip(dealId: string, citation: ChipCitation, filename: string, withExcerpt = false): Html {
  const links = citationLinks(dealId, citation);
  const note = MATCH_NOTES[citation.match];
  return html`<a class="chip" href="${links.page}" data-panel-url="${links.panel}" aria-controls="source-panel" data-quote="${citation.quote}"><span class="visually-hidden">Open the quote in </span>${chipLabel(citation, filename)}${
    withExcerpt ? html` <span class="chip-note">“${excerptOf(citation.quote)}”</span>` : EMPTY
  }${note ? html` <span class="chip-note">${note}</span>` : EMPTY}</a>`;
}

/** An item's chips; several quotes from one passage (same file, speaker and time) are told apart by their first words. */
export function renderCitationChips(dealId: string, citations: { citation: ChipCitation; filename: string }[]): Html[] {
  const labels = citations.map(({ citation, filename }) => chipLabel(citation, filename));
  return citations.map(({ citation, filename }, index) =>
    renderCitationChip(dealId, citation, filename, labels.indexOf(labels[index]!) !== labels.lastIndexOf(labels[index]!)),
  );
}
