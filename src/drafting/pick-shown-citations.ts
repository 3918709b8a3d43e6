import type { Citation } from "../domain/citation.ts";
import type { DraftItem } from "../domain/item.ts";
import { readDeliveryEvidence } from "../domain/delivery-evidence.ts";
import { describedBy, findRestatedLines, restatesDocument, restatesLater } from "./said-again.ts";

/** Quote lines (quotes said at one moment share a line) a Markdown item shows in full. */
export const MAX_SHOWN_LINES = 3;
const DEBATES = new Set(["competition", "objections"]);
/** An alternative's: what it is and who wanted it, and the last word on it (why it lost, or why they chose this vendor). */
export const MAX_ALTERNATIVE_LINES = 2;
/** A stakeholder's: the heading says who they are (title, role, stance, email); one line shows what it rests on. */
export const MAX_PERSON_LINES = 1;

/**
 * The strongest few quote lines of an item, chosen deterministically and shown in the item's own order; the rest are
 * listed by where only (the JSON and the review screen keep every citation). Unverified quotes are always shown: the
 * reviewer must see them.
 * - Order: the statement's own quote (the first line); for a contradiction the first line of each other source that
 *   states other figures (one line per side, and no more); in a debate (competition, objections) the item's last line
 *   when it answers the one before it (the last word); the last line of another speaker (the latest answer); the first
 *   line of the item's last source; then the earliest others, up to MAX_SHOWN_LINES.
 * - A promise a later source says was delivered shows its own line only (its header quotes the delivery); a
 *   stakeholder MAX_PERSON_LINES, never someone else's roll call naming other people of the deal too (`otherPeople`:
 *   their first names) beside another line; an alternative MAX_ALTERNATIVE_LINES.
 * - Said again is listed by where (see said-again.ts); an account overview's document lines are its facts and are all
 *   shown, what was said beside them listed by where.
 */
export function pickShownCitations(
  item: Pick<DraftItem, "citations" | "flags" | "section" | "details">,
  otherPeople: string[] = [],
): {
  shown: Citation[][];
  rest: Citation[];
} {
  const restated = findRestatedLines(item.citations);
  const runs = runsOfOneMoment(item.citations.filter((c) => !restated.has(c)));
  const found = runs.filter((run) => run[0]!.match !== "unverified");
  if (found.length === 0) return { shown: runs, rest: [...restated] };
  if (item.section === "accountOverview") {
    // A document's lines are the facts, all shown; what was said about them, beside them, is listed by where.
    const said = runs.filter((run) => run[0]!.match !== "unverified" && run[0]!.speaker !== null);
    const spoken = said.length < found.length ? new Set(said) : new Set<Citation[]>();
    return {
      shown: runs.filter((run) => !spoken.has(run)),
      rest: item.citations.filter((c) => restated.has(c) || [...spoken].some((run) => run.includes(c))),
    };
  }
  const person = item.section === "stakeholders" && typeof item.details?.name === "string" ? item.details.name : null;
  const aboutOthers = (run: Citation[]) => person !== null && run[0]!.speaker !== person && namesAnyOf(run, otherPeople);
  const shownFirst = found.some((run) => !aboutOthers(run)) ? found.filter((run) => !aboutOthers(run)) : found;
  const verified =
    item.section === "promises"
      ? shownFirst.filter((run) => !restatesDocument(run, shownFirst[0]!))
      : item.section === "successCriteria"
        ? shownFirst.filter((run, i) => !shownFirst.slice(i + 1).some((later) => restatesLater(run, later)))
        : item.section === "technicalEnvironment"
          ? shownFirst.filter((run) => !shownFirst.some((line) => describedBy(run, line)))
          : shownFirst;
  const maxLines =
    readDeliveryEvidence(item.details) !== null
      ? 1
      : person !== null
        ? MAX_PERSON_LINES
        : item.section === "competition"
          ? MAX_ALTERNATIVE_LINES
          : MAX_SHOWN_LINES;
  const picked = new Set<Citation[]>();
  const pick = (run: Citation[] | undefined) => {
    if (run !== undefined && picked.size < maxLines) picked.add(run);
  };
  const first = verified[0]![0]!;
  pick(verified[0]);
  if (item.flags?.includes("contradiction")) {
    // One line per figure said: the header already names every source saying each one.
    const said = new Set([figuresOf(verified[0]!)]);
    for (const sourceId of new Set(verified.map((run) => run[0]!.sourceId))) {
      const run = verified.find((r) => r[0]!.sourceId === sourceId)!;
      const figures = figuresOf(run);
      if (figures !== "" && said.has(figures)) continue;
      said.add(figures);
      pick(run);
    }
    return shownAndRest(runs, found, picked, restated, item.citations);
  }
  // In a debate, the last word when it answers the line before it ("It's cheaper until you count the six-month
  // integration project."); a promise's doubter (“Is that real?”) counts more than the seller's reply to it.
  const [before, latest] = [verified.at(-2)?.[0], verified.at(-1)?.[0]];
  if (DEBATES.has(item.section) && before?.speaker && latest?.speaker && before.speaker !== latest.speaker) pick(verified.at(-1));
  pick(verified.findLast((run) => run[0]!.speaker !== null && first.speaker !== null && run[0]!.speaker !== first.speaker));
  const last = verified[verified.length - 1]![0]!.sourceId;
  if (![...picked].some((run) => run[0]!.sourceId === last)) pick(verified.find((run) => run[0]!.sourceId === last));
  for (const run of verified) pick(run);
  return shownAndRest(runs, found, picked, restated, item.citations);
}

function shownAndRest(
  runs: Citation[][],
  found: Citation[][],
  picked: Set<Citation[]>,
  restated: Set<Citation>,
  citations: Citation[],
): { shown: Citation[][]; rest: Citation[] } {
  return {
    shown: runs.filter((run) => run[0]!.match === "unverified" || picked.has(run)),
    rest: citations.filter((c) => restated.has(c) || found.some((run) => !picked.has(run) && run.includes(c))),
  };
}

/** The numbers written in digits on a line ("150", "120"), as one key. */
function figuresOf(run: Citation[]): string {
  return [...new Set(run.flatMap((c) => c.quote.match(/\d[\d,.]*/g) ?? []))].sort().join(" ");
}

/** Whether a line names any of these first names as a whole word. */
function namesAnyOf(run: Citation[], names: string[]): boolean {
  return names.length > 0 && run.some((c) => c.quote.split(/[^\p{L}\p{N}]+/u).some((word) => names.includes(word)));
}

/** Consecutive verified citations of one source, speaker and timestamp in runs; a document's lines stay one a line. */
export function runsOfOneMoment(citations: Citation[]): Citation[][] {
  const runs: Citation[][] = [];
  for (const citation of citations) {
    const last = runs[runs.length - 1]?.[0];
    const sameMoment =
      last !== undefined &&
      last.match !== "unverified" &&
      citation.match !== "unverified" &&
      last.sourceId === citation.sourceId &&
      last.speaker === citation.speaker &&
      citation.startMs !== null &&
      last.startMs === citation.startMs;
    if (sameMoment) runs[runs.length - 1]!.push(citation);
    else runs.push([citation]);
  }
  return runs;
}
