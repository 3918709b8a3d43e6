import type { ParsedSource } from "../domain/source.ts";
import type { SourceWarning } from "../domain/draft.ts";

// Mail services whose domain says nothing about the sender's company.
const PERSONAL_MAIL = new Set([
  "gmail",
  "googlemail",
  "hotmail",
  "outlook",
  "live",
  "yahoo",
  "aol",
  "icloud",
  "me",
  "proton",
  "protonmail",
  "gmx",
  "mail",
]);
// Domains of examples and tests, shared by unrelated fixtures.
const PLACEHOLDER_DOMAINS = new Set(["example", "test", "localhost", "invalid", "domain", "email", "company"]);
// A company name found run together inside other words only when this long ("kestrelridge", not "sun").
const MIN_SQUASHED_NAME = 6;
// Labels that name a role, not a person ("Speaker 1", "CSR", "Customer").
const ROLE_LABEL = /\d|^(?:speaker|customer|agent|csr|rep|host|guest|interviewer|moderator|caller|unknown|user|assistant|ae|sdr|csm)$/i;
const COMPANY_SUFFIX = /\b(?:inc|llc|ltd|gmbh|corp|corporation|co|company|group|plc|sa|ag)\b\.?/g;
// Capitalised words that start clauses or name calendar days rather than a subject.
const COMMON_CAPITALS = new Set(
  "the this that these those there then thanks thank hi hello dear best regards yes no okay ok so and but or if when what why how who where we you they he she it my our your their i monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december re fwd fw subject from to cc sent date q1 q2 q3 q4".split(
    " ",
  ),
);
// Fewer shared subject words than this is chance ("Microsoft", "Q2"), not a shared subject.
const MIN_SHARED_SUBJECT = 2;

type Signature = {
  people: Set<string>;
  firstNames: Set<string>;
  companies: Set<string>;
  subject: Set<string>;
  /** The text in lower case, and with everything but letters and digits removed. */
  text: string;
  squashed: string;
};

/** Whether a text names a company: as a word ("corvala"), or run together ("kestrel ridge" for kestrelridge.com). */
function names(signature: Signature, company: string): boolean {
  if (new RegExp(`\\b${company}\\b`).test(signature.text)) return true;
  return company.length >= MIN_SQUASHED_NAME && signature.squashed.includes(company);
}

function squash(name: string): string {
  return name
    .toLowerCase()
    .replace(COMPANY_SUFFIX, "")
    .replace(/[^a-z0-9]/g, "");
}

function signatureOf(parsed: ParsedSource): Signature {
  const people = new Set<string>();
  const firstNames = new Set<string>();
  const companies = new Set<string>();
  const addName = (name: string | null | undefined) => {
    const words = (name ?? "")
      .trim()
      .split(/\s+/)
      .map((word) => word.replace(/[^\p{L}\p{N}'-]+$/u, ""))
      .filter((word) => /^\p{L}/u.test(word));
    if (words.length === 0 || ROLE_LABEL.test(words.join(" ")) || (words.length === 1 && ROLE_LABEL.test(words[0]!))) return;
    if (words.length >= 2) people.add(words.join(" ").toLowerCase());
    firstNames.add(words[0]!.toLowerCase());
  };
  for (const participant of parsed.source.participants) {
    addName(participant.name);
    if (participant.email) {
      people.add(participant.email.toLowerCase());
      const domain = participant.email.split("@")[1]?.split(".").slice(-2, -1)[0]?.toLowerCase();
      if (domain && /^[a-z0-9-]+$/.test(domain) && !PERSONAL_MAIL.has(domain) && !PLACEHOLDER_DOMAINS.has(domain)) companies.add(domain);
    }
    if (participant.company) companies.add(squash(participant.company));
  }
  for (const segment of parsed.segments) addName(segment.speaker);
  const subject = new Set<string>();
  // Names mid-sentence: products, companies, places, people. A sentence's first word says nothing.
  for (const match of parsed.source.text.matchAll(/(?<=[a-z0-9,;:]\s+)[A-Z][A-Za-z0-9&-]{2,}/g)) {
    const word = match[0].toLowerCase();
    if (!COMMON_CAPITALS.has(word)) subject.add(word);
  }
  const text = parsed.source.text.toLowerCase();
  return { people, firstNames, companies, subject, text, squashed: text.replace(/[^a-z0-9]/g, "") };
}

/** Why `mine` belongs with `theirs`, or null when it shares no person, company or subject with them. */
function sharedGround(mine: Signature, theirs: Signature): string | null {
  for (const person of mine.people) if (theirs.people.has(person) || theirs.text.includes(person)) return `person ${person}`;
  for (const name of mine.firstNames) if (theirs.firstNames.has(name)) return `person ${name}`;
  for (const company of mine.companies) if (theirs.companies.has(company) || names(theirs, company)) return `company ${company}`;
  for (const company of theirs.companies) if (names(mine, company)) return `company ${company}`;
  const shared = [...mine.subject].filter((word) => theirs.subject.has(word));
  return shared.length >= MIN_SHARED_SUBJECT ? `subject ${shared.slice(0, 3).join(", ")}` : null;
}

/**
 * Sources that share no person (participant, speaker, email address), company (participant company,
 * email domain, named in the text) or subject (at least two names said mid-sentence: products,
 * places, companies) with the rest of the deal: an unrelated file uploaded by mistake ("off-topic-source").
 * A deal of one source has nothing to compare with, so it is never off-topic; when every source is
 * unrelated to every other, each is named as "unrelated-sources" (nothing says which one is the deal).
 */
export function findOffTopicSources(sources: ParsedSource[]): SourceWarning[] {
  if (sources.length < 2) return [];
  const signatures = sources.map(signatureOf);
  const offTopic = sources.filter((_, at) => {
    const rest = mergeSignatures(signatures.filter((_, other) => other !== at));
    return sharedGround(signatures[at]!, rest) === null;
  });
  // When no source shares anything with any other, nothing says which one is the deal: each is named, none is set aside.
  const unrelated = offTopic.length === sources.length;
  return offTopic.map(({ source }) => ({
    kind: unrelated ? "unrelated-sources" : "off-topic-source",
    sourceId: source.id,
    filename: source.filename,
    message: unrelated
      ? `${source.filename} shares no people, company or subject with any other source of this deal: check that they belong to one deal`
      : `${source.filename} shares no people, company or subject with the deal's other sources: check that it belongs to this deal`,
  }));
}

function mergeSignatures(signatures: Signature[]): Signature {
  const union = <T>(pick: (signature: Signature) => Set<T>) => new Set(signatures.flatMap((signature) => [...pick(signature)]));
  return {
    people: union((s) => s.people),
    firstNames: union((s) => s.firstNames),
    companies: union((s) => s.companies),
    subject: union((s) => s.subject),
    text: signatures.map((s) => s.text).join("\n"),
    squashed: signatures.map((s) => s.squashed).join("|"),
  };
}
