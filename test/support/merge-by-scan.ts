// The pairwise scans that the indexed merges replaced (src/drafting/merge-items.ts and merge-same-claims.ts as
// they were), kept as the oracle the merges' property tests compare with: same input, same output. The same-claim
// scan carries the rules added since (issue 10: the closest twin, one person's metric, a promise written into the
// signed document, sentences pointing back within a turn, acronyms, ordinals and stems in the shared words).
import type { Citation } from "../../src/domain/citation.ts";
import type { ParsedSource } from "../../src/domain/source.ts";
import type { GroundedCandidate } from "../../src/drafting/ground-candidates.ts";
import { replaceNumberWords } from "../../src/extraction/read-numbers.ts";

/** mergeItems by comparing each item with every kept item. */
export function mergeItemsByScan(items: GroundedCandidate[]): GroundedCandidate[] {
  const merged: GroundedCandidate[] = [];
  const byStatement = new Map<string, GroundedCandidate>();
  for (const item of items) {
    const statementKey = `${item.section}|${normalizeStatement(item.statement)}`;
    const twin = byStatement.get(statementKey) ?? merged.find((other) => other.section === item.section && citeSameSpan(other, item));
    if (twin === undefined) {
      const copy = { ...item, citations: [...item.citations], evidence: [...item.evidence] };
      merged.push(copy);
      byStatement.set(statementKey, copy);
      continue;
    }
    for (const citation of item.citations) {
      if (!twin.citations.some((c) => sameSpan(c, citation))) twin.citations.push(citation);
    }
    twin.evidence.push(...item.evidence);
    twin.details = { ...item.details, ...withoutNulls(twin.details) };
    const flags = new Set([...(twin.flags ?? []), ...(item.flags ?? [])]);
    if (flags.size > 0) twin.flags = [...flags];
  }
  return merged;
}

function citeSameSpan(a: GroundedCandidate, b: GroundedCandidate): boolean {
  return a.citations.some((x) => x.match !== "unverified" && b.citations.some((y) => y.match !== "unverified" && citationsOverlap(x, y)));
}

/** Whether two citations share any characters of one source. */
function citationsOverlap(a: Citation, b: Citation): boolean {
  return a.sourceId === b.sourceId && a.charStart < b.charEnd && b.charStart < a.charEnd;
}

function sameSpan(a: Citation, b: Citation): boolean {
  return a.sourceId === b.sourceId && a.charStart === b.charStart && a.charEnd === b.charEnd && a.quote === b.quote;
}

function normalizeStatement(statement: string): string {
  return statement
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function withoutNulls(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).filter(([, v]) => v !== null && v !== undefined));
}

/** mergeSameClaims by comparing each item with every kept item. */
export function mergeSameClaimsByScan(items: GroundedCandidate[], sources: ParsedSource[]): GroundedCandidate[] {
  // A merge can make two items the same claim ("You'll have it" joined to the request it answers): repeat until stable.
  let current = items;
  for (let pass = 0; pass < 3; pass++) {
    const next = mergeOnce(current, sources);
    if (next.length === current.length) return next;
    current = next;
  }
  return current;
}

function mergeOnce(items: GroundedCandidate[], sources: ParsedSource[]): GroundedCandidate[] {
  const fullName = createNameResolver(sources);
  const turnOf = createTurnLookup(sources);
  const documents = new Set(sources.filter((s) => s.segments.every((g) => g.speaker === null)).map((s) => s.source.id));
  const out: GroundedCandidate[] = [];
  for (const item of items) {
    // The closest of the items it could join: the one sharing most words with it.
    const twins = out.filter(
      (other) =>
        other.citations.length < MAX_MERGED_CITATIONS &&
        (isSameClaim(other, item, fullName, documents) || continuesTurn(other, item, turnOf) || continuesTurn(item, other, turnOf)),
    );
    const twin = twins.reduce<GroundedCandidate | undefined>(
      (best, other) => (best === undefined || sharedWords(other, item) > sharedWords(best, item) ? other : best),
      undefined,
    );
    if (twin === undefined) {
      out.push({ ...item, citations: [...item.citations], evidence: [...item.evidence], details: { ...item.details } });
      continue;
    }
    absorb(twin, item);
  }
  return out;
}

function isSameClaim(a: GroundedCandidate, b: GroundedCandidate, fullName: (name: string) => string, documents: Set<string>): boolean {
  if (isFlagged(a) || isFlagged(b) || !hasVerified(a) || !hasVerified(b)) return false;
  // A follow-up asked for on a call and promised again in an email is one action.
  if (a.section !== b.section) return ACTION_SECTIONS.has(a.section) && ACTION_SECTIONS.has(b.section) && sharedWords(a, b) > MIN_SHARED;
  switch (a.section) {
    case "successCriteria":
      // A metric belongs to whoever wants it: Keisha's first-contact resolution is not Nate's handle time.
      return firstSpeaker(a) === firstSpeaker(b) && sharedWords(a, b) >= MIN_SHARED;
    case "stakeholders": {
      const x = text(a, "name");
      const y = text(b, "name");
      return x !== null && y !== null && fullName(x) === fullName(y);
    }
    case "technicalEnvironment":
      return sameText(a, b, "system");
    case "competition":
      return sameText(a, b, "competitor") || sharedWords(a, b) >= MIN_SHARED;
    case "accountOverview": {
      // Lines of one signed document about one part of the contract read as one item.
      const sourceA = onlySource(a);
      if (sourceA === null || sourceA !== onlySource(b) || !documents.has(sourceA)) return false;
      return familyOf(text(a, "field")) === familyOf(text(b, "field"));
    }
    case "promises": {
      // A term written into the signed document is the promise made on the call ("Implementation services:
      // $15,000.00, waived" and "I'll waive the implementation fee"): the document's terse line shares fewer words.
      const oneDocument =
        (onlySource(a) !== null && documents.has(onlySource(a)!)) !== (onlySource(b) !== null && documents.has(onlySource(b)!));
      return sharedWords(a, b) >= (oneDocument ? MIN_SHARED - 1 : MIN_SHARED);
    }
    default:
      return sharedWords(a, b) >= MIN_SHARED;
  }
}

/** Whether `item` is said in the turn right after the last one `earlier` cites, on the same point. */
function continuesTurn(earlier: GroundedCandidate, item: GroundedCandidate, turnOf: (c: Citation) => number | null): boolean {
  if (isFlagged(earlier) || isFlagged(item)) return false;
  const last = earlier.citations.filter((c) => c.match !== "unverified").at(-1);
  const first = item.citations.find((c) => c.match !== "unverified");
  if (last === undefined || first === undefined || last.sourceId !== first.sourceId) return false;
  const [from, to] = [turnOf(last), turnOf(first)];
  if (from === null || to === null || to - from < 0 || to - from > 1) return false;
  // Within one turn only a sentence that points back joins the one before it.
  const pointsBack = ACTION_SECTIONS.has(earlier.section) && ACTION_SECTIONS.has(item.section) && POINTS_BACK.test(first.quote);
  if (to === from && !pointsBack && !(earlier.section === item.section && CONTINUES.test(first.quote))) return false;
  // A metric belongs to whoever wants it: Keisha's first-contact resolution is not Nate's handle time.
  if (item.section === "successCriteria" && last.speaker !== first.speaker) return false;
  if (earlier.section === item.section && CONVERSATION_SECTIONS.has(item.section)) return true;
  // "Until then: nightly CSV export" goes on from the line before it, whatever the section.
  if (earlier.section === item.section && CONTINUES.test(first.quote)) return true;
  return ACTION_SECTIONS.has(earlier.section) && ACTION_SECTIONS.has(item.section) && POINTS_BACK.test(first.quote);
}

function createTurnLookup(sources: ParsedSource[]): (citation: Citation) => number | null {
  const turns = new Map<string, number>();
  for (const { source, segments } of sources) {
    for (const [index, segment] of segments.entries()) turns.set(`${source.id}|${segment.id}`, index);
  }
  return (citation) => turns.get(`${citation.sourceId}|${citation.segmentId}`) ?? null;
}

function familyOf(field: string | null): string {
  if (field === "seats" || field === "pricing" || field === "contractValue") return "commercial";
  if (field === "contractStart" || field === "renewalDate" || field === "signatureDate") return "dates";
  if (field === "products") return "products";
  if (field === "terms") return "terms";
  return field === "other" || field === null ? "other" : "company";
}

function absorb(twin: GroundedCandidate, item: GroundedCandidate): void {
  for (const citation of item.citations) {
    if (!twin.citations.some((c) => sameSpanOfClaims(c, citation))) twin.citations.push(citation);
  }
  twin.evidence.push(...item.evidence);
  // Lines of one contract part keep every field they state ("Renewal date" merged under the start date).
  if (twin.section === "accountOverview") {
    const fields = [twin.details, item.details].flatMap((d) => (Array.isArray(d.fields) ? d.fields : [d.field]));
    twin.details.fields = [...new Set(fields.filter((f): f is string => typeof f === "string"))];
  }
  for (const [key, value] of Object.entries(item.details)) {
    const current = twin.details[key];
    if (current === null || current === undefined || current === "unknown" || current === "other") twin.details[key] = value;
  }
  const flags = new Set([...(twin.flags ?? []), ...(item.flags ?? [])]);
  if (flags.size > 0) twin.flags = [...flags];
}

function sharedWords(a: GroundedCandidate, b: GroundedCandidate): number {
  const x = contentWords(a);
  let shared = 0;
  for (const word of contentWords(b)) if (x.has(word)) shared += 1;
  return shared;
}

function contentWords(item: GroundedCandidate): Set<string> {
  const quotes = item.citations
    .filter((c) => c.match !== "unverified")
    .map((c) => c.quote)
    .join(" ");
  // An acronym ("SOC", "TMS") names a thing however short it is; "16th" is the 16 a document writes.
  const acronyms = (quotes.match(/\b[A-Z]{2,}\b/g) ?? []).map((w) => w.toLowerCase());
  const words = replaceNumberWords(quotes)
    .toLowerCase()
    .split(/[^\p{L}\p{N}'$%]+/u)
    .map((w) => w.replace(/^'+|'+$/g, "").replace(/(?:'s|s)$/, ""))
    .map((w) => w.replace(/^(\d+)(?:st|nd|rd|th)$/, "$1"))
    .map((w) => (/\d/.test(w) || w.length < 5 ? w : w.replace(/(?:ed|e|ing)$/, "")))
    .filter((w) => (w.length >= 4 || /\d/.test(w)) && !STOP.has(w));
  return new Set([...words, ...acronyms]);
}

function createNameResolver(sources: ParsedSource[]): (name: string) => string {
  const people = sources.flatMap((s) => s.source.participants.map((p) => p.name));
  return (name) => {
    const lower = name.trim().toLowerCase();
    const first = lower.split(/\s+/)[0]!;
    const full = people.find((p) => p.toLowerCase() === lower) ?? people.find((p) => p.toLowerCase().split(/\s+/)[0] === first);
    return (full ?? name).toLowerCase();
  };
}

function text(item: GroundedCandidate, key: string): string | null {
  const value = item.details[key];
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function sameText(a: GroundedCandidate, b: GroundedCandidate, key: string): boolean {
  const x = text(a, key);
  const y = text(b, key);
  return x !== null && y !== null && x.toLowerCase() === y.toLowerCase();
}

function onlySource(item: GroundedCandidate): string | null {
  const ids = new Set(item.citations.filter((c) => c.match !== "unverified").map((c) => c.sourceId));
  return ids.size === 1 ? [...ids][0]! : null;
}

function firstSpeaker(item: GroundedCandidate): string | null {
  return item.citations.find((c) => c.match !== "unverified")?.speaker ?? null;
}

function isFlagged(item: GroundedCandidate): boolean {
  return (item.flags ?? []).some((f) => f === "contradiction" || f === "prompt-injection");
}

function hasVerified(item: GroundedCandidate): boolean {
  return item.citations.some((c) => c.match !== "unverified");
}

function sameSpanOfClaims(a: Citation, b: Citation): boolean {
  return a.sourceId === b.sourceId && a.charStart === b.charStart && a.charEnd === b.charEnd;
}
// Words that say nothing about what a claim is about.
const STOP = new Set(
  "about after again also and any are back been before being both but can could did does doing done down each even every for from get got had has have having here how into its it's just like more most much need our out over same she should some such than that that's the their them then there these they this those through too under until very want was way we'll we're were what when where which while who will with would you you'll your yes okay right really think know going well i'll i'd we'll send sent let's".split(
    " ",
  ),
);
const MIN_SHARED = 3;
// Sections where the next turn on the same point continues the claim ("Vince is still not sold." after the reorg).
const CONVERSATION_SECTIONS = new Set(["politicalDynamics", "competition", "successCriteria", "redFlags", "whyTheyBought"]);
const MAX_MERGED_CITATIONS = 6;
// A reply that only points back ("You'll have it by Monday.") belongs to the request before it; "Yeah," opening it changes nothing.
// So does one that acts on "it" or "that" ("We'll put that in the order form.", "Send it to me directly.").
const POINTS_BACK =
  /^(?:\w+,\s+){0,2}(?:(?:you'll|you will|we'll|i'll) have (?:it|that|them)|(?:it|that)(?:'ll| will) be|(?:(?:we'll|i'll|we will|i will) )?(?:put|send|write|add|email|forward) (?:it|that|them|this|those|these)(?: over)?\b)\b/i;
const ACTION_SECTIONS = new Set(["promises", "nextSteps"]);
// A sentence that opens by pointing at the one before it ("Until then: …", "Otherwise, …") goes on from it.
const CONTINUES = /^(?:until then|until that|before then|after that|in the meantime|meanwhile|otherwise)\b/i;
