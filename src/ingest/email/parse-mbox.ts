import { isAppError } from "../../errors.ts";
import type { ParseContext, ParseInput } from "../parse-context.ts";
import type { ParsedBody } from "../parsed-body.ts";
import { mimeBytesOf } from "./mime-bytes.ts";
import { readEmailThread, rememberOwnText, writeThread } from "./read-email-thread.ts";
import { type MimeMessage, readMimeMessage } from "./read-mime-message.ts";
import { splitMbox } from "./split-mbox.ts";
import type { ThreadMessage } from "./split-thread.ts";
import { ThreadWriter } from "./thread-writer.ts";

async function readMessages(input: ParseInput, context: ParseContext): Promise<{ read: MimeMessage[]; skipped: number }> {
  const read: MimeMessage[] = [];
  const messageIds = new Set<string>();
  let skipped = 0;
  for (const raw of splitMbox(mimeBytesOf(input), context)) {
    context.checkTime();
    try {
      const message = await readMimeMessage(raw, context.limits);
      // The same message saved twice (a copy in Sent and in the thread) is one message.
      if (message.messageId !== undefined && messageIds.has(message.messageId)) continue;
      if (message.messageId !== undefined) messageIds.add(message.messageId);
      read.push(message);
    } catch (error) {
      // One encrypted or empty message does not make the mailbox unreadable; limits still apply.
      if (!isAppError(error) || error.code !== "INVALID_INPUT") throw error;
      skipped++;
    }
  }
  return { read, skipped };
}

/**
 * Parses an mbox: its messages one after another, each as one segment of its new text, with
 * quoted history written only where no message of the mailbox already says it.
 */
export async function parseMbox(input: ParseInput, context: ParseContext): Promise<ParsedBody> {
  const { read, skipped } = await readMessages(input, context);
  if (read.length === 0) {
    throw context.invalid(`no readable message in this mbox (${skipped} skipped: encrypted or without body text)`);
  }
  const participants = context.newParticipantList();
  for (const message of read) for (const person of [message.from, ...message.to, ...message.cc]) participants.add(person);
  const threads: ThreadMessage[][] = [];
  for (const message of read) threads.push(await readEmailThread(message, context));
  const builder = context.newTextBuilder();
  const writer = new ThreadWriter(builder);
  for (const thread of threads) rememberOwnText(thread, writer);
  for (const thread of threads) writeThread(thread, writer, participants);
  const { text, segments } = builder.finish();
  if (segments.length === 0) throw context.invalid("this mbox has no body text");
  const dates = read.flatMap((message) => (message.occurredAt === undefined ? [] : [message.occurredAt])).sort();
  const title = read.find((message) => message.subject !== undefined)?.subject;
  return {
    format: "mbox",
    text,
    segments,
    participants: participants.list(),
    ...(dates[0] === undefined ? {} : { occurredAt: dates[0] }),
    ...(title === undefined ? {} : { title }),
  };
}
