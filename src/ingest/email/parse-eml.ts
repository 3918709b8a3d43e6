import type { ParseContext, ParseInput } from "../parse-context.ts";
import type { ParsedBody } from "../parsed-body.ts";
import { mimeBytesOf } from "./mime-bytes.ts";
import { readEmailThread, rememberOwnText, writeThread } from "./read-email-thread.ts";
import { readMimeMessage } from "./read-mime-message.ts";
import { ThreadWriter } from "./thread-writer.ts";

/**
 * Parses one .eml: participants from From/To/Cc, occurredAt from Date, title from Subject,
 * one segment per message (its new text, then earlier messages recovered from quoted history).
 */
export async function parseEml(input: ParseInput, context: ParseContext): Promise<ParsedBody> {
  const message = await readMimeMessage(mimeBytesOf(input), context.limits);
  const participants = context.newParticipantList();
  for (const person of [message.from, ...message.to, ...message.cc]) participants.add(person);
  const thread = await readEmailThread(message, context);
  const builder = context.newTextBuilder();
  const writer = new ThreadWriter(builder);
  rememberOwnText(thread, writer);
  writeThread(thread, writer, participants);
  const { text, segments } = builder.finish();
  if (segments.length === 0) throw context.invalid("this email has no body text (only headers or quoted text)");
  return {
    format: "eml",
    text,
    segments,
    participants: participants.list(),
    ...(message.occurredAt === undefined ? {} : { occurredAt: message.occurredAt }),
    ...(message.subject === undefined ? {} : { title: message.subject }),
  };
}
