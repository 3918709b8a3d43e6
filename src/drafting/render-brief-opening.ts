import type { Brief, BriefCitation, BriefItem } from "./brief.ts";
import { inline, renderReferences, reviewWords } from "./brief-markdown-text.ts";
import { tellingQuote } from "./build-brief-summary.ts";

/** The brief's two opening sentences as Markdown, and the confirm items whose words they already show. */
export type BriefOpening = { summary: string[]; opener: string[]; shownAbove: Set<string> };

type Marked = { marker: number; item: BriefItem };

/**
 * The opening sentence (its markers [1], [2], … from the brief) and the kickoff opener, whose quotes get the
 * next markers here. Each marker's line says where all of its item's quotes were said, so an item of "What they
 * want", "For whom" or "What success looks like" that a sentence quotes is not listed again below it (a risk is:
 * its severity is not in the sentence).
 */
export function renderOpening(brief: Brief, byId: Map<string, BriefItem>): BriefOpening {
  const shownAbove = new Set<string>();
  const summary: string[] = [];
  if (brief.summary) {
    const marked = brief.summary.parts.flatMap((part) => {
      const item = byId.get(part.cites);
      if (item === undefined) return [];
      // What they bought is the account's line; why now is shown when the sentence quotes what the list would.
      if (part.part === "bought" || (part.part === "whyNow" && quotesItem(brief.summary!.text, item))) shownAbove.add(item.itemId);
      return [{ marker: part.marker, item }];
    });
    summary.push(`**In one sentence:** ${inline(brief.summary.text)}`, ...footnote(marked, brief.summary.text), "");
  }
  const opener = brief.confirm.opener;
  if (opener === null)
    return { summary, opener: ["_The handoff says neither what they want nor what success looks like: ask both._", ""], shownAbove };
  const first = Math.max(0, ...(brief.summary?.parts.map((p) => p.marker) ?? [])) + 1;
  const { text, marked } = markOpener(opener, brief, first);
  for (const { item } of marked) shownAbove.add(item.itemId);
  // The speaker is named in the marker's line: the opener names only the champion.
  return { summary, opener: [`Open the kickoff with: _${inline(text)}_`, ...footnote(marked, ""), ""], shownAbove };
}

/**
 * The opener with a marker after each quote of a confirm item (what they want, what success looks like) it
 * quotes from the sources, found by the same telling clause the opener was composed from. A statement in the
 * extractor's own words is quoted by the opener but not marked: its list line shows the source's words.
 */
function markOpener(opener: string, brief: Brief, first: number): { text: string; marked: Marked[] } {
  const confirmItems = [...brief.confirm.whatTheyWant, ...brief.confirm.successLooksLike];
  const marked: Marked[] = [];
  let text = opener;
  let from = 0;
  for (const id of brief.confirm.openerItemIds) {
    const item = confirmItems.find((i) => i.itemId === id);
    if (item === undefined || item.citations.length === 0 || !/“[^”]*”/.test(item.statement)) continue;
    const quote = `“${tellingQuote(item.citations)}”`;
    const at = quotesItem(text, item) ? text.indexOf(quote, from) : -1;
    if (at < 0) continue;
    const marker = first + marked.length;
    const end = at + quote.length;
    text = `${text.slice(0, end)} [${marker}]${text.slice(end)}`;
    from = end;
    marked.push({ marker, item });
  }
  return { text, marked };
}

/** Whether a sentence holds the words an item's list line would show (the telling clause of its quotes). */
function quotesItem(sentence: string, item: BriefItem): boolean {
  return item.citations.length > 0 && sentence.includes(tellingQuote(item.citations));
}

/**
 * "_[1, 2] order-form.pdf · [3] call.vtt, 2:13_ _[DRAFT]_": markers whose quotes were said in one place share it;
 * the items a sentence quotes are marked as draft once, at the end, and an item the AE reviewed says so by its place.
 */
function footnote(marked: Marked[], sentence: string): string[] {
  const places: { markers: number[]; where: string; shown: string; last: BriefCitation }[] = [];
  for (const { marker, item } of marked) {
    if (item.citations.length === 0) continue;
    const review = reviewWords(item);
    const note = review === "" ? "" : ` (${review.replace(/^ · /, "")})`;
    const where = `${renderReferences(item.citations, sentence)}${note}`;
    const last = places[places.length - 1];
    if (last?.where === where) {
      last.markers.push(marker);
      continue;
    }
    // The file and speaker the marker before ends with are not named again: "[5] call.vtt, Nate Brennan, 1:14 · [6] 7:22".
    // A document's line has no time to stand for it: its file is named again.
    const after =
      last === undefined || item.citations[0]!.time === null
        ? ""
        : renderReferences(item.citations, sentence, { speakers: true, after: last.last });
    const shown = after === "" ? where : `${after}${note}`;
    places.push({ markers: [marker], where, shown, last: item.citations[item.citations.length - 1]! });
  }
  if (places.length === 0) return [];
  const draft = marked.some(({ item }) => item.basis === "draft") ? " _[DRAFT]_" : "";
  return [`_${places.map((p) => `[${p.markers.join(", ")}] ${p.shown}`).join(" · ")}_${draft}`];
}
