import type { Citation } from "../domain/citation.ts";
import type { ParsedSource } from "../domain/source.ts";
import { replaceNumberWords } from "../extraction/read-numbers.ts";
import type { GroundedCandidate } from "./ground-candidates.ts";
import { removeQuote } from "./remove-quote.ts";

const STOP = new Set(
  "about after also and are been before but can could for from have here into just like more our over that the their them then there this those through will with would you your plus".split(
    " ",
  ),
);
// Share of a quote's content words another quote of the item must have for it to say nothing new.
const COVERED_WITH_NUMBERS = 0.5;
const COVERED = 0.7;
const MIN_WORDS = 3;

/**
 * Within one item, a quote that another quote of the same item already says (the call's "two days of on-site
 * training…" beside the order form's training line, two signature dates of one day) is dropped; the signed
 * document's wording wins, else the fuller one. Runs on any extractor's items.
 */
export function dropCoveredCitations(items: GroundedCandidate[], sources: ParsedSource[]): GroundedCandidate[] {
  const documents = new Set(sources.filter((s) => s.segments.every((g) => g.speaker === null)).map((s) => s.source.id));
  return items.map((item) => {
    if (item.flags?.some((f) => f === "contradiction" || f === "prompt-injection")) return item;
    const cited = item.citations.filter((c) => c.match !== "unverified");
    if (cited.length < 2) return item;
    const dropped = new Set<Citation>();
    // Each quote's words are read once and sorted into numbers and other words, not again for every pair.
    const words = new Map(cited.map((c) => [c, quoteWords(c.quote)]));
    const covers = (a: Citation, b: Citation) => saysAll(words.get(a)!, words.get(b)!);
    for (const b of cited) {
      for (const a of cited) {
        if (a === b || dropped.has(a) || dropped.has(b)) continue;
        // Someone else's words never stand in for a person's own ("send me the five percent cap" is not the promise of it).
        if (a.speaker !== null && a.speaker !== b.speaker) continue;
        if (!covers(a, b)) continue;
        // Both say the same: keep the document's line, else the longer quote.
        if (covers(b, a) && prefer(b, a, documents)) continue;
        dropped.add(b);
      }
    }
    if (dropped.size === 0) return item;
    return {
      ...item,
      statement: [...dropped].reduce((statement, citation) => removeQuote(statement, citation.quote), item.statement),
      citations: item.citations.filter((c) => !dropped.has(c)),
      evidence: item.evidence.filter((e) => ![...dropped].some((c) => c.quote === e.quote)),
    };
  });
}

function prefer(x: Citation, y: Citation, documents: Set<string>): boolean {
  const xDoc = documents.has(x.sourceId);
  if (xDoc !== documents.has(y.sourceId)) return xDoc;
  return x.quote.length > y.quote.length;
}

type QuoteWords = { all: string[]; numbers: string[]; others: string[] };

function quoteWords(quote: string): QuoteWords {
  const all = contentWords(quote);
  return { all, numbers: all.filter((w) => /\d/.test(w)), others: all.filter((w) => !/\d/.test(w)) };
}

/** Whether quote `a` says everything quote `b` says: its numbers and most of its words. */
function saysAll(a: QuoteWords, b: QuoteWords): boolean {
  // "You'll have it by Monday." names who answered the request: too little to call it said already.
  if (b.all.length < MIN_WORDS) return false;
  if (b.numbers.some((n) => !a.all.includes(n))) return false;
  let shared = 0;
  for (const w of b.others) if (a.all.includes(w)) shared += 1;
  const share = b.others.length === 0 ? 1 : shared / b.others.length;
  return share >= (b.numbers.length > 0 ? COVERED_WITH_NUMBERS : COVERED);
}

function contentWords(quote: string): string[] {
  return replaceNumberWords(quote)
    .toLowerCase()
    .replace(/(\d),(\d)/g, "$1$2")
    .split(/[^\p{L}\p{N}.']+/u)
    .map((w) => w.replace(/^'+|'+$/g, ""))
    .map((w) => w.replace(/\.+$/, "").replace(/\.0+$/, ""))
    .map((w) => (/\d/.test(w) ? w : w.replace(/(?:'s|s)$/, "")))
    .filter((w) => (w.length >= 3 || /\d/.test(w)) && !STOP.has(w));
}
