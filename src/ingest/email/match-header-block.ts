import { type EmailPerson, parsePersonText } from "./email-person.ts";

/** A quoted message's header block ("From: … Sent: … To: … Subject: …"), as Outlook and forwards write it. */
type HeaderBlock = { person: EmailPerson; dateText: string; next: number };

type Field = "from" | "date" | "to" | "cc" | "subject";

const FIELD_WORDS: [Field, string][] = [
  ["from", "from von de van da от fra från od kimden lähettäjä feladó"],
  [
    "date",
    "date sent datum envoyé enviado enviada inviato verzonden отправлено дата sendt skickat gesendet data fecha wysłano gönderildi lähetetty",
  ],
  ["to", "to an à a para aan кому til till do kime vastaanottaja"],
  ["cc", "cc kopie copie копия kopia"],
  ["subject", "subject betreff objet asunto oggetto onderwerp тема emne ämne assunto temat konu aihe"],
];
const FIELDS = new Map<string, Field>();
for (const [field, words] of FIELD_WORDS) for (const word of words.split(" ")) FIELDS.set(word, field);

const MESSAGE_MARKER =
  /^[\s>]*-{2,}\s*(?:original message|reply message|forwarded message|ursprüngliche nachricht|weitergeleitete nachricht|message d'origine|message transféré|mensaje original|mensaje reenviado|messaggio originale|messaggio inoltrato|oorspronkelijk bericht|doorgestuurd bericht|исходное сообщение|пересылаемое сообщение|oprindelig meddelelse|opprinnelig melding|ursprungligt meddelande|wiadomość oryginalna|mensagem original|mensagem encaminhada)\s*-{2,}\s*$/i;
const FORWARD_INTRO =
  /^\s*(?:begin forwarded message|début du message réexpédié|anfang der weitergeleiteten nachricht|inicio del mensaje reenviado)\s*:\s*$/i;
const RULE_LINE = /^\s*[-_=—–*]{5,}\s*$/;
const MAX_BLOCK_LINES = 16;

/** Splits "*From:* Bob" into its canonical field and value; null for any other line. */
function readField(line: string): { field: Field; value: string } | null {
  const colon = line.indexOf(":");
  if (colon < 1 || colon > 32) return null;
  const key = line
    .slice(0, colon)
    .replace(/[*_\s\u200e\u200f]/g, "")
    .toLowerCase();
  const field = FIELDS.get(key);
  if (field === undefined) return null;
  return {
    field,
    value: line
      .slice(colon + 1)
      .replace(/^[\s*_]+/, "")
      .trim(),
  };
}

/** True for "-----Original Message-----", "Begin forwarded message:" and their translations. */
export function isMessageMarker(line: string): boolean {
  return MESSAGE_MARKER.test(line) || FORWARD_INTRO.test(line);
}

/**
 * Matches a header block at lines[start], optionally after a separator ("-----Original Message-----",
 * a rule line, "Begin forwarded message:"). A bare block needs From plus two other fields, so a
 * sentence that happens to start with "From:" is not taken for one.
 */
export function matchHeaderBlock(lines: readonly string[], start: number): HeaderBlock | null {
  let i = start;
  const first = lines[i] ?? "";
  const marker = isMessageMarker(first);
  const separated = marker || RULE_LINE.test(first);
  if (separated) {
    i++;
    while (i < lines.length && i < start + 3 && (lines[i] ?? "").trim() === "") i++;
  }
  const fields = new Map<Field, string>();
  let last: Field | null = null;
  let continued = 0;
  for (; i < lines.length && i < start + MAX_BLOCK_LINES; i++) {
    const line = lines[i] ?? "";
    if (line.trim() === "") break;
    const read = readField(line);
    if (read !== null) {
      if (!fields.has(read.field)) fields.set(read.field, read.value);
      last = read.field;
      continue;
    }
    // Long recipient lists wrap onto a second line.
    if ((last === "to" || last === "cc") && continued < 2) {
      fields.set(last, `${fields.get(last) ?? ""} ${line.trim()}`);
      continued++;
      continue;
    }
    break;
  }
  const enough = fields.has("from") && fields.size >= (separated ? 2 : 3);
  if (!enough && !marker) return null;
  while (i < lines.length && (lines[i] ?? "").trim() === "") i++;
  return { person: parsePersonText(fields.get("from") ?? ""), dateText: fields.get("date") ?? "", next: i };
}
