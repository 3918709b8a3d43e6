import type { ParsedSource } from "../domain/source.ts";
import { replaceNumberWords } from "../extraction/read-numbers.ts";
import type { GroundedCandidate } from "./ground-candidates.ts";
import { isSignedDocument } from "./signed-document.ts";
import { countSharedStems, wordStems } from "./word-stems.ts";

// "eighteen percent", "18%", "5 percent": what a commercial term is counted in.
const PERCENT = /(\d+(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)/gi;
const MIN_SHARED = 2;

/**
 * "If we can get this signed by February 6th, I can take eighteen percent off the seat price": a commercial offer made
 * before the paper was signed is the contract once a signed document states it. A promise citing no signed document
 * joins the account overview item citing the signed line of each percentage it names, when that line shares two of its
 * words ("Price per agent seat per year: $492.00 (list $600.00, 18% discount)"): one claim, one item, the offer's words
 * kept as that item's citations. A promise naming no percentage, or one the signed paper does not state, stays.
 * Runs on any extractor's items.
 */
export function foldContractedOffers(items: GroundedCandidate[], sources: ParsedSource[]): GroundedCandidate[] {
  const signedIds = new Set(sources.filter(isSignedDocument).map((s) => s.source.id));
  if (signedIds.size === 0) return items;
  // The account overview's signed lines: where an offer's percentage is written into the contract.
  const terms = items.flatMap((item) =>
    item.section !== "accountOverview"
      ? []
      : item.citations
          .filter((c) => c.match !== "unverified" && signedIds.has(c.sourceId))
          .map((c) => ({ item, percents: percentsIn(c.quote), words: wordStems(c.quote) })),
  );
  const folded = new Set<GroundedCandidate>();
  for (const item of items) {
    if (item.section !== "promises" || (item.flags ?? []).some((f) => f !== "unrealistic")) continue;
    const cited = item.citations.filter((c) => c.match !== "unverified");
    if (cited.length === 0 || cited.some((c) => signedIds.has(c.sourceId))) continue;
    const text = cited.map((c) => c.quote).join(" ");
    const words = wordStems(text);
    const homes = percentsIn(text).map(
      (percent) => terms.find((t) => t.percents.includes(percent) && countSharedStems(t.words, words) >= MIN_SHARED)?.item,
    );
    const home = homes[0];
    if (home === undefined || homes.some((h) => h !== home)) continue;
    home.citations.push(...cited);
    home.evidence.push(...item.evidence);
    folded.add(item);
  }
  return folded.size === 0 ? items : items.filter((item) => !folded.has(item));
}
function percentsIn(text: string): number[] {
  return [...replaceNumberWords(text).matchAll(PERCENT)].map((m) => Number(m[1]));
}
