import PostalMime, { type Address, addressParser, type Email, type Mailbox } from "postal-mime";
import type { IngestLimits } from "../../config.ts";
import { AppError } from "../../errors.ts";
import { checkMimeLimits } from "./check-mime-limits.ts";
import type { EmailPerson } from "./email-person.ts";
import { htmlBodyToText } from "./html-body-to-text.ts";
import { neutralizeFlowed } from "./neutralize-flowed.ts";
import { readHeaderOffset } from "./parse-loose-date.ts";
import { readPlainBody } from "./read-plain-body.ts";

/** What the thread parser needs from one MIME message. */
export type MimeMessage = {
  from: EmailPerson | null;
  to: EmailPerson[];
  cc: EmailPerson[];
  subject?: string;
  occurredAt?: string;
  /** Zone offset of the Date header, used for quote-header dates that carry none. */
  offsetMinutes?: number;
  messageId?: string;
  /** The body as plain text (from text/plain, else converted from text/html), "\n" line endings. */
  body: string;
  /** Attached messages (message/rfc822, forwards as attachment), still raw. */
  attachedMessages: Uint8Array[];
};

const LATIN1 = new TextDecoder("latin1");
const ENCRYPTED_TYPE = /multipart\/encrypted|application\/(?:x-)?pkcs7-mime|application\/pgp-encrypted/i;

function mailboxesOf(address: Address): Mailbox[] {
  return address.group === undefined ? [address] : address.group;
}

function peopleOf(addresses: Address[] | Address | undefined): EmailPerson[] {
  const list = addresses === undefined ? [] : Array.isArray(addresses) ? addresses : [addresses];
  return list.flatMap(mailboxesOf).flatMap((mailbox) => {
    const person: EmailPerson = {};
    const name = mailbox.name?.replace(/\s+/g, " ").trim();
    if (name) person.name = name;
    if (mailbox.address?.includes("@")) person.email = mailbox.address.toLowerCase();
    // List archives obfuscate addresses as "jane at example.com".
    const obfuscated = /^([\p{L}\p{N}.+_-]+) at ([\w-]+(?:\.[\w-]+)+)$/u.exec(person.name ?? "");
    if (person.email === undefined && obfuscated !== null) {
      person.email = `${obfuscated[1]}@${obfuscated[2]}`.toLowerCase();
      delete person.name;
    }
    return person.name === undefined && person.email === undefined ? [] : [person];
  });
}

/** The raw From header of a message read as latin1, unfolded. */
function rawFromHeader(latin1: string): string | undefined {
  const end = latin1.search(/\r?\n\r?\n/);
  const match = /^from:[ \t]*(.*(?:\r?\n[ \t].*)*)/im.exec(latin1.slice(0, end < 0 ? 65536 : Math.min(end, 65536)));
  return match?.[1]?.replace(/\r?\n[ \t]+/g, " ");
}

// A display name sent as raw 8-bit bytes ("Ingo L\xfctkebohle") is not UTF-8: read it as latin1.
function repairName(person: EmailPerson | null, latin1: string): EmailPerson | null {
  if (person?.name === undefined || !person.name.includes("\ufffd")) return person;
  const raw = rawFromHeader(latin1);
  const repaired = raw === undefined ? undefined : peopleOf(addressParser(raw))[0];
  return repaired === undefined || repaired.name?.includes("\ufffd") ? person : repaired;
}

function headerValue(email: Email, key: string): string | undefined {
  return email.headers.find((header) => header.key === key)?.value;
}

async function parseWithPostalMime(bytes: Uint8Array, limits: IngestLimits): Promise<Email> {
  try {
    return await PostalMime.parse(bytes, {
      maxNestingDepth: limits.mimeMaxDepth + 1,
      forceRfc822Attachments: true,
      attachmentEncoding: "arraybuffer",
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : "";
    if (/nesting depth|header size/i.test(reason)) {
      throw new AppError({ code: "LIMIT_EXCEEDED", message: `email rejected: ${reason}`, cause: error });
    }
    throw new AppError({ code: "INVALID_INPUT", message: "could not read this email's MIME structure", cause: error });
  }
}

/**
 * Reads one raw email (RFC 5322 bytes) with postal-mime after checking its MIME limits.
 * Throws INVALID_INPUT for encrypted mail and for mail without body text.
 */
export async function readMimeMessage(bytes: Uint8Array, limits: IngestLimits): Promise<MimeMessage> {
  const latin1 = LATIN1.decode(bytes);
  checkMimeLimits(latin1, limits);
  const mimeBytes = neutralizeFlowed(bytes);
  // Plain single-part mail has its body decoded without postal-mime, which still reads every header.
  const plain = readPlainBody(mimeBytes);
  const email = await parseWithPostalMime(plain === null ? mimeBytes : plain.header, limits);
  const rawBody = plain !== null ? plain.text : email.text?.trim() ? email.text : email.html ? await htmlBodyToText(email.html) : "";
  const body = rawBody.replace(/\r\n?/g, "\n");
  if (ENCRYPTED_TYPE.test(headerValue(email, "content-type") ?? "") || body.includes("-----BEGIN PGP MESSAGE-----")) {
    throw new AppError({ code: "INVALID_INPUT", message: "this email is encrypted (S/MIME or PGP); upload a decrypted copy" });
  }
  const attachedMessages = email.attachments
    .filter((attachment) => attachment.mimeType === "message/rfc822" && typeof attachment.content !== "string")
    .map((attachment) => new Uint8Array(attachment.content as ArrayBuffer));
  if (body.trim() === "" && attachedMessages.length === 0) {
    throw new AppError({ code: "INVALID_INPUT", message: "this email has no body text (only headers or attachments)" });
  }
  const message: MimeMessage = {
    from: repairName(peopleOf(email.from)[0] ?? null, latin1),
    to: peopleOf(email.to),
    cc: peopleOf(email.cc),
    body,
    attachedMessages,
  };
  if (email.subject?.trim()) message.subject = email.subject.replace(/\s+/g, " ").trim();
  if (email.date !== undefined && /^\d{4}-\d{2}-\d{2}T/.test(email.date)) message.occurredAt = email.date;
  const offset = readHeaderOffset(headerValue(email, "date"));
  if (offset !== undefined) message.offsetMinutes = offset;
  if (email.messageId) message.messageId = email.messageId.trim();
  return message;
}
