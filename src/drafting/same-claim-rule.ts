// When two items of a handoff state the same claim: the rule the same-claim merge (merge-same-claims.ts) applies to the
// twins its index finds, and the scan its property tests compare with applies to every pair.
import type { Citation } from "../domain/citation.ts";
import { systemFamilyOf } from "../extraction/system-family.ts";
import { type ClaimLookups, countShared } from "./claim-lookups.ts";
import type { GroundedCandidate } from "./ground-candidates.ts";
import { saysNothing } from "../domain/says-nothing.ts";

export const MIN_SHARED = 3;
// Sections where the next turn on the same point continues the claim ("Vince is still not sold." after the reorg).
const CONVERSATION_SECTIONS = new Set(["politicalDynamics", "competition", "successCriteria", "redFlags", "whyTheyBought"]);
export const MAX_MERGED_CITATIONS = 6;
// Added to the shared words of the alternative a why-we-chose line answers: it goes before any word count.
export const ANSWERED_FIRST = 1_000_000;
// A reply that only points back ("You'll have it by Monday.") belongs to the request before it; "Yeah," opening it changes nothing.
// So does one that acts on "it" or "that" ("We'll put that in the order form.", "Send it to me directly.").
const POINTS_BACK =
  /^(?:\w+,\s+){0,2}(?:(?:you'll|you will|we'll|i'll) have (?:it|that|them)|(?:it|that)(?:'ll| will) be|(?:(?:we'll|i'll|we will|i will) )?(?:put|send|write|add|email|forward|get) (?:it|that|them|this|those|these)(?: over)?\b)\b/i;
export const ACTION_SECTIONS = new Set(["promises", "nextSteps"]);
// A request to the one spoken to, and a reply that takes it on.
const REQUEST = /\b(?:can|could|would) you\b[^.!]*\?\s*$/i;
const AGREES = /^(?:sure|yes|yeah|yep|absolutely|of course|definitely|will do|no problem)\b[,.!]?\s+(?:i'll|we'll|i will|we will)\b/i;
// Sections whose items are the same claim by a name, a system or a contract part, never by shared words alone.
export const WORDLESS_SECTIONS = new Set(["stakeholders", "technicalEnvironment", "accountOverview"]);
// A sentence that opens by pointing at the one before it ("Until then: …", "Otherwise, …") goes on from it.
// A sentence that gives a reason for what was said before it.
const REASON = /^(?:because|'cause|cause)\b/i;
const CONTINUES = /^(?:until then|until that|before then|after that|in the meantime|meanwhile|otherwise)\b/i;

export function isSameClaim(a: GroundedCandidate, b: GroundedCandidate, { fullName, documents, wordsOf }: ClaimLookups): boolean {
  const sharedWords = (x: GroundedCandidate, y: GroundedCandidate) => countShared(wordsOf(x), wordsOf(y));
  if (isFlagged(a) || isFlagged(b) || !hasVerified(a) || !hasVerified(b)) return false;
  // A follow-up asked for on a call and promised again in an email is one action.
  if (a.section !== b.section) return ACTION_SECTIONS.has(a.section) && ACTION_SECTIONS.has(b.section) && sharedWords(a, b) > MIN_SHARED;
  switch (a.section) {
    case "successCriteria":
      // A metric belongs to whoever wants it: Keisha's first-contact resolution is not Nate's handle time.
      return firstSpeaker(a) === firstSpeaker(b) && sharedWords(a, b) >= MIN_SHARED + 1;
    case "stakeholders": {
      const x = text(a, "name");
      const y = text(b, "name");
      if (x === null && y === null) {
        // Two lines about "our CEO", named by nobody: one person, known by title.
        const [p, q] = [text(a, "title"), text(b, "title")];
        return p !== null && q !== null && p.toLowerCase() === q.toLowerCase();
      }
      return x !== null && y !== null && fullName(x) === fullName(y);
    }
    case "technicalEnvironment":
      return sameSystem(a, b);
    case "competition":
      // Two alternatives by name are two items however alike their lines read ("cheaper" of each).
      return sameText(a, b, "competitor") || (!namesOtherCompetitors(a, b) && sharedWords(a, b) >= MIN_SHARED);
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
export function continuesTurn(earlier: GroundedCandidate, item: GroundedCandidate, turnOf: (c: Citation) => number | null): boolean {
  if (isFlagged(earlier) || isFlagged(item)) return false;
  const last = earlier.citations.filter((c) => c.match !== "unverified").at(-1);
  const first = item.citations.find((c) => c.match !== "unverified");
  if (last === undefined || first === undefined || last.sourceId !== first.sourceId) return false;
  const [from, to] = [turnOf(last), turnOf(first)];
  if (from === null || to === null || to - from < 0 || to - from > 1) return false;
  // Within one turn only a sentence that points back joins the one before it. In the next turn, so does a yes to a
  // request ("Can you send me a sample deal?" "Sure, I'll send you a couple of opportunities after this call.").
  const actions = ACTION_SECTIONS.has(earlier.section) && ACTION_SECTIONS.has(item.section);
  const pointsBack =
    actions && (POINTS_BACK.test(first.quote) || (to - from === 1 && REQUEST.test(last.quote) && AGREES.test(first.quote)));
  if (
    to === from &&
    !pointsBack &&
    !answersAlternative(earlier, item) &&
    !(earlier.section === item.section && CONTINUES.test(first.quote))
  )
    return false;
  // A metric belongs to whoever wants it: Keisha's first-contact resolution is not Nate's handle time.
  if (item.section === "successCriteria" && last.speaker !== first.speaker) return false;
  if (earlier.section === item.section && CONVERSATION_SECTIONS.has(item.section)) return !namesOtherCompetitors(earlier, item);
  // A concern given as a reason in the turn right after an objection's answer pushes back on that answer ("Who's your
  // team in that sentence? Because my team doesn't have time for a big migration project."): one objection.
  if (earlier.section === "objections" && item.section === "objections" && to - from === 1 && endsOnAnswer(earlier, last))
    return last.speaker !== first.speaker && REASON.test(first.quote);
  // "Until then: nightly CSV export" goes on from the line before it, whatever the section.
  if (earlier.section === item.section && CONTINUES.test(first.quote)) return true;
  return pointsBack;
}

/** Whether `last`, the last verified citation of an objection, quotes its answer. */
function endsOnAnswer(objection: GroundedCandidate, last: Citation): boolean {
  const answer = text(objection, "answer");
  const flat = (words: string) => words.replace(/\s+/g, " ").trim();
  return answer !== null && flat(answer).includes(flat(last.quote));
}

export function familyOf(field: string | null): string {
  if (field === "seats" || field === "pricing" || field === "contractValue") return "commercial";
  if (field === "contractStart" || field === "renewalDate" || field === "signatureDate") return "dates";
  if (field === "products") return "products";
  if (field === "terms") return "terms";
  return field === "other" || field === null ? "other" : "company";
}

const ACTOR_KEY: Record<string, Record<string, string>> = {
  "nextSteps>promises": { owner: "promisedBy" },
  "promises>nextSteps": { promisedBy: "owner" },
};

export function absorb(twin: GroundedCandidate, item: GroundedCandidate): void {
  const spans = new Set(twin.citations.map(spanOf));
  for (const citation of item.citations) {
    if (spans.has(spanOf(citation))) continue;
    twin.citations.push(citation);
    spans.add(spanOf(citation));
  }
  twin.evidence.push(...item.evidence);
  // Lines of one contract part keep every field they state ("Renewal date" merged under the start date).
  if (twin.section === "accountOverview") {
    const fields = [twin.details, item.details].flatMap((d) => (Array.isArray(d.fields) ? d.fields : [d.field]));
    twin.details.fields = [...new Set(fields.filter((f): f is string => typeof f === "string"))];
  }
  for (const [detail, value] of Object.entries(item.details)) {
    // A step joining a promise is done by whoever promised it: its owner only fills a missing promiser (and the other
    // way round), never stands beside it ("Owner: Elaine" on Dana's promise to Elaine).
    const key = ACTOR_KEY[`${item.section}>${twin.section}`]?.[detail] ?? detail;
    const current = twin.details[key];
    // A value that says nothing ("unspecified" horizon, "other" kind) gives way to the twin's.
    if (current === null || current === undefined || saysNothing(current)) twin.details[key] = value;
  }
  const flags = new Set([...(twin.flags ?? []), ...(item.flags ?? [])]);
  if (flags.size > 0) twin.flags = [...flags];
}

export function text(item: GroundedCandidate, key: string): string | null {
  const value = item.details[key];
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

/** One system's family: "SSO" and "Okta SCIM" are one line of the setup (see system-family.ts). */
export function sameSystem(a: GroundedCandidate, b: GroundedCandidate): boolean {
  const x = text(a, "system");
  const y = text(b, "system");
  return x !== null && y !== null && systemFamilyOf(x) === systemFamilyOf(y);
}

/**
 * A competitive line naming no alternative said right after one that names it, by the same person in the same turn
 * ("And Zendesk didn't have anything for freight exceptions. Your Shipment Exceptions module is the reason we're
 * here."): why they chose the vendor over that alternative.
 */
export function answersAlternative(earlier: GroundedCandidate, item: GroundedCandidate): boolean {
  if (earlier.section !== "competition" || item.section !== "competition") return false;
  if (text(earlier, "competitor") === null || text(item, "competitor") !== null) return false;
  const last = earlier.citations.filter((c) => c.match !== "unverified").at(-1);
  const first = item.citations.find((c) => c.match !== "unverified");
  return last !== undefined && first !== undefined && last.speaker === first.speaker && first.charStart >= last.charEnd;
}

/** Whether two competition items each name an alternative, and not the same one. */
function namesOtherCompetitors(a: GroundedCandidate, b: GroundedCandidate): boolean {
  if (a.section !== "competition" || b.section !== "competition") return false;
  const x = text(a, "competitor");
  const y = text(b, "competitor");
  return x !== null && y !== null && x.toLowerCase() !== y.toLowerCase();
}

function sameText(a: GroundedCandidate, b: GroundedCandidate, key: string): boolean {
  const x = text(a, key);
  const y = text(b, key);
  return x !== null && y !== null && x.toLowerCase() === y.toLowerCase();
}

export function onlySource(item: GroundedCandidate): string | null {
  const ids = new Set(item.citations.filter((c) => c.match !== "unverified").map((c) => c.sourceId));
  return ids.size === 1 ? [...ids][0]! : null;
}

function firstSpeaker(item: GroundedCandidate): string | null {
  return item.citations.find((c) => c.match !== "unverified")?.speaker ?? null;
}

export function isFlagged(item: GroundedCandidate): boolean {
  return (item.flags ?? []).some((f) => f === "contradiction" || f === "prompt-injection");
}

export function hasVerified(item: GroundedCandidate): boolean {
  return item.citations.some((c) => c.match !== "unverified");
}

/** Citations with one key cite the same span of one source. */
function spanOf(c: Citation): string {
  return JSON.stringify([c.sourceId, c.charStart, c.charEnd]);
}
