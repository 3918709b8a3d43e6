import type { Draft } from "../domain/draft.ts";
import type { ParsedSource } from "../domain/source.ts";
import { countWords } from "../drafting/narrow-quote.ts";
import { renderDraftMarkdown } from "../drafting/render-draft-markdown.ts";

export { countWords };

/** What an AE reviewing a draft pays for: items to read, words to read per word of source, quotes shown twice. */
export type DraftMeasures = {
  items: number;
  needsChecking: number;
  /** Words of the Markdown draft (tokens with a letter or digit). */
  draftWords: number;
  sourceWords: number;
  /** Verified citations whose span overlaps one an earlier item already cites (a contradiction flag's cross-references aside). */
  repeatedQuotes: number;
};

export function measureDraft(draft: Draft, sources: ParsedSource[]): DraftMeasures {
  const seen: { sourceId: string; start: number; end: number }[] = [];
  let repeatedQuotes = 0;
  for (const item of draft.items) {
    if (item.flags?.some((f) => f === "contradiction" || f === "prompt-injection")) continue;
    const own = item.citations.filter((c) => c.match !== "unverified");
    for (const c of own) {
      if (seen.some((s) => s.sourceId === c.sourceId && s.start < c.charEnd && c.charStart < s.end)) repeatedQuotes += 1;
    }
    for (const c of own) seen.push({ sourceId: c.sourceId, start: c.charStart, end: c.charEnd });
  }
  return {
    items: draft.items.length,
    needsChecking: draft.needsChecking.length,
    draftWords: countWords(renderDraftMarkdown(draft)),
    sourceWords: sources.reduce((total, parsed) => total + countWords(parsed.source.text), 0),
    repeatedQuotes,
  };
}
