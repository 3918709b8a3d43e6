import { formatTimestamp } from "../../domain/format-timestamp.ts";
import type { Participant, ParsedSource, Segment } from "../../domain/source.ts";
import { formatDay, formatMoment } from "../format.ts";
import { EMPTY, type Html, html } from "../html.ts";

/** A span of the source text to highlight: offsets into `source.text`, as citations give them. */
export type Highlight = { from: number; to: number };

export type SourceKind = "transcript" | "email" | "document";

const EMAIL_FORMATS = new Set(["eml", "mbox", "email-body", "html"]);

/** How a source reads: a conversation with times, an email thread, or a document (PDF, notes without speakers). */
export function sourceKindOf(parsed: ParsedSource): SourceKind {
  if (EMAIL_FORMATS.has(parsed.source.format)) return "email";
  if (parsed.segments.some((segment) => segment.speaker !== null)) return "transcript";
  return "document";
}

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = { transcript: "Transcript", email: "Email thread", document: "Document" };

/** The element id of a segment: unique on a page that shows several sources. */
export function segmentAnchor(sourceId: string, segmentId: string): string {
  return `seg-${sourceId}-${segmentId}`.replace(/[^A-Za-z0-9_-]/g, "_");
}

/**
 * The part of a segment inside a highlight, as [before, inside, after]; null when they do not overlap.
 * Segment text is `source.text.slice(charStart, charEnd)`, so source offsets map onto it directly.
 */
export function splitHighlight(
  segment: Pick<Segment, "text" | "charStart" | "charEnd">,
  highlight: Highlight,
): [string, string, string] | null {
  const start = Math.max(segment.charStart, highlight.from);
  const end = Math.min(segment.charEnd, highlight.to);
  if (start >= end) return null;
  const a = start - segment.charStart;
  const b = end - segment.charStart;
  return [segment.text.slice(0, a), segment.text.slice(a, b), segment.text.slice(b)];
}

export type SourceViewOptions = {
  highlight?: Highlight | null;
  /** A segment to bring into view when there is no highlight (an unverified citation's claimed segment). */
  focusSegmentId?: string | null;
};

/** The whole source as it reads: each segment with its speaker, time or date, and its own anchor. */
export function renderSourceText(parsed: ParsedSource, options: SourceViewOptions = {}): Html {
  const kind = sourceKindOf(parsed);
  const state = { marked: false };
  const segments = parsed.segments.map((segment) => renderSegment(parsed, segment, kind, options, state));
  return html`<ol class="source-text source-${kind}">${segments}</ol>`;
}

function renderSegment(
  parsed: ParsedSource,
  segment: Segment,
  kind: SourceKind,
  options: SourceViewOptions,
  state: { marked: boolean },
): Html {
  const anchor = segmentAnchor(parsed.source.id, segment.id);
  const split = options.highlight ? splitHighlight(segment, options.highlight) : null;
  const targeted = split !== null || (!options.highlight && options.focusSegmentId === segment.id);
  let text: Html | string = segment.text;
  if (split !== null) {
    // The first marked piece is where the reader is taken; later pieces (a quote across segments) are only marked.
    const first = !state.marked;
    state.marked = true;
    text = html`${split[0]}<mark class="quote-mark" ${first ? html`id="quote" data-focus` : EMPTY}>${split[1]}</mark>${split[2]}`;
  }
  const focus = split === null && targeted ? html` data-focus` : EMPTY;
  const side = sideOf(parsed.source.participants, segment.speaker);
  const meta =
    kind === "document"
      ? EMPTY
      : html`<div class="segment-meta">
      ${segment.speaker ? html`<span class="speaker${side ? ` side-${side}` : ""}">${segment.speaker}</span>${side ? html`<span class="visually-hidden"> (${side})</span>` : EMPTY}` : html`<span class="speaker muted">Unknown speaker</span>`}
      ${renderWhen(segment, kind, anchor)}
    </div>`;
  return html`<li class="segment${targeted ? " is-target" : ""}" id="${anchor}"${focus}>${meta}<p class="segment-text">${text}</p></li>`;
}

function renderWhen(segment: Segment, kind: SourceKind, anchor: string): Html {
  if (kind === "email")
    return segment.occurredAt
      ? html`<time class="when" datetime="${segment.occurredAt}">${formatMoment(segment.occurredAt)}</time>`
      : EMPTY;
  if (segment.startMs === null) return EMPTY;
  return html`<a class="when" href="#${anchor}" aria-label="Link to ${formatTimestamp(segment.startMs)}">${formatTimestamp(segment.startMs)}</a>`;
}

/** Seller or customer, where the source's participants say so for this speaker label. */
function sideOf(participants: Participant[], speaker: string | null): "seller" | "customer" | null {
  if (speaker === null) return null;
  const person = participants.find((p) => p.name === speaker || (p.labels ?? []).includes(speaker));
  return person?.side ?? null;
}

/** The source's heading facts: file, kind, title, date and who took part. */
export function renderSourceFacts(parsed: ParsedSource): Html {
  const { source } = parsed;
  const kind = sourceKindOf(parsed);
  const people = source.participants.map(
    (p) =>
      html`<li><span class="speaker${p.side ? ` side-${p.side}` : ""}">${p.name}</span>${p.title || p.company ? html`<span class="subtle">, ${[p.title, p.company].filter(Boolean).join(", ")}</span>` : EMPTY}${p.side ? html` <span class="subtle">(${p.side})</span>` : EMPTY}</li>`,
  );
  return html`<dl class="facts">
  <div><dt>Kind</dt><dd>${SOURCE_KIND_LABELS[kind]} <span class="subtle">(${source.format})</span></dd></div>
  ${source.title ? html`<div><dt>Title</dt><dd>${source.title}</dd></div>` : EMPTY}
  ${source.occurredAt ? html`<div><dt>Date</dt><dd>${formatDay(source.occurredAt)}</dd></div>` : EMPTY}
  <div><dt>Segments</dt><dd>${parsed.segments.length}</dd></div>
</dl>
${people.length > 0 ? html`<h3 class="minor-heading">Participants</h3><ul class="participants">${people}</ul>` : EMPTY}`;
}
