import type { EmailPerson } from "./email-person.ts";

const CLOSINGS = [
  "thanks",
  "thank you",
  "thanks again",
  "thanks so much",
  "many thanks",
  "thanks in advance",
  "thx",
  "ty",
  "best",
  "best regards",
  "kind regards",
  "warm regards",
  "warmest regards",
  "regards",
  "cheers",
  "sincerely",
  "yours",
  "yours truly",
  "best wishes",
  "all the best",
  "talk soon",
  "take care",
  "merci",
  "cordialement",
  "bien à vous",
  "grüße",
  "viele grüße",
  "beste grüße",
  "liebe grüße",
  "mit freundlichen grüßen",
  "mfg",
  "saludos",
  "un saludo",
  "atentamente",
  "cumprimentos",
  "obrigado",
  "groeten",
  "met vriendelijke groet",
  "с уважением",
  "спасибо",
];
const CLOSING = new RegExp(`^[-–—\\s]*(?:${CLOSINGS.join("|")})[\\s,.!]*$`, "i");

// "Sent from my iPhone" and kin; a comma or a longer phrase means a sentence, which stays.
const MOBILE_FOOTER =
  /^(?:sent from my(?: [\p{L}\d]+){1,4}|sent from (?:mail|outlook|yahoo mail|aol mobile mail|samsung mobile)(?: for [\p{L}\d ]{1,20})?|get outlook for (?:ios|android)|sent with sparrow.*|envoyé de mon(?: [\p{L}]+){1,3}|von meinem(?: [\p{L}]+){1,3} gesendet|enviado desde mi(?: [\p{L}]+){1,3}|inviato dal? mio(?: [\p{L}]+){1,3})$/iu;

const SIGNATURE_DELIMITER = /^--[ \u00a0]$/;
const LOOSE_SIGNATURE_DELIMITER = /^--\s*$/;
const FOOTER_RULE = /^\s*(?:[-_=]{3,}|[—–])\s*$/;
const FOOTER_HINT =
  /unsubscribe|mailing list|listinfo|reply to this email|you are receiving this|view it on github|notification settings|to stop receiving/i;
const DASH_NAME = /^(?:--?|[~–—])\s?\p{Lu}[\p{L}'.]*(?:\s\p{Lu}[\p{L}'.]*){0,2}$/u;
// Notification footers that end a message without a rule line above them.
const NOTIFICATION_FOOTER = /^(?:reply to this email directly|you are receiving this because|view it on github)/i;

export function isClosing(line: string): boolean {
  return CLOSING.test(line.trim());
}

export function isMobileFooter(line: string): boolean {
  return MOBILE_FOOTER.test(line.trim());
}

/** "-- " exactly (RFC 3676); "loose" also accepts "--" as clients trim the space. */
export function isSignatureDelimiter(line: string, loose = false): boolean {
  return (loose ? LOOSE_SIGNATURE_DELIMITER : SIGNATURE_DELIMITER).test(line);
}

export function isFooterRule(line: string): boolean {
  return FOOTER_RULE.test(line);
}

export function hasFooterHint(line: string): boolean {
  return FOOTER_HINT.test(line);
}

export function isNotificationFooter(line: string): boolean {
  return NOTIFICATION_FOOTER.test(line.trim());
}

/** A line a signature block may hold: a name, a title, a phone number, an address; not a sentence. */
export function isContactLine(line: string): boolean {
  const text = line.trim();
  if (text.length > 90 || /^p\.?\s?s\b/i.test(text) || /\?$/.test(text)) return false;
  return text.split(/\s+/).length <= 9;
}

/** "Nate", "Nate Brennan", "-Abhishek Kona", "~NB": a sign-off naming the author (or any "-Name"). */
export function isSignOffName(line: string, author: EmailPerson | null): boolean {
  const text = line.trim();
  if (text === "" || text.length > 60) return false;
  if (DASH_NAME.test(text)) return true;
  const name = author?.name?.toLowerCase().replace(/"/g, "").trim();
  if (name === undefined || name === "") return false;
  const bare = text
    .replace(/^(?:--?|[~–—])\s?/, "")
    .replace(/[,.]$/, "")
    .toLowerCase();
  if (bare === "") return false;
  // "Watson, Dan" signs as "Dan"; "Dan Watson" signs as "Dan" or "Dan Watson".
  const parts = name.includes(",")
    ? name
        .split(",")
        .map((p) => p.trim())
        .reverse()
    : name.split(/\s+/);
  const initials = parts.map((p) => p.charAt(0)).join("");
  return bare === name || bare === parts.join(" ") || bare === parts[0] || (initials.length > 1 && bare === initials);
}
