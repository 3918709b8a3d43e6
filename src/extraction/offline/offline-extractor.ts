import type { ExtractorInfo } from "../../domain/extractor-info.ts";
import type { SectionKey } from "../../domain/sections.ts";
import type { ParsedSource } from "../../domain/source.ts";
import type { CandidateItem, EvidenceRef, Extractor } from "../extractor.ts";
import { NO_USAGE } from "../../domain/usage.ts";
import { pointsBack } from "../points-back.ts";
import { createSideResolver } from "../speaker-side.ts";
import type { SideResolver } from "../side-resolver.ts";
import { type ClassifiedSentence, classifySource } from "./classify-source.ts";
import { collectDealPeople, type DealPeople } from "./deal-people.ts";
import { describeItem } from "./describe-item.ts";
import { fillDetails, findDue } from "./item-details.ts";
import type { ItemFacts } from "./item-facts.ts";
import { findAnswer, findAddressee, findDoubts } from "./read-exchange.ts";
import { stakeholderDetails } from "./stakeholder-details.ts";
import { groupCompetitorItems } from "./group-competitor-items.ts";
import { groupTechnicalItems, replacedSystems } from "./group-technical-items.ts";
import type { SentencePiece } from "./sentence-piece.ts";
import { createSystemCatalog } from "./system-mentions.ts";

const INFO: ExtractorInfo = { kind: "offline", model: "baton-offline-rules-2" };

// Consecutive sentences of one turn on one point become one item, up to this many citations.
const MAX_RUN = 3;
// A promise whose subject points back ("To be clear, this isn't on the order form…") states no promise of its own: it
// belongs to the promise said up to this many sentences before it in the same turn.
const MAX_POINTING_BACK_GAP = 2;

/** The built-in extractor: deterministic cue rules per sentence; every citation is an exact sentence of its source. */
export function createOfflineExtractor(): Extractor {
  return {
    info: INFO,
    async extract(sources) {
      const sideOf = createSideResolver(sources, { fromSpeech: true });
      const people = collectDealPeople(sources, sideOf);
      const items: CandidateItem[] = [];
      const pieces: Record<FiledSection, SentencePiece[]> = { technicalEnvironment: [], competition: [] };
      for (const parsed of sources) {
        const found = extractFromSource(parsed, sideOf, people);
        items.push(...found.items);
        pieces.technicalEnvironment.push(...found.pieces.technicalEnvironment);
        pieces.competition.push(...found.pieces.competition);
      }
      // Technical and competitive lines are filed by the system or the alternative they name, across sources.
      const catalog = createSystemCatalog(sources, people);
      const technical = groupTechnicalItems(pieces.technicalEnvironment, catalog, replacedSystems(items, catalog));
      items.push(...technical.items);
      // A system the technical lines name as the customer's ("We use HubSpot") is not an alternative they weighed.
      const isOwnSystem = (name: string) => catalog.isOwnSystem(name) || technical.ownSystems.has(name.toLowerCase());
      items.push(...groupCompetitorItems(pieces.competition, people, isOwnSystem));
      return { items, usage: { ...NO_USAGE }, info: INFO, refusedSections: [] };
    },
    // Rules on this machine: no call, no token.
    async estimate() {
      return { calls: 0, promptTokens: 0, outputTokens: 0 };
    },
  };
}

type Run = { section: SectionKey; kind?: string; sentences: ClassifiedSentence[]; first: number; last: number };

// Sections whose lines are filed by what they name across the deal (group-technical-items.ts, group-competitor-items.ts).
type FiledSection = "technicalEnvironment" | "competition";
const isFiled = (section: SectionKey): section is FiledSection => section === "technicalEnvironment" || section === "competition";

function extractFromSource(
  parsed: ParsedSource,
  sideOf: SideResolver,
  people: DealPeople,
): { items: CandidateItem[]; pieces: Record<FiledSection, SentencePiece[]> } {
  const sentences = classifySource(parsed, sideOf);
  const runs: Run[] = [];
  // The runs of the current segment by section: a run never goes on into another segment, so the map is emptied
  // when the segment changes instead of keeping a key for every segment of a long call.
  const open = new Map<SectionKey, Run>();
  let openSegment = -1;
  sentences.forEach((sentence, index) => {
    if (sentence.segmentIndex !== openSegment) {
      open.clear();
      openSegment = sentence.segmentIndex;
    }
    for (const found of sentence.classes) {
      if (found.section === "stakeholders" && isAboutSellersOnly(sentence, people)) continue;
      const key = found.section;
      const run = open.get(key);
      if (
        run !== undefined &&
        (extendsRun(run, index, sentences) || pointsBackAtPromise(run, index, sentences)) &&
        run.sentences.length < MAX_RUN &&
        isSamePerson(run, sentence, people, found.kind) &&
        isSameKind(run, found.kind)
      ) {
        run.sentences.push(sentence);
        run.last = index;
        continue;
      }
      const fresh: Run = {
        section: found.section,
        sentences: [sentence],
        first: index,
        last: index,
        ...(found.kind ? { kind: found.kind } : {}),
      };
      open.set(key, fresh);
      runs.push(fresh);
    }
  });
  for (const run of runs) widenRun(run, sentences);
  const items: CandidateItem[] = [];
  const pieces: Record<FiledSection, SentencePiece[]> = { technicalEnvironment: [], competition: [] };
  for (const run of runs) {
    const claimed = sellerClaimSection(run);
    if (claimed === null) continue;
    const section = goesOnFromTechnical(run, pieces.technicalEnvironment) ? "technicalEnvironment" : claimed;
    if (isFiled(section)) {
      run.sentences.forEach((sentence, i) => {
        const index = sentences.indexOf(sentence, run.first + i);
        pieces[section].push({ parsed, sentence, index, ...(run.kind ? { kind: run.kind } : {}) });
      });
      continue;
    }
    items.push(buildCandidate(section === run.section ? run : { ...run, section }, parsed, sentences, people));
  }
  return { items, pieces };
}

/**
 * Account facts come from the customer or the paper. A seller's own line on a call that the account cues
 * caught without naming a contract part ("Week two we train your team…", "So if I'm hearing you right, the
 * core issues are…") is the seller's pitch or recap, not account data: no account item (other cues of the
 * same sentence still file it where it belongs).
 */
function sellerClaimSection(run: Run): SectionKey | null {
  const first = run.sentences[0]!;
  if (first.segment.speaker === null || first.side !== "seller") return run.section;
  // The seller's plan that names none of the customer's systems ("Week one we do the integration and data sync.")
  // says nothing of their stack.
  if (run.section === "technicalEnvironment") {
    const text = run.sentences.map((s) => s.text).join(" ");
    const facts = { section: "technicalEnvironment" as const, text, speaker: null, side: null, named: [], addressee: null };
    return fillDetails(facts).system === null ? null : run.section;
  }
  if (run.section !== "accountOverview") return run.section;
  const text = run.sentences.map((s) => s.text).join(" ");
  if (fillDetails({ section: "accountOverview", text, speaker: null, side: null, named: [], addressee: null }).field !== "other")
    return run.section;
  return null;
}

/**
 * Lines the account cues caught without naming any part of the account ("We set up some basic assignment rules a
 * year ago when we had 4 reps…"), said right after the same person's technical line ("The routing rules in HubSpot
 * are basically nonexistent."), go on describing that system.
 */
function goesOnFromTechnical(run: Run, technical: SentencePiece[]): boolean {
  if (run.section !== "accountOverview") return false;
  const before = technical.at(-1);
  if (before === undefined || before.index !== run.first - 1 || before.sentence.segment.speaker !== run.sentences[0]!.segment.speaker)
    return false;
  const text = run.sentences.map((s) => s.text).join(" ");
  return fillDetails({ section: "accountOverview", text, speaker: null, side: null, named: [], addressee: null }).field === "other";
}

function buildCandidate(run: Run, parsed: ParsedSource, sentences: ClassifiedSentence[], people: DealPeople): CandidateItem {
  const first = run.sentences[0]!;
  const text = run.sentences.map((s) => s.text).join(" ");
  const answer = run.section === "objections" ? findAnswer(sentences, run.last) : null;
  const due = run.section === "promises" ? findDue(text) : null;
  const doubts = due === null ? [] : findDoubts(sentences, run.last, due);
  const facts: ItemFacts = {
    section: run.section,
    text,
    speaker: first.segment.speaker,
    side: first.side,
    named: people.namedIn(text),
    isSellerCompany: people.isSellerCompany,
    addressee: findAddressee(sentences, run.first, people),
    ...(run.kind ? { kind: run.kind } : {}),
    ...(answer ? { answer: { speaker: answer.sentence.segment.speaker, text: answer.sentence.text, resolved: answer.resolved } } : {}),
    // A dated promise that the customer or the seller calls tight right after is worth a second look.
    ...(due !== null ? { looksUnrealistic: doubts.length > 0 } : {}),
  };
  const details = fillDetails(facts);
  const cite = (s: ClassifiedSentence): EvidenceRef => ({ sourceId: parsed.source.id, segmentId: s.segment.id, quote: s.text });
  // Who doubted a dated promise is cited with it: the reviewer sees why it is flagged, in one item.
  const evidence = [...run.sentences.map(cite), ...(answer ? [cite(answer.sentence)] : []), ...doubts.map(cite)];
  return {
    section: run.section,
    statement: describeItem(facts, details, parsed.source.filename),
    details,
    evidence,
    ...(facts.looksUnrealistic ? { flags: ["unrealistic"] } : {}),
  };
}

// "Our deal cycle used to be about 45 days. Now it's pushing 60, sometimes 65.": a line that opens by setting now
// against before ("Now it's…", "These days we…") needs the sentence before it to say what "it" is.
const NOW_AGAINST_BEFORE =
  /^(?:and |but )?(?:now|today|these days|lately|nowadays),?\s+(?:it|it's|they|they're|that|that's|we|we're|our)\b/i;
// "What's the catch? Implementation nightmare? Expensive?": the short questions after a question say what it asks.
const MAX_FOLLOWING_QUESTION_WORDS = 3;
const MAX_FOLLOWING_QUESTIONS = 3;

/** Takes in the same speaker's sentence a run's first line points back to, and the short questions after an objection. */
function widenRun(run: Run, sentences: ClassifiedSentence[]): void {
  const first = run.sentences[0]!;
  const before = sentences[run.first - 1];
  if (
    before !== undefined &&
    before.segmentIndex === first.segmentIndex &&
    before.classes.length === 0 &&
    NOW_AGAINST_BEFORE.test(first.text)
  ) {
    run.sentences.unshift(before);
    run.first -= 1;
  }
  if (run.section !== "objections" || !run.sentences.at(-1)!.text.trim().endsWith("?")) return;
  for (let added = 0; added < MAX_FOLLOWING_QUESTIONS; added += 1) {
    const next = sentences[run.last + 1];
    if (next === undefined || next.segmentIndex !== first.segmentIndex || next.classes.length > 0) return;
    const text = next.text.trim();
    if (!text.endsWith("?") || text.split(/\s+/).length > MAX_FOLLOWING_QUESTION_WORDS) return;
    run.sentences.push(next);
    run.last += 1;
  }
}

// A run goes on over an interjection too short to classify ("Not once.").
function extendsRun(run: Run, index: number, sentences: ClassifiedSentence[]): boolean {
  if (run.last === index - 1) return true;
  const between = sentences[index - 1]!;
  return run.last === index - 2 && between.classes.length === 0 && between.text.split(/\s+/).length < 4;
}

// The runs open are the current segment's: the promise pointed back at is the same speaker's, in the same turn.
function pointsBackAtPromise(run: Run, index: number, sentences: ClassifiedSentence[]): boolean {
  return run.section === "promises" && index - run.last - 1 <= MAX_POINTING_BACK_GAP && pointsBack(sentences[index]!.text);
}

// A risk of another kind said next ("…can't take on the export" then "I don't think March 16 holds") is a risk of its
// own: one item, one kind, and the label says which.
function isSameKind(run: Run, kind: string | undefined): boolean {
  return run.section !== "redFlags" || kind === undefined || run.kind === undefined || run.kind === kind;
}

// Two people introduced one after the other are two stakeholders, not one; "Priya will…", "Sam will…",
// "Nate, could you…" are three people's actions, not one, and so are "I'll send the invite." and "Can you send me…?".
function isSamePerson(run: Run, sentence: ClassifiedSentence, people: DealPeople, kind?: string): boolean {
  if (run.section === "nextSteps" || run.section === "promises") {
    const next = findActor(sentence.text);
    return next === null || run.sentences.every((s) => findActor(s.text) === next);
  }
  if (run.section !== "stakeholders") return true;
  // "Oh, and for anything quick, just text me." after "Gloria Mendez, our CFO": the speaker's own preference.
  const next = findPerson(sentence, people, kind);
  return next === null || run.sentences.some((s) => findPerson(s, people, run.kind) === next);
}

function findActor(text: string): string | null {
  const subject =
    /^(?:[-•*]\s*)?(?:and |also |then )?([A-Z][\w'-]+)(?: [A-Z][\w'-]+)?(?: will|'ll| is going to|, (?:could|can|would) you)\b/.exec(
      text,
    )?.[1];
  if (subject !== undefined) return subject;
  if (/^(?:and )?(?:i'll|i will|we'll|we will)\b/i.test(text)) return "speaker";
  // "Before we hang up, can you send me access to a sample deal?" asks the one spoken to.
  return /\b(?:can|could|would) you\b/i.test(text) ? "addressee" : null;
}

function findPerson(sentence: ClassifiedSentence, people: DealPeople, kind?: string): string | null {
  const facts = {
    section: "stakeholders" as const,
    text: sentence.text,
    speaker: sentence.segment.speaker,
    side: sentence.side,
    ...(kind ? { kind } : {}),
  };
  const name = stakeholderDetails({ ...facts, named: people.namedIn(sentence.text), addressee: null }).name;
  return typeof name === "string" ? name : null;
}

// Titles of the seller's own team (an order form's provider block, a rep's intro) are not stakeholders.
function isAboutSellersOnly(sentence: ClassifiedSentence, people: DealPeople): boolean {
  const named = people.namedIn(sentence.text);
  if (named.length > 0) return named.every((person) => person.side === "seller");
  // In a document, a line under the seller's company name is about the seller's people.
  if (sentence.segment.speaker !== null) return false;
  const companies = people.companiesIn(sentence.text);
  return companies.has("seller") && !companies.has("customer");
}
