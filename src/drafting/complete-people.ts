import type { Citation } from "../domain/citation.ts";
import type { ParsedSource } from "../domain/source.ts";
import { buildDealRoster, type DealRoster, type RosterPerson, type SourceSentence, sentencesOf } from "./deal-roster.ts";
import type { GroundedCandidate } from "./ground-candidates.ts";
import { saysOwnDecision } from "../domain/says-own-decision.ts";

// What a person says of the purchase, or others say of them.
// A decision ("let's do it", "take me off your list") says more than an opinion on the way.
const OWN_DECISION =
  /\b(?:let's do it|ready to move forward|count me in|let's move forward|not (?:really )?interested|take me off your list|not (?:going to )?(?:buy|sign))\b/i;
const OWN_SKEPTICAL = /\b(?:heard (?:this|that) before|not going to (?:live|use|learn|log)|don't have time for this|never logged in)\b/i;
const OWN_SUPPORTIVE =
  /\b(?:super useful|sounds great|that addresses my concern|we'?re excited|this is the one i care about|that'd be huge)\b/i;
const DECLINING = /\bnot (?:really )?interested|take me off|not (?:going to )?(?:buy|sign)\b/i;
const SKEPTICAL_ABOUT = "(?:is |was )?(?:still )?(?:not sold|skeptical|unconvinced|against it|pushing back|not on board|hates)";
const SUPPORTIVE_ABOUT = "(?:is |was )?(?:on board|bought in|supportive|excited|good with it|all in|sponsoring)";
const MIN_WORDS = 5;
// What a person wants for their own team tells the CSM more than their first remark.
const CARES = /\b(?:i'd love|i want|i need|my team|my pod|my people|for me)\b/i;

type Stance = { stance: "supportive" | "skeptical"; quote: string; speaker: string | null };

/**
 * The people map, for any extractor: every customer-side person the sources name (call headers, participant
 * lists, email From/To/Cc and signatures) is a stakeholder with title, email and company where known; each
 * stakeholder's stance is read from what they say and what others say of them ("Vince is still not sold").
 */
export function completePeople(items: GroundedCandidate[], sources: ParsedSource[]): GroundedCandidate[] {
  const roster = buildDealRoster(sources);
  const sentences = sources.flatMap((parsed) => parsed.segments.flatMap((segment) => sentencesOf(parsed, segment)));
  const cited = items.flatMap((item) => item.citations.filter((c) => c.match !== "unverified"));
  const isCited = (s: SourceSentence) =>
    cited.some((c) => c.sourceId === s.parsed.source.id && c.charStart < s.charEnd && s.charStart < c.charEnd);
  const stances = new Map<RosterPerson, Stance>();
  for (const person of roster.people) {
    const stance = readStance(person, sentences, roster);
    if (stance !== null) stances.set(person, stance);
  }
  // What each person says of deciding, read in one pass: "But the decision is mine." (see decides).
  const decisions = new Map<RosterPerson, SourceSentence[]>();
  for (const s of sentences) {
    if (!saysOwnDecision(s.text)) continue;
    const speaker = roster.find(s.segment.speaker);
    if (speaker !== null) decisions.set(speaker, [...(decisions.get(speaker) ?? []), s]);
  }
  const covered = new Set<RosterPerson>();
  const out = items.map((item) => {
    if (item.section !== "stakeholders") return item;
    const person = roster.find(typeof item.details.name === "string" ? item.details.name : null);
    if (person === null) return item;
    covered.add(person);
    const details = enrich(item.details, person, stances.get(person));
    const named = { ...item, statement: nameInFull(item.statement, item.details.name, details), details };
    return decides(named, decisions.get(person) ?? [], isCited);
  });
  for (const person of roster.people) {
    if (person.side !== "customer" || covered.has(person)) continue;
    const sentence = pickSentence(person, sentences, roster, isCited, stances.get(person));
    if (sentence === null) continue;
    const added = decides(
      newStakeholder(person, sentence, stances.get(person), describe(person, sentences)),
      decisions.get(person) ?? [],
      isCited,
    );
    out.push(added);
    cited.push(...added.citations);
  }
  return out;
}

/**
 * "Kevin: “…”" becomes "Kevin Brown, VP Sales, GrowthCo: “…”": a statement that opens with the label its person was
 * found under (a speaker label) names them as the people map does. Any other statement (a model's sentence) is kept.
 */
function nameInFull(statement: string, label: unknown, details: Record<string, unknown>): string {
  if (typeof label !== "string" || label === details.name || !statement.startsWith(`${label}: `)) return statement;
  const text = (key: string) => (typeof details[key] === "string" && details[key] !== "" ? (details[key] as string) : null);
  const who = [text("name"), text("title") ?? text("description"), text("company")].filter(Boolean).join(", ");
  return `${who}${statement.slice(label.length)}`;
}

const UNSPECIFIC_ROLES = new Set([undefined, null, "other", "endUser"]);

/**
 * A stakeholder who says the decision is theirs is the decision maker (a title's role stays), and the item cites
 * the words that say so first, when no other item cites them.
 */
function decides(item: GroundedCandidate, own: SourceSentence[], isCited: (s: SourceSentence) => boolean): GroundedCandidate {
  if (own.length === 0 || !UNSPECIFIC_ROLES.has(item.details.role as string | null | undefined)) return item;
  const free = own.find(
    (s) => !isCited(s) && !item.citations.some((c) => c.sourceId === s.parsed.source.id && c.charStart === s.charStart),
  );
  const details = { ...item.details, role: "decisionMaker" };
  if (free === undefined) return { ...item, details };
  const citation = citationOf(free);
  return {
    ...item,
    details,
    // First: the line the people map shows is what the role rests on.
    citations: [citation, ...item.citations],
    evidence: [{ sourceId: citation.sourceId, segmentId: citation.segmentId, quote: citation.quote }, ...item.evidence],
  };
}

function enrich(details: Record<string, unknown>, person: RosterPerson, stance: Stance | undefined): Record<string, unknown> {
  const next: Record<string, unknown> = { ...details, name: person.name };
  for (const key of ["title", "email", "company"] as const) {
    if ((next[key] === null || next[key] === undefined) && person[key] !== undefined) next[key] = person[key];
  }
  const titleRole = roleFromTitle(typeof next.title === "string" ? next.title : null);
  // A title says more about a role than a neighbour's clause in the same sentence ("Ray from IT, … Keisha, who runs a pod").
  if (titleRole !== null && (next.role === "other" || next.role === "endUser" || next.role === undefined)) next.role = titleRole;
  if (stance !== undefined && (next.stance === "unknown" || next.stance === undefined || next.stance === stance.stance)) {
    next.stance = stance.stance;
    next.stanceEvidence = { quote: stance.quote, speaker: stance.speaker };
    if (stance.stance === "skeptical" && (next.role === "other" || next.role === undefined || next.role === null)) next.role = "blocker";
  }
  return next;
}

function newStakeholder(
  person: RosterPerson,
  sentence: SourceSentence,
  stance: Stance | undefined,
  description: string | null,
): GroundedCandidate {
  const role = roleFromTitle(person.title ?? null) ?? (stance?.stance === "skeptical" ? "blocker" : "other");
  const details = enrich(
    { name: person.name, title: person.title ?? null, role, stance: "unknown", caresAbout: null, contactPreferences: null },
    person,
    stance,
  );
  if (description !== null) details.description = description;
  const who = [person.name, person.title ?? description, person.company].filter(Boolean).join(", ");
  const citation = citationOf(sentence);
  return {
    section: "stakeholders",
    statement: `${who}${person.email ? ` (${person.email})` : ""}`,
    details,
    evidence: [{ sourceId: citation.sourceId, segmentId: citation.segmentId, quote: citation.quote }],
    citations: [citation],
  };
}

/** What best shows the person: a sentence of theirs that shows their stance, else their first sentence of substance, else one naming them. */
function pickSentence(
  person: RosterPerson,
  sentences: SourceSentence[],
  roster: DealRoster,
  isCited: (s: SourceSentence) => boolean,
  stance: Stance | undefined,
): SourceSentence | null {
  const free = sentences.filter((s) => !isCited(s));
  const own = free.filter((s) => roster.find(s.segment.speaker) === person);
  const words = (s: SourceSentence) => s.text.split(/\s+/).length;
  return (
    own.find((s) => stance !== undefined && s.text.includes(stance.quote)) ??
    own.find((s) => OWN_DECISION.test(s.text)) ??
    own.find((s) => OWN_SUPPORTIVE.test(s.text) || OWN_SKEPTICAL.test(s.text)) ??
    own.find((s) => words(s) >= MIN_WORDS && CARES.test(s.text)) ??
    own.find((s) => words(s) >= MIN_WORDS && !s.text.trim().endsWith("?")) ??
    free.find((s) => roster.namedIn(s.text).some((n) => n.person === person)) ??
    null
  );
}

/** "Keisha, who runs one of our service pods out of Boise": what someone without a title does. */
function describe(person: RosterPerson, sentences: SourceSentence[]): string | null {
  const names = person.labels.filter((l) => l.length >= 3).map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  if (names.length === 0) return null;
  const pattern = new RegExp(`\\b(?:${names.join("|")}), who ([^,.;?!]{6,80})`);
  for (const s of sentences) {
    const match = pattern.exec(s.text);
    if (match !== null) return match[1]!.trim();
  }
  return null;
}

function readStance(person: RosterPerson, sentences: SourceSentence[], roster: DealRoster): Stance | null {
  const names = person.labels.filter((l) => l.length >= 3).map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  if (names.length === 0) return null;
  const about = (tail: string) => new RegExp(`\\b(?:${names.join("|")})(?:'s)? ${tail}\\b`, "i");
  const skepticalAbout = about(SKEPTICAL_ABOUT);
  const supportiveAbout = about(SUPPORTIVE_ABOUT);
  let said: Stance | null = null;
  let decided: Stance | null = null;
  let own: Stance | null = null;
  for (const s of sentences) {
    const speaker = s.segment.speaker;
    const self = roster.find(speaker) === person;
    // What others say of a person, or a decision of their own, outweighs a passing opinion; the last word wins.
    if (!self && skepticalAbout.test(s.text)) said = { stance: "skeptical", quote: s.text, speaker };
    else if (!self && supportiveAbout.test(s.text)) said = { stance: "supportive", quote: s.text, speaker };
    else if (self && OWN_DECISION.test(s.text))
      decided = { stance: DECLINING.test(s.text) ? "skeptical" : "supportive", quote: s.text, speaker };
    else if (self && own === null && OWN_SKEPTICAL.test(s.text)) own = { stance: "skeptical", quote: s.text, speaker };
    else if (self && own === null && OWN_SUPPORTIVE.test(s.text)) own = { stance: "supportive", quote: s.text, speaker };
  }
  return said ?? decided ?? own;
}

export function roleFromTitle(title: string | null): string | null {
  if (title === null) return null;
  if (/\b(?:CFO|Chief Financial|Finance)\b/i.test(title)) return "economicBuyer";
  if (/\b(?:CEO|COO|Chief Executive|Chief Operating|President|Founder)\b/i.test(title)) return "executiveSponsor";
  if (/\b(?:CTO|CIO|CISO|Chief (?:Technology|Information|Security)|IT|Security|Engineering)\b/.test(title)) return "technicalContact";
  return null;
}

function citationOf(s: SourceSentence): Citation {
  return {
    sourceId: s.parsed.source.id,
    segmentId: s.segment.id,
    speaker: s.segment.speaker,
    startMs: s.segment.startMs,
    quote: s.parsed.source.text.slice(s.charStart, s.charEnd),
    charStart: s.charStart,
    charEnd: s.charEnd,
    match: "exact",
    filename: s.parsed.source.filename,
  };
}
