import { replaceNumberWords } from "../read-numbers.ts";
import { DAY_PHRASE, SYSTEMS } from "./cue-vocabulary.ts";
import type { ItemFacts } from "./item-facts.ts";
import { stakeholderDetails } from "./stakeholder-details.ts";

const SEVERITY: Record<string, "low" | "medium" | "high"> = {
  budget: "high",
  organisation: "high",
  legal: "high",
  contradiction: "high",
  stakeholder: "medium",
  timeline: "medium",
  technical: "medium",
  expectations: "medium",
  other: "low",
};

/** The section-specific details of an item, read only from its own sentences and speakers. */
export function fillDetails(facts: ItemFacts): Record<string, unknown> {
  const { text, speaker } = facts;
  const due = findDue(text);
  switch (facts.section) {
    case "promises":
      return {
        what: text,
        promisedBy: speaker,
        promisedTo: facts.addressee,
        due,
        explicit: /\b(?:i'll|i will|we'll|we will|will be|i can|we can|you'll have|commit(?:ment|ted)?|promise|guarantee)\b/i.test(text),
        looksUnrealistic: facts.looksUnrealistic ?? false,
      };
    case "objections":
      return {
        concern: text,
        raisedBy: speaker,
        answer: facts.answer?.text ?? null,
        resolved: facts.answer?.resolved ?? (/\b(?:still|open questions?)\b/i.test(text) ? "no" : "unknown"),
      };
    case "nextSteps":
      return { action: text, owner: findOwner(facts), due };
    case "redFlags": {
      const kind = facts.kind ?? "other";
      return { risk: text, severity: SEVERITY[kind] ?? "low", kind };
    }
    case "stakeholders":
      return stakeholderDetails(facts);
    case "politicalDynamics":
      return { involves: [...new Set([...(speaker ? [speaker] : []), ...facts.named.map((p) => p.name)])].slice(0, 6) };
    case "competition":
      return { competitor: findCompetitor(text, facts), kind: facts.kind ?? "alternativeEvaluated" };
    case "technicalEnvironment":
      return { system: SYSTEM.exec(text)?.[0] ?? null, kind: classifyTech(text) };
    case "successCriteria":
      return { horizon: findHorizon(text), metric: null };
    case "whyTheyBought":
      return { kind: facts.kind ?? "pain" };
    case "accountOverview":
      return { field: classifyAccountField(text), value: text.slice(0, 200) };
  }
}

/**
 * The day a sentence names, as written ("Thursday, February 5"), or null. A day after "by", "before" and the like is
 * the due date even when another day comes first ("the plan with the March 16 milestones by February 11").
 */
export function findDue(text: string): string | null {
  const byDay = findByDay(text);
  if (byDay !== null) return byDay;
  const match = DAY_PHRASE.exec(text);
  return match === null ? null : (match[1] ?? match[2] ?? null);
}

/** The day after "by", "before", "no later than" or "on or before", as written, or null. */
export function findByDay(text: string): string | null {
  for (const by of text.matchAll(BY_PHRASE)) {
    const match = DAY_PHRASE.exec(`by ${by[1]}`);
    if (match?.index === 0) return match[1] ?? match[2] ?? null;
  }
  return null;
}

const BY_PHRASE = /\b(?:by|before|no later than|on or before) ([^.,;?!]{3,40})/gi;

function findOwner({ text, speaker, addressee, named }: ItemFacts): string | null {
  const subject = /^(?:and |also |then )?([A-Z][\w'-]+)(?: [A-Z][\w'-]+)? (?:will|'ll|is going to)\b/.exec(text)?.[1];
  if (subject !== undefined && subject !== "I" && subject !== "We") {
    return named.find((p) => p.name.split(/\s+/)[0] === subject)?.name ?? subject;
  }
  if (/\b(?:could|can|would|will) you\b|^(?:and )?(?:please |send (?:me|us))/i.test(text)) {
    // "Nate, could you…" asks Nate; "Anyway, can you…" asks whoever spoke last on the other side.
    const vocative = /^([A-Z][\w'-]+),/.exec(text)?.[1];
    return named.find((p) => p.name.split(/\s+/)[0] === vocative)?.name ?? addressee;
  }
  return /\b(?:i'll|i will|i can|i'm going to|we'll|we will)\b/i.test(text) ? speaker : null;
}

const SYSTEM = new RegExp(`\\b(?:${SYSTEMS})\\b`, "i");
// Words that open a sentence in capitals without naming anything.
const STARTERS = new Set([
  "I",
  "I'm",
  "I'd",
  "I've",
  "I'll",
  "We",
  "We're",
  "We've",
  "And",
  "But",
  "So",
  "Or",
  "The",
  "Our",
  "Your",
  "Their",
  "They",
  "It",
  "It's",
  "That",
  "That's",
  "This",
  "If",
  "When",
  "Okay",
  "Yeah",
  "Well",
  "Honestly",
  "Also",
  "Then",
  "Just",
  "Maybe",
  "Probably",
  "Plus",
  "Because",
]);

function findCompetitor(text: string, { named, isSellerCompany }: ItemFacts): string | null {
  const people = new Set(named.flatMap((p) => [p.name, p.name.split(/\s+/)[0]!]));
  for (const match of text.matchAll(/[A-Z][\w-]*(?:'s)?(?: [A-Z][\w-]*)*/g)) {
    let words = match[0].replace(/'s$/, "").split(" ");
    // "Your Shipment Exceptions module" is the seller's product; "Our Analytics team" the customer's own.
    if (words[0] === "Your" || words[0] === "Our") continue;
    while (words.length > 0 && STARTERS.has(words[0]!)) words = words.slice(1);
    const name = words.join(" ");
    if (name === "" || people.has(name) || people.has(words[0]!) || isSellerCompany?.(name) || isShouted(name)) continue;
    return name;
  }
  return null;
}

// "what the process SHOULD be": a word in capitals for stress, not a name (names in capitals are short: SAP, AWS).
function isShouted(name: string): boolean {
  return /^[A-Z]{5,}$/.test(name);
}

function classifyTech(text: string): string {
  if (/\bmigrat\w+|import|export|history|tickets\b/i.test(text)) return "migration";
  if (/\b(?:sso|saml|scim|okta|soc ?2|security|firewall|pen test|retention|questionnaire)\b/i.test(text)) return "security";
  if (/\b(?:access|port|vpn|vm)\b/i.test(text)) return "access";
  if (/\b(?:integrat\w+|connector|sync|api|relay|webhook)\b/i.test(text)) return "integration";
  return "currentStack";
}

function findHorizon(text: string): string {
  if (/\b(?:30|thirty)[- ]days?\b|first (?:two|2|few) weeks|first month/i.test(text)) return "30days";
  if (/\b(?:90|ninety)[- ]days?\b|first quarter/i.test(text)) return "90days";
  if (/\b(?:year|renewal|long[- ]term)\b/i.test(text)) return "longTerm";
  return "unspecified";
}

function classifyAccountField(text: string): string {
  const lower = replaceNumberWords(text).toLowerCase();
  if (/\b\d[\d,]* (?:[\w-]+ ){0,2}(?:seats|licen[cs]es|users)\b/.test(lower)) return "seats";
  if (/total contract value|\btcv\b|\bacv\b/.test(lower)) return "contractValue";
  if (/\brenewal date\b/.test(lower)) return "renewalDate";
  if (/\bstart date\b|contract start|subscription term|order date/.test(lower)) return "contractStart";
  if (/signature date|\bsigned\b/.test(lower)) return "signatureDate";
  if (/\bseries [a-e]\b|\b(?:seed|funding) round\b|\bwent public\b|\bipo\b/.test(lower)) return "growthStage";
  if (/\bindustry\b|we're an? /.test(lower)) return "industry";
  if (/employees|people|terminals|locations|company size/.test(lower)) return "size";
  if (/\b(?:billing|payment terms|net \d+|renewal (?:price|increase)|invoic\w+)\b/.test(lower)) return "terms";
  if (/\$|price|per (?:seat|user|year)|discount|net \d+|payment|percent|%|fee/.test(lower)) return "pricing";
  if (/\b(?:plan|module|product|edition)\b|\b(?:you|we|i) (?:booked|bought|purchased|ordered|signed up for|subscribed to)\b/.test(lower))
    return "products";
  return "other";
}
