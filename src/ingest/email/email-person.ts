/** A sender or recipient as an email shows it: a display name, an address, or both. */
export type EmailPerson = { name?: string; email?: string };

// Each part is anchored by a literal "@" or ".", so the engine never re-splits a run.
const EMAIL_PATTERN = /[\w.+'%-]+@[\w-]+(?:\.[\w-]+)+/;
const BRACKETED_EMAIL = /[<[(]\s*(?:mailto:)?[^<>[\]()\s]*@[^<>[\]()\s]*\s*[>\])]/g;
// Header values can be any length; a sender is never longer than this, and the cap keeps
// the patterns below linear.
const MAX_PERSON_TEXT = 500;
const BARE_EMAIL = /(?:mailto:)?[\w.+'%-]+@[\w-]+(?:\.[\w-]+)+/g;

/** The first email address in a text, lower-cased. */
export function findEmail(text: string): string | undefined {
  return EMAIL_PATTERN.exec(text)?.[0].replace(/\.+$/, "").toLowerCase();
}

/** Parses "Name <a@b.c>", "Name [mailto:a@b.c]", "\"Last, First\" <a@b.c>" or a bare address. */
export function parsePersonText(input: string): EmailPerson {
  // Outlook's "Assistant [mailto:a@x.com] On Behalf Of Manager": the first person wrote it.
  const text = input.slice(0, MAX_PERSON_TEXT).split(/\s+on behalf of\s+/i, 1)[0] ?? input;
  const email = findEmail(text);
  const quoted = /"([^"]{1,120})"/.exec(text)?.[1];
  let name = quoted ?? text.replace(BRACKETED_EMAIL, " ").replace(BARE_EMAIL, " ");
  name = name
    .replace(/[<>[\]"]/g, " ")
    .replace(/\s+/g, " ")
    .replace(/^[\s,;:'-]+|[\s,;:'-]+$/g, "");
  const person: EmailPerson = {};
  if (name !== "" && !name.includes("@") && name.length <= 80) person.name = name;
  if (email !== undefined) person.email = email;
  return person;
}

/** The label a segment shows for a sender: the display name as written, else the address. */
export function speakerFor(person: EmailPerson | null): string | null {
  return person?.name ?? person?.email ?? null;
}

/** A readable name from an address when the email gives none: "jane.doe@x.com" becomes "Jane Doe". */
export function nameFromAddress(email: string): string {
  const local = email.split("@")[0] ?? email;
  const words = local
    .split(/[._-]+/)
    .filter((word) => /^\p{L}+$/u.test(word))
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  return words.length > 0 ? words.join(" ") : email;
}

/** True when two people are the same by address, or by name when either lacks an address. */
export function isSamePerson(a: EmailPerson, b: EmailPerson): boolean {
  if (a.email !== undefined && b.email !== undefined) return a.email === b.email;
  return a.name !== undefined && b.name !== undefined && a.name.toLowerCase() === b.name.toLowerCase();
}
