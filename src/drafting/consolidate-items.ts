import type { Citation } from "../domain/citation.ts";
import type { SectionKey } from "../domain/sections.ts";
import type { ParsedSource } from "../domain/source.ts";
import { pointsBack } from "../extraction/points-back.ts";
import { replaceNumberWords } from "../extraction/read-numbers.ts";
import type { GroundedCandidate } from "./ground-candidates.ts";
import { mergeSameClaims } from "./merge-same-claims.ts";
import { dropCoveredCitations } from "./drop-covered-citations.ts";
import { removeQuote } from "./remove-quote.ts";
import { createSpanIndex, type SpanIndex } from "./span-index.ts";
import { isSignedDocument } from "./signed-document.ts";
import { foldContractedOffers } from "./fold-contracted-offers.ts";

// Where a claim cited in several sections is worth most to the AE; the first wins the quote.
const SECTION_RANK: Record<SectionKey, number> = {
  objections: 1,
  promises: 2,
  nextSteps: 3,
  successCriteria: 4,
  whyTheyBought: 5,
  competition: 6,
  stakeholders: 7,
  politicalDynamics: 8,
  redFlags: 9,
  technicalEnvironment: 10,
  accountOverview: 11,
};
// A follow-up deliverable ("I'll send a recap by Friday") is an action item before it is a commitment.
const FOLLOW_UP =
  /\b(?:send|sent|have it to you|get (?:it|that|this) (?:to|over)|share|schedule|set up|invite|recap|answer|be with you|have it by)\b/i;
// Whole sentences that only open or frame what follows.
const FRAME =
  /^(?:(?:okay|ok|so|and|well|right|um|uh|yeah)[,.]?\s+)*(?:here's what i can do|here's what i'm thinking(?: for next steps)?|(?:so )?next steps|(?:and )?(?:honestly )?the problem is simple|let me walk through[^.?!]*|a few other things)[.:!]?$/i;
const MIN_WORDS = 4;
// A sentence that only points back at what was just said as the reason ("Which is, to be fair, why we need this.").
const POINTS_BACK_AS_REASON = /^(?:which|that)(?:'s|\s+is|\s+was)\b[^.?!]*\bwhy\b/i;
const MAX_POINTING_WORDS = 9;
// A reason given alone ("Because I've heard this before.") leans on the claim said before it.
const MAX_REASON_WORDS = 6;
const COMMERCIAL = new Set(["seats", "pricing", "contractValue"]);
const SIGNING = /\bsign(?:ed|ing|ature)?\b|\bdocusign\b/i;

/**
 * One claim, one item, for any extractor: drops framing fragments, cites each quote once in its best
 * section, and drops pre-signature account chatter that a signed document in the deal restates (a commercial offer it states joins its line).
 * Takes over `items` (the array is emptied), as finishDraft does: the items a step drops or replaces are let go
 * before the same-claim merge copies the rest, not held until the last step returns.
 */
export function consolidateItems(items: GroundedCandidate[], sources: ParsedSource[]): GroundedCandidate[] {
  // One step a statement over one variable: an array held by a temporary stays alive until the function returns.
  let current = items.splice(0);
  current = current.flatMap((item) => {
    // "And first-contact resolution." opening "We're at 58%. I'd love 75." names what the run is about.
    // An objection's own words, however short ("What's the catch?"), stay beside the answer they got.
    const concern =
      item.section === "objections" ? verified(item).find((c) => c.speaker !== null && c.speaker === item.details.raisedBy) : undefined;
    const kept = dropCitations(
      item,
      (c) =>
        c !== concern &&
        isFragment(c.quote) &&
        (FRAME.test(c.quote.trim()) || POINTS_BACK_AS_REASON.test(c.quote.trim()) || !opensRun(item, c)),
    );
    return kept === null ? [] : [kept];
  });
  current = citeEachQuoteOnce(current);
  current = dropSupersededAccountData(current, sources);
  current = mergeSameClaims(current, sources);
  current = foldContractedOffers(current, sources);
  return dropCoveredCitations(current, sources);
}

function opensRun(item: GroundedCandidate, citation: Citation): boolean {
  return item.citations.some(
    (c) =>
      c !== citation &&
      c.match !== "unverified" &&
      c.sourceId === citation.sourceId &&
      c.charStart >= citation.charEnd &&
      c.charStart - citation.charEnd <= 2,
  );
}

function isFragment(quote: string): boolean {
  const text = quote.trim();
  if (FRAME.test(text)) return true;
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  // "We will.", "Is that real?", "Because I've heard this before.", "Which is why we need this.": nothing the AE can
  // act on without the turn around them.
  const leansBack =
    words.length < MIN_WORDS ||
    (words.length <= MAX_REASON_WORDS && /^(?:because|'cause|cause)\b/i.test(text)) ||
    (words.length <= MAX_POINTING_WORDS && POINTS_BACK_AS_REASON.test(text));
  if (!leansBack) return false;
  return !/\d/.test(replaceNumberWords(text)) && !/\b[A-Z][a-z]+\b/.test(text.replace(/^\S+/, ""));
}

export function isCrossReference(item: Pick<GroundedCandidate, "flags">): boolean {
  return item.flags?.some((f) => f === "contradiction" || f === "prompt-injection") ?? false;
}

function rankOf(item: GroundedCandidate): number {
  const text = verified(item)
    .map((c) => c.quote)
    .join(" ");
  if (item.section === "promises" && FOLLOW_UP.test(text)) return SECTION_RANK.nextSteps + 0.5;
  return SECTION_RANK[item.section];
}

function citeEachQuoteOnce(items: GroundedCandidate[]): GroundedCandidate[] {
  const order = items.map((item, index) => ({ item, index, rank: rankOf(item) })).sort((a, b) => a.rank - b.rank || a.index - b.index);
  // Verified citations already given to an item, by source.
  const claimed = createSpanIndex<true>();
  const isClaimed = (c: Citation) => claimed.overlapping(c.sourceId, c.charStart, c.charEnd).length > 0;
  // An answer to an objection that a promise states and says nothing else of ("Corvala's services team will do the
  // migration at no charge", then "To be clear, this isn't on the order form…") is cited as the promise, the
  // commitment the CSM inherits; the objection keeps its concern. Without it the promise would be lost, or left
  // pointing back at nothing.
  const promised = createSpanIndex<true>();
  for (const item of items) {
    if (item.section !== "promises" || isCrossReference(item) || rankOf(item) !== SECTION_RANK.promises) continue;
    const stating = verified(item).filter((c) => !pointsBack(c.quote));
    if (stating.length === 1) promised.add(stating[0]!.sourceId, stating[0]!.charStart, stating[0]!.charEnd, true);
  }
  const kept = new Map<number, GroundedCandidate>();
  for (const { item, index } of order) {
    // A contradiction or injection flag cross-references other items' evidence: it neither takes nor loses quotes.
    if (isCrossReference(item)) {
      kept.set(index, item);
      continue;
    }
    const rest = dropCitations(item.section === "objections" ? withoutPromisedAnswer(item, promised) : item, isClaimed);
    if (rest === null) continue;
    for (const c of verified(rest)) claimed.add(c.sourceId, c.charStart, c.charEnd, true);
    kept.set(index, rest);
  }
  return items.flatMap((_, index) => (kept.has(index) ? [kept.get(index)!] : []));
}

/**
 * An objection without the citation of its answer when a promise states it (`promised`): the promise cites it. The
 * objection stays answered (its label and details say by whom).
 */
function withoutPromisedAnswer(item: GroundedCandidate, promised: SpanIndex<true>): GroundedCandidate {
  const answer = typeof item.details.answer === "string" ? item.details.answer.replace(/\s+/g, " ").trim() : "";
  if (answer === "") return item;
  return (
    dropCitations(
      item,
      (c) => c.quote.replace(/\s+/g, " ").trim() === answer && promised.overlapping(c.sourceId, c.charStart, c.charEnd).length > 0,
    ) ?? item
  );
}

/** The item without the verified citations `drop` picks, their words taken out of its statement; null when none is left. */
function dropCitations(item: GroundedCandidate, drop: (citation: Citation) => boolean): GroundedCandidate | null {
  const before = verified(item);
  if (before.length === 0) return item;
  const removed = before.filter(drop);
  if (removed.length === 0) return item;
  if (removed.length === before.length) return null;
  let statement = item.statement;
  for (const citation of removed) statement = removeQuote(statement, citation.quote);
  const gone = new Set(removed);
  return {
    ...item,
    statement,
    citations: item.citations.filter((c) => !gone.has(c)),
    evidence: item.evidence.filter((e) => !removed.some((c) => c.quote === e.quote)),
  };
}

function verified(item: GroundedCandidate): Citation[] {
  return item.citations.filter((c) => c.match !== "unverified");
}

function numbersIn(text: string): number[] {
  return [...replaceNumberWords(text).matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replaceAll(",", "")));
}

/**
 * Account data said on a call or in an email before the paper was signed ("list price is six hundred a
 * seat") gives way to the signed document that states the same numbers: the document is the contract.
 */
function dropSupersededAccountData(items: GroundedCandidate[], sources: ParsedSource[]): GroundedCandidate[] {
  const signed = sources.filter(isSignedDocument);
  if (signed.length === 0) return items;
  const signedIds = new Set(signed.map((s) => s.source.id));
  const signedNumbers = new Set(signed.flatMap((s) => numbersIn(s.source.text)));
  const signedParts = new Set(
    items
      .filter((item) => item.section === "accountOverview" && verified(item).some((c) => signedIds.has(c.sourceId)))
      .map((item) => (COMMERCIAL.has(String(item.details.field)) ? "commercial" : String(item.details.field))),
  );
  return items.filter((item) => {
    if (item.flags?.includes("contradiction")) return true;
    // "The order form is in DocuSign whenever you're ready": getting the signature is done once the paper is signed.
    if (item.section === "nextSteps") return verified(item).length === 0 || !verified(item).every((c) => SIGNING.test(c.quote));
    if (item.section !== "accountOverview") return true;
    const cited = verified(item);
    if (cited.length === 0 || cited.some((c) => signedIds.has(c.sourceId))) return true;
    const numbers = numbersIn(cited.map((c) => c.quote).join(" "));
    if (numbers.length === 0) return true;
    // "150 seats at four ninety-two": the signed document states seats and price; where the two disagree,
    // the contradiction check has already put both in front of the AE.
    if (COMMERCIAL.has(String(item.details.field)) && signedParts.has("commercial")) return false;
    return !numbers.every((n) => signedNumbers.has(n));
  });
}
