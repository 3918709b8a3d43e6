import { isAppError } from "../../errors.ts";
import type { ParseContext } from "../parse-context.ts";
import type { ParticipantList } from "./participant-list.ts";
import { type MimeMessage, readMimeMessage } from "./read-mime-message.ts";
import { readSignatureRole } from "./read-signature-role.ts";
import { splitThread, type ThreadMessage } from "./split-thread.ts";
import type { ThreadWriter } from "./thread-writer.ts";

/**
 * The messages one email holds, newest first: its own new text, the earlier messages of its
 * quoted history, and messages attached to it (forwards sent as attachments).
 */
export async function readEmailThread(message: MimeMessage, context: ParseContext, depth = 0): Promise<ThreadMessage[]> {
  const thread = splitThread(
    message.body,
    {
      author: message.from,
      ...(message.occurredAt === undefined ? {} : { occurredAt: message.occurredAt }),
      ...(message.offsetMinutes === undefined ? {} : { offsetMinutes: message.offsetMinutes }),
    },
    context,
  );
  if (depth >= context.limits.mimeMaxDepth) return thread;
  for (const raw of message.attachedMessages) {
    context.checkTime();
    let attached: MimeMessage;
    try {
      attached = await readMimeMessage(raw, context.limits);
    } catch (error) {
      // An unreadable attachment (encrypted, empty) does not make the email unreadable.
      if (isAppError(error) && error.code === "INVALID_INPUT") continue;
      throw error;
    }
    for (const inner of await readEmailThread(attached, context, depth + 1)) thread.push({ ...inner, quoted: true });
  }
  return thread;
}

/** Marks the messages' own texts as present, so that quoted copies of them are not written again. */
export function rememberOwnText(thread: readonly ThreadMessage[], writer: ThreadWriter): void {
  for (const message of thread) if (!message.quoted) writer.remember(message.text);
}

/** Writes a thread oldest first, one segment per message, and lists the senders it wrote. */
export function writeThread(thread: readonly ThreadMessage[], writer: ThreadWriter, participants: ParticipantList): void {
  for (let i = thread.length - 1; i >= 0; i--) {
    const message = thread[i]!;
    const segment = writer.write(message);
    if (segment !== null || !message.quoted) participants.add(message.author, readSignatureRole(message.signature, message.author));
  }
}
