import type { ParseContext, ParseInput } from "../parse-context.ts";
import type { ParsedBody } from "../parsed-body.ts";
import type { Participant } from "../../domain/source.ts";
import { buildPdfSegments } from "./build-pdf-segments.ts";
import { findDocumentDate } from "./find-document-date.ts";
import { readAttendeeLines } from "./read-attendee-lines.ts";
import { pdfPoolLimits, runPdfWorker } from "./run-pdf-worker.ts";
import { splitPageLines, stripPageFurniture } from "./strip-page-furniture.ts";

function cleanTitle(title: string | null): string | undefined {
  // Word's PDF export prefixes the file name; that prefix says nothing about the document.
  const cleaned = title?.replace(/^Microsoft (?:Word|PowerPoint) - /, "").trim();
  return cleaned === undefined || cleaned === "" ? undefined : cleaned;
}

/** Speakers as participants under their label, merged into a listed attendee of the same name. */
function collectParticipants(attendees: Participant[], speakers: string[]): Participant[] {
  const participants = attendees.map((attendee) => ({ ...attendee }));
  for (const label of speakers) {
    const known = participants.find((p) => p.name.toLowerCase() === label.toLowerCase());
    if (known === undefined) participants.push({ name: label, labels: [label] });
    else known.labels = [...new Set([...(known.labels ?? []), label])];
  }
  return participants;
}

/**
 * Parses a PDF with a text layer: text is extracted in an isolated, long-lived worker process (pdf-process-pool.ts), running page
 * headers and footers are dropped, lines are joined into paragraphs, and speaker labels
 * ("CHAIR POWELL.", "Name:") become segment speakers. Password-protected and image-only PDFs,
 * and PDFs past the page, memory or time limits, are rejected with a one-line AppError.
 */
export async function parsePdf(input: ParseInput, context: ParseContext): Promise<ParsedBody> {
  const extraction = await runPdfWorker(input.bytes, {
    ...pdfPoolLimits(context.limits),
    maxPages: context.limits.pdfMaxPages,
    timeoutMs: context.remainingMs(),
  });
  const rawPages = extraction.pages.map(splitPageLines);
  if (rawPages.every((lines) => lines.length === 0)) {
    throw context.invalid("PDF has no text layer (scanned or image-only; OCR is not supported)");
  }
  context.checkTime();
  const lines = stripPageFurniture(rawPages).flat();
  const builder = context.newTextBuilder();
  buildPdfSegments(lines, builder, () => context.checkTime());
  const { text, segments } = builder.finish();
  const speakers = [...new Set(segments.flatMap((segment) => (segment.speaker === null ? [] : [segment.speaker])))];
  const occurredAt = findDocumentDate(rawPages[0] ?? []);
  const title = cleanTitle(extraction.title);
  return {
    format: "pdf",
    text,
    segments,
    participants: collectParticipants(readAttendeeLines(lines), speakers),
    ...(occurredAt === undefined ? {} : { occurredAt }),
    ...(title === undefined ? {} : { title }),
  };
}
