import type { Participant } from "../../domain/source.ts";

// Words that open a job title; what comes before them in "(TribeAI Account Executive)" is the company.
const TITLE_WORDS = new Set([
  "vp",
  "svp",
  "evp",
  "avp",
  "vice",
  "director",
  "head",
  "manager",
  "executive",
  "ae",
  "sdr",
  "bdr",
  "csm",
  "ceo",
  "cto",
  "cfo",
  "coo",
  "cro",
  "cmo",
  "cio",
  "ciso",
  "cpo",
  "chief",
  "president",
  "founder",
  "co-founder",
  "cofounder",
  "owner",
  "partner",
  "engineer",
  "consultant",
  "rep",
  "representative",
  "lead",
  "analyst",
  "architect",
  "specialist",
  "coordinator",
  "officer",
  "admin",
  "administrator",
  "sales",
  "account",
  "solutions",
  "solution",
  "customer",
  "success",
  "support",
  "operations",
  "ops",
  "procurement",
  "buyer",
  "champion",
  "product",
  "marketing",
  "finance",
  "legal",
  "security",
  "it",
  "developer",
  "designer",
  "host",
  "guest",
  "moderator",
  "interviewer",
  "facilitator",
  "organizer",
  "recruiter",
  "associate",
  "intern",
  "advisor",
  "controller",
  "principal",
  "senior",
  "sr",
  "sr.",
  "junior",
  "jr",
  "staff",
  "global",
  "regional",
  "technical",
  "business",
  "implementation",
  "onboarding",
  "project",
  "program",
  "chair",
  "secretary",
  "teacher",
  "professor",
  "prospect",
  "client",
  "revops",
  "it/security",
]);

const MAX_ENTRY_CHARS = 300;
const NAME = /^[\p{L}][\p{L}\p{M}'’. -]{0,59}$/u;
const EMAIL = /<?([^\s<>@,;()]+@[^\s<>@,;()]+\.[^\s<>@,;()]+)>?/;

function splitDescriptor(descriptor: string): { title?: string; company?: string } {
  const text = descriptor.trim().replace(/\s+/g, " ");
  if (text === "") return {};
  const at = /\s(?:at|@)\s/i.exec(text);
  if (at !== null) return withParts(text.slice(0, at.index), text.slice(at.index + at[0].length));
  const comma = text.indexOf(",");
  if (comma !== -1) return withParts(text.slice(0, comma), text.slice(comma + 1));
  const words = text.split(" ");
  const titleStart = words.findIndex((word) => TITLE_WORDS.has(word.toLowerCase()));
  if (titleStart === -1) return { company: text };
  if (titleStart === 0) return { title: text };
  return withParts(words.slice(titleStart).join(" "), words.slice(0, titleStart).join(" "));
}

function withParts(title: string, company: string): { title?: string; company?: string } {
  const t = title.trim();
  const c = company.trim();
  return { ...(t === "" ? {} : { title: t }), ...(c === "" ? {} : { company: c }) };
}

/** Name and descriptor of one entry: "Name (Title, Company)", "Name, Title at Company", "Name - Title". */
function splitEntry(entry: string): { name: string; descriptor: string } {
  const open = entry.indexOf("(");
  if (open > 0) {
    const close = entry.indexOf(")", open);
    return { name: entry.slice(0, open), descriptor: entry.slice(open + 1, close === -1 ? undefined : close) };
  }
  const dash = /\s[-–—|]\s/.exec(entry);
  if (dash !== null) return { name: entry.slice(0, dash.index), descriptor: entry.slice(dash.index + dash[0].length) };
  const separator = /[,:]/.exec(entry);
  if (separator !== null && separator.index > 0) {
    return { name: entry.slice(0, separator.index), descriptor: entry.slice(separator.index + 1) };
  }
  return { name: entry, descriptor: "" };
}

/** One participant from a header entry such as "Sarah Chen (VP Sales, Nextera Health)"; null if it names nobody. */
export function parseParticipantEntry(entry: string): Participant | null {
  // Longer lines are prose; the bound also keeps the unanchored email search cheap.
  if (entry.length > MAX_ENTRY_CHARS) return null;
  let text = entry
    .replaceAll("**", "")
    .replace(/^\s*(?:[-*+•]|\d+[.)])\s+/, "")
    .trim();
  const email = EMAIL.exec(text);
  if (email !== null) text = `${text.slice(0, email.index)}${text.slice(email.index + email[0].length)}`.trim();
  const { name: rawName, descriptor } = splitEntry(text);
  const name = rawName.trim().replace(/\s+/g, " ");
  if (name === "" && email !== null) return { name: email[1]!, email: email[1]! };
  if (!NAME.test(name) || name.split(" ").length > 5) return null;
  return { name, ...(email === null ? {} : { email: email[1]! }), ...splitDescriptor(descriptor) };
}

/** Entries of an inline list: "A (VP, X), B (AE, Y)", "A; B", "A, B and C"; commas inside parentheses stay. */
export function splitParticipantList(value: string): string[] {
  const separator = value.includes(";") ? ";" : ",";
  const entries: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (char === "(") depth++;
    else if (char === ")") depth = Math.max(0, depth - 1);
    else if (char === separator && depth === 0) {
      entries.push(value.slice(start, i));
      start = i + 1;
    }
  }
  entries.push(value.slice(start));
  return entries
    .flatMap((entry) => entry.split(/\s+(?:and|&)\s+(?![^(]*\))/))
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}
