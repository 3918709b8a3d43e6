import type { BriefCitation, BriefItem } from "./brief.ts";
import { escapeMarkdownText } from "./escape-markdown-text.ts";

/**
 * Where quotes were said, file named once per run: "call.vtt, Nate Brennan, 1:14, 2:13; order-form.pdf". Only the
 * first quote's speaker is named (the line shows that speaker's words) unless `statement` names them already; the
 * others are found by file and time. `speakers: false` names none. `after`: the quote named just before on the same
 * line (a footnote's previous marker), whose file and speaker are not named again ("[5] call.vtt, Nate Brennan, 1:14
 * · [6] 7:22").
 */
export function renderReferences(
  citations: BriefCitation[],
  statement: string,
  options: { speakers: boolean; after?: BriefCitation } = { speakers: true },
): string {
  const runs: string[] = [];
  let previous: BriefCitation | undefined = options.after;
  for (const c of citations) {
    const first = c === citations[0];
    const sameFile = previous?.file === c.file;
    const saidJustBefore = sameFile && previous?.speaker === c.speaker;
    const speaker = options.speakers && first && !saidJustBefore && c.speaker !== null && !statement.includes(c.speaker) ? c.speaker : null;
    const time = sameFile && !first && previous?.time === c.time ? null : c.time;
    // "Commitment in order-form.pdf" and "Per order-form.pdf" already name the file.
    const said = statement.toLowerCase();
    const file = sameFile || said.includes(`in ${c.file.toLowerCase()}`) || said.includes(`per ${c.file.toLowerCase()}`) ? null : c.file;
    const parts = [file, speaker, time].filter((p): p is string => p !== null).map(inline);
    const match = c.match === "exact" ? "" : ` (${c.match} match)`;
    if (parts.length > 0 || match !== "") runs.push(`${runs.length === 0 ? "" : sameFile ? ", " : "; "}${parts.join(", ")}${match}`);
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
