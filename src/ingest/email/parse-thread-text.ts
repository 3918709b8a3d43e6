import type { ParseContext } from "../parse-context.ts";
import type { ParsedBody } from "../parsed-body.ts";
import { rememberOwnText, writeThread } from "./read-email-thread.ts";
import { splitThread } from "./split-thread.ts";
import { ThreadWriter } from "./thread-writer.ts";

/**
 * Parses an email body saved without its headers (plain text, or HTML already turned into
 * text): the new text has no known sender; earlier messages of its quoted history keep theirs.
 */
export function parseThreadText(body: string, format: string, context: ParseContext): ParsedBody {
  const thread = splitThread(body, { author: null }, context);
  const builder = context.newTextBuilder();
  const writer = new ThreadWriter(builder);
  const participants = context.newParticipantList();
  rememberOwnText(thread, writer);
  writeThread(thread, writer, participants);
  const { text, segments } = builder.finish();
  if (segments.length === 0) throw context.invalid(`no text found in this ${format} file`);
  // No occurredAt: a body without headers does not say when it was written, only its quotes do.
  return { format, text, segments, participants: participants.list() };
}
