import type { TextBuilder } from "../text-builder.ts";
import { collectVocabulary, joinLines } from "./join-pdf-lines.ts";
import { findSpeakerStyles, matchLineLabel } from "./match-line-label.ts";

// A line this much shorter than a full line did not wrap, so it ends its paragraph, unless the
// next line goes on in lower case (wide capitals make some full lines short in characters).
const SHORT_LINE_RATIO = 0.8;
const BULLET = /^(?:[-–•▪◦*]\s|\d{1,3}[.)]\s|\(?[a-z]\)\s)/u;
// "Seat subtotal: $59,040" — a field of a form or notes starts its own paragraph.
const FIELD_LIKE = /^\p{Lu}[\p{L}\d ()'’/&-]{0,40}:(?:\s|$)/u;
// "TERM AND BILLING" — a heading in capitals stands alone.
const CAPS_HEADING = /^[\p{Lu}\d &/,.'’()-]{2,60}$/u;
const TWO_CAPITALS = /\p{Lu}.*\p{Lu}/u;
const CONTINUES_SENTENCE = /^[\p{Ll}\d]/u;
const TERMINAL_PUNCTUATION = /[.!?:;,"”’)\]—]$/u;
const SENTENCE_END = /[.!?:"”’)]$/u;
// Capitals are wider than average text, so a label line holds fewer characters when full.
const CAPITALS_EXTRA_WIDTH = 0.4;
const CHECK_TIME_EVERY = 500;

/** Length of a full, wrapped line: the 90th percentile, so short and odd long lines do not skew it. */
function fullLineLength(lines: string[]): number {
  const lengths = lines.map((line) => line.length).sort((a, b) => a - b);
  return lengths[Math.ceil((lengths.length - 1) * 0.9)] ?? 0;
}

/**
 * Turns a PDF's body lines (headers and footers already removed) into segments: one per paragraph,
 * each with the speaker of the latest label ("CHAIR POWELL.", "Name:"), which carries across pages.
 * A field line ("Attendees: …"), a heading in capitals, or a short unpunctuated line on its own
 * (a heading such as "Action items") ends the current speaker's turn.
 */
export function buildPdfSegments(lines: string[], builder: TextBuilder, checkTime: () => void): void {
  const speakerStyles = findSpeakerStyles(lines);
  const vocabulary = collectVocabulary(lines);
  const shortLength = fullLineLength(lines) * SHORT_LINE_RATIO;
  let speaker: string | null = null;
  let parts: string[] = [];
  let lastLine = "";
  let startedByLabel = false;

  const flush = () => {
    if (parts.length > 0) builder.add({ speaker, startMs: null, endMs: null, text: parts.join("") });
    parts = [];
    startedByLabel = false;
  };

  lines.forEach((line, index) => {
    if (index % CHECK_TIME_EVERY === 0) checkTime();
    const found = matchLineLabel(line);
    const label = found === null || found.kind === "field" || speakerStyles.has(found.kind) ? found : null;
    const isSpeaker = label !== null && label.kind !== "field";
    const heading = !isSpeaker && line.length <= 60 && CAPS_HEADING.test(line) && TWO_CAPITALS.test(line);
    let text = line;
    if (isSpeaker) {
      flush();
      speaker = label.label;
      startedByLabel = true;
      text = label.rest;
    } else if (label?.kind === "field" || heading) {
      flush();
      speaker = null;
    } else if (BULLET.test(line) || FIELD_LIKE.test(line.slice(0, 44))) {
      // Bullets and "Reason:"-style lines (labels that are not speakers here) open a paragraph.
      flush();
    }
    if (text !== "") {
      if (parts.length === 0) parts.push(text);
      else {
        const joint = joinLines(lastLine, text, vocabulary);
        if (joint.dropFromPrevious > 0) parts[parts.length - 1] = lastLine.slice(0, -joint.dropFromPrevious);
        parts.push(joint.separator, text);
      }
      lastLine = text;
    }
    const next = lines[index + 1] ?? "";
    const width = label?.kind === "caps" ? line.length + label.label.length * CAPITALS_EXTRA_WIDTH : line.length;
    // A label line that stops short without ending a sentence was most likely full (wide label).
    const ends = isSpeaker ? SENTENCE_END.test(line) : !line.endsWith("-");
    if (heading || (width < shortLength && ends && !CONTINUES_SENTENCE.test(next))) {
      if (parts.length === 1 && !startedByLabel && !TERMINAL_PUNCTUATION.test(line)) speaker = null;
      flush();
    }
  });
  flush();
}
