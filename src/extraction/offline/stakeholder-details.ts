import type { ItemFacts } from "./item-facts.ts";

const TITLE_SOURCE =
  "\\b(?:Chief [A-Z]\\w+ Officer|(?:Senior |Associate )?(?:VP|SVP|EVP|Vice President|Director|Head|Manager|Lead)(?: of [A-Z][\\w&]*(?: (?:[A-Z][\\w&]*|and|of))*)?|CFO|CEO|COO|CTO|CIO|CRO|CISO|President|Founder)\\b";
const TITLE = new RegExp(TITLE_SOURCE);
const TITLES = new RegExp(TITLE_SOURCE, "g");
const NAME_BEFORE = /([A-Z][\w'-]+(?: [A-Z][\w'-]+)?),? (?:(?:our|my|the|their|your) )?$/;
const NAME_AFTER = /^,? ([A-Z][\w'-]+(?: [A-Z][\w'-]+)?)/;
const NOT_NAMES = new Set(["I", "I'm", "Our", "The", "And", "So", "But", "For", "We", "My", "Your", "Their", "Hi", "Okay", "Just"]);

// "It's John Smith.", "My name is Lee Park": a speaker under a role label ("Customer") saying who they are.
const SELF_INTRODUCTION =
  /^(?:(?:[Hh]i|[Hh]ello|[Yy]es|[Yy]eah),?\s+)?(?:[Mm]y name is|[Ii]t's|[Ii]t is|[Tt]his is) ([A-Z][a-z]+ [A-Z][a-z'-]+)[.!]?$/;

/** The full name a speaker gives as theirs in a sentence that says only that; null otherwise. */
export function selfIntroduced(text: string): string | null {
  return SELF_INTRODUCTION.exec(text.trim())?.[1] ?? null;
}

/** Name, title, role guess, stance and preferences of the person a stakeholder sentence is about. */
export function stakeholderDetails({ text, speaker, side, named, kind }: ItemFacts): Record<string, unknown> {
  const titled = findTitledPerson(text, named);
  // "Just text me", "this is the one I care about": the speaker talks about themselves.
  const aboutSpeaker = kind === "preference" && side !== "seller" ? speaker : null;
  const mentioned = named.find((p) => p.side !== "seller" && !isVocative(text, p.name));
  const introducing = speaker !== null && side !== "seller" && text.includes(speaker.split(/\s+/)[0]!) ? speaker : null;
  const name = titled?.name ?? aboutSpeaker ?? mentioned?.name ?? introducing ?? (side !== "seller" ? selfIntroduced(text) : null);
  const title = titled?.title ?? (name === null ? (TITLE.exec(text)?.[0] ?? null) : null);
  const lower = text.toLowerCase();
  const stance = /\b(?:not sold|skeptic\w*|heard (?:this|that) before|not going to)\b/.test(lower)
    ? "skeptical"
    : /\b(?:excited|care about|sponsoring|love|champion|good with it|on board|bought in)\b/.test(lower)
      ? "supportive"
      : "unknown";
  const contact = kind === "preference" && /\b(?:text|call|email|send it to me|reach|desk|slack)\b/i.test(text) ? text : null;
  return {
    name,
    title,
    role: guessRoleFromTitle(title) ?? guessRoleFromText(titled ? findSentenceWith(text, titled.title).toLowerCase() : lower),
    stance,
    caresAbout: saysWhatTheyCareAbout(text) ? text : null,
    contactPreferences: contact,
  };
}

/**
 * "I care about the SLA report" says what; "this is the one I care about" leans on what was said before, and read
 * alone on a brief's "cares about" line it says nothing (the item keeps the quote).
 */
function saysWhatTheyCareAbout(text: string): boolean {
  if (!/\bcare about\b/i.test(text)) return false;
  return !/\b(?:this|that|it)(?: is|'s) (?:the (?:one|thing|part)|what)\b[^.!?]*\bcare about\b/i.test(text);
}

// Other people in the same turn ("…and Keisha, who runs one of our pods") say nothing about the titled person's role.
function findSentenceWith(text: string, fragment: string): string {
  return text.split(/(?<=[.!?])\s+/).find((sentence) => sentence.includes(fragment)) ?? text;
}

/** A title written right next to a name ("Gloria Mendez, our CFO", "our Head of SDRs, Marcus Johnson"). */
function findTitledPerson(text: string, named: ItemFacts["named"]): { name: string; title: string } | null {
  for (const match of text.matchAll(TITLES)) {
    const before = NAME_BEFORE.exec(text.slice(0, match.index))?.[1];
    const after = NAME_AFTER.exec(text.slice(match.index + match[0].length))?.[1];
    for (const candidate of [before, after]) {
      if (candidate === undefined || NOT_NAMES.has(candidate.split(" ")[0]!)) continue;
      const known = named.find((p) => p.name === candidate || p.name.split(/\s+/)[0] === candidate.split(" ")[0]);
      if (known !== undefined) return { name: known.name, title: match[0] };
      if (candidate.includes(" ")) return { name: candidate, title: match[0] };
    }
  }
  return null;
}

// "Gloria, I'll be honest" speaks to Gloria; "Gloria, our CFO" is about her.
function isVocative(text: string, name: string): boolean {
  const first = name.split(/\s+/)[0]!;
  for (const form of [name, first]) {
    if (!text.startsWith(`${form}, `)) continue;
    const rest = text.slice(form.length + 2);
    return !/^(?:our|my|the|who)\b/i.test(rest) && TITLE.exec(rest)?.index !== 0;
  }
  return false;
}

function guessRoleFromTitle(title: string | null): string | null {
  if (title === null) return null;
  if (/\b(?:CFO|Chief Financial|Finance)\b/i.test(title)) return "economicBuyer";
  if (/\b(?:CEO|COO|Chief Executive|Chief Operating|President|Founder)\b/i.test(title)) return "executiveSponsor";
  if (/\b(?:CTO|CIO|CISO|Chief (?:Technology|Information|Security)|IT|Security|Engineering)\b/.test(title)) return "technicalContact";
  return null;
}

function guessRoleFromText(lower: string): string {
  if (/\b(?:signatory|signs anything|billing contact|budget holder|economic buyer)\b/.test(lower)) return "economicBuyer";
  if (/\bsponsor\w*/.test(lower)) return "executiveSponsor";
  if (/\btechnical contact\b/.test(lower)) return "technicalContact";
  if (/\b(?:champion|primary administrator)\b/.test(lower)) return "champion";
  if (/\b(?:decision[- ]?maker|my decision|decision is mine|sign-off)\b/.test(lower)) return "decisionMaker";
  if (/\b(?:skeptic\w*|not sold|blocker)\b/.test(lower)) return "blocker";
  if (/\b(?:team lead|who runs|end users?)\b/.test(lower)) return "endUser";
  return "other";
}
