import type { BriefCitation, BriefItem } from "./brief.ts";
import { escapeMarkdownText } from "./escape-markdown-text.ts";

/**
 * Where quotes were said, file named once per run: "call.vtt, Nate Brennan, 1:14, 2:13; order-form.pdf". Only the
 * first quote's speaker is named (the line shows that speaker's words) unless `statement` names them already; the
 * others are found by file and time. `speakers: false` names none.
 */
export function renderReferences(
  citations: BriefCitation[],
  statement: string,
  options: { speakers: boolean } = { speakers: true },
): string {
  const runs: string[] = [];
  let previous: BriefCitation | undefined;
  for (const c of citations) {
    const sameFile = previous?.file === c.file;
    const speaker = options.speakers && previous === undefined && c.speaker !== null && !statement.includes(c.speaker) ? c.speaker : null;
    const time = sameFile && previous?.time === c.time ? null : c.time;
    // "Commitment in order-form.pdf" already names the file.
    const file = sameFile || statement.includes(`in ${c.file}`) || statement.includes(`per ${c.file}`) ? null : c.file;
    const parts = [file, speaker, time].filter((p): p is string => p !== null).map(inline);
    const match = c.match === "exact" ? "" : ` (${c.match} match)`;
    if (parts.length > 0 || match !== "") runs.push(`${sameFile ? ", " : runs.length > 0 ? "; " : ""}${parts.join(", ")}${match}`);
    previous = c;
  }
  return runs.join("");
}

/** Item text on one line, inert as Markdown (see escapeMarkdownText), with table pipes escaped too. */
export function inline(text: string): string {
  return escapeMarkdownText(text).replace(/\|/g, "\\|");
}

/** " _[DRAFT]_" on an item of a draft brief, with the AE's review when there is one; nothing once approved. */
export function describeBasis(item: BriefItem): string {
  if (item.basis === "approved") return "";
  // Not reviewed is what a draft's item is unless it says otherwise: "DRAFT" alone says it.
  return ` _[DRAFT${reviewWords(item)}]_`;
}

/** " · checked by the AE" or " · edited by the AE" for an item the AE has reviewed, else nothing. */
export function reviewWords(item: BriefItem): string {
  return item.reviewStatus === "approved" ? " · checked by the AE" : item.reviewStatus === "edited" ? " · edited by the AE" : "";
}
