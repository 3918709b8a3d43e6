import { type EmailPerson, findEmail, parsePersonText } from "./email-person.ts";
import { quoteLevel } from "./quote-level.ts";

/**
 * A quote header such as "On Tue, Apr 3, 2012 at 4:19 PM, Bob <bob@x.com> wrote:". A weak one
 * ("Marc Slemko wrote:", no date) counts only when quoted lines follow it.
 */
type Attribution = { person: EmailPerson; dateText: string; next: number; weak: boolean };

// "On … wrote:" in the languages mail clients ship; verbs are matched at the end of the header.
const OPENER = /^(?:on|le|am|em|el|il giorno|il|op|på|den|w dniu|vào|dne|el día)\s/i;
const END_VERB =
  /(?:^|[\s>"'])(wrote|writes|a écrit|schrieb|escreveu|escribió|ha scritto|scrisse|schreef|geschreven|skrev|napisał|napisała|pisze|đã viết|napsal|napsala|kirjoitti|yazdı|написал|написала|пишет)$/i;
const MID_VERB = /\s(schrieb|skrev|napisał|escribió|escreveu|wrote)\s+(\S.*)$/i;
const TIME_TOKEN =
  /\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\b\.?)?(?:\s*(?:gmt|utc)?\s*[+-]\d{1,2}:?\d{2})?(?:\s*\(?(?:gmt|utc|[ecmp][sd]t|bst|cest|cet|eest|eet|msk|ist|jst)\)?(?!\p{L}))?/giu;
const HAS_TIME = /\d{1,2}:\d{2}/;
const STARTS_WITH_DATE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b/;
const WEAK_HEADER = /^(\S.{0,80}?)\s(?:wrote|writes|a écrit|schrieb|escribió|ha scritto|skrev|написал|написала)\s?:$/i;
const LEADING_WORDS = /^[\s,]*(?:пользователь|от|użytkownik|from|de)\s+/i;
const MAX_HEADER_LENGTH = 300;

function splitDateAndPerson(body: string): { dateText: string; personText: string } {
  let cut = -1;
  for (const match of body.matchAll(TIME_TOKEN)) cut = match.index + match[0].length;
  if (cut < 0) {
    const quote = body.indexOf('"');
    const comma = body.lastIndexOf(",", quote >= 0 ? quote : body.length);
    cut = Math.max(comma, 0);
  }
  return { dateText: body.slice(0, cut), personText: body.slice(cut).replace(LEADING_WORDS, "") };
}

/** Reads date and sender out of a joined quote header, or null when it is not one. */
function readHeader(joined: string): Omit<Attribution, "next" | "weak"> | null {
  let body = joined.replace(/\s*:$/, "").replace(/^[-\s]+/, "");
  const opener = OPENER.exec(body);
  const verb = END_VERB.exec(body);
  if (opener !== null) {
    body = body.slice(opener[0].length);
    const mid = verb === null ? MID_VERB.exec(body) : null;
    if (mid !== null) return { person: parsePersonText(mid[2] ?? ""), dateText: body.slice(0, mid.index) };
    if (verb === null || !/\d/.test(body)) return null;
  } else {
    // Without "On", a header needs a date ("26.06.2014, 14:41, "Al" <a@x>:", "2008/7/11 Al <a@x>:")
    // and an address or a verb.
    if (!HAS_TIME.test(body) && !STARTS_WITH_DATE.test(body)) return null;
    if (verb === null && findEmail(body) === undefined) return null;
  }
  // Cut the verb only: what precedes it may be the address ("<a@b.c>wrote:").
  if (verb !== null) body = body.slice(0, body.length - (verb[1] ?? "").length);
  body = body.replace(/\s+$/, "");
  const dutch = /\sheeft\s(.+?)\shet volgende$/i.exec(body);
  if (dutch !== null) return { person: parsePersonText(dutch[1] ?? ""), dateText: body.slice(0, dutch.index) };
  const { dateText, personText } = splitDateAndPerson(body);
  return { person: parsePersonText(personText), dateText };
}

/** "Marc Slemko wrote:" on one line, without a date. */
function matchWeak(line: string, start: number): Attribution | null {
  if (!line.endsWith(":")) return null;
  const weak = WEAK_HEADER.exec(line);
  if (weak === null || /[.!?]/.test(weak[1] ?? "")) return null;
  return { person: parsePersonText(weak[1] ?? ""), dateText: "", next: start + 1, weak: true };
}

/**
 * Matches a quote header starting at lines[start], written on one to three lines
 * (clients wrap long ones: "On …, Name\n<a@b.c>\nwrote:"). Quoted lines never start one.
 */
export function matchAttribution(lines: readonly string[], start: number): Attribution | null {
  const first = (lines[start] ?? "").trim();
  // A wrapped header starts with its opener or its date, never with a line of the message.
  if (!OPENER.test(first) && !/^[-\d]/.test(first) && !/\d/.test(first.slice(0, 40))) return matchWeak(first, start);
  const window: string[] = [];
  for (let k = 0; k < 3 && start + k < lines.length; k++) {
    const line = (lines[start + k] ?? "").trim();
    if (line === "" || quoteLevel(line) > 0) return null;
    window.push(line);
    if (!line.endsWith(":")) continue;
    const joined = window.join(" ");
    if (joined.length > MAX_HEADER_LENGTH) return null;
    const header = readHeader(joined);
    if (header !== null) return { ...header, next: start + k + 1, weak: false };
  }
  return matchWeak(first, start);
}
