import type { Segment } from "../../domain/source.ts";
import type { TextBuilder } from "../text-builder.ts";
import { speakerFor } from "./email-person.ts";
import type { ThreadMessage } from "./split-thread.ts";

// Paragraphs shorter than this ("Hi Bob,", "Thanks!") may repeat across messages without
// being taken for a copy; longer ones are compared by their letters and digits only, so
// re-wrapping and punctuation changes do not hide a copy.
const MIN_COMPARED_LENGTH = 16;

function paragraphsOf(text: string): string[] {
  return text.split(/\n[ \t]*\n/).filter((paragraph) => paragraph.trim() !== "");
}

function keyOf(paragraph: string): string {
  // Punctuation and spacing differ between a message and its quoted copy; letters do not.
  // Characters past Latin-1 punctuation count as letters: cheaper than a Unicode class.
  return paragraph.toLowerCase().replace(/[^a-z0-9\u00c0-\u1fff\u3000-\uffff]+/g, "");
}

/**
 * Writes a thread's messages as segments, one per message, so that no text appears twice:
 * quoted history is written only for what no message of the upload already says.
 */
export class ThreadWriter {
  private readonly builder: TextBuilder;
  private readonly seen = new Set<string>();

  constructor(builder: TextBuilder) {
    this.builder = builder;
  }

  /** Records a message's own text as present, before any quoted history is compared with it. */
  remember(text: string): void {
    for (const paragraph of paragraphsOf(text)) this.seen.add(keyOf(paragraph));
  }

  /** The part of a quoted message that nothing written or remembered says; "" when all of it is known. */
  private unseenPart(text: string): string {
    const paragraphs = paragraphsOf(text);
    const keys = paragraphs.map(keyOf);
    const long = keys.filter((key) => key.length >= MIN_COMPARED_LENGTH);
    const known = (key: string) => key === "" || this.seen.has(key);
    if (long.length > 0 ? long.every(known) : keys.every(known)) return "";
    return paragraphs.filter((_, i) => !(keys[i]!.length >= MIN_COMPARED_LENGTH && known(keys[i]!))).join("\n\n");
  }

  /**
   * Adds one message as a segment; quoted messages without a known sender are left out.
   * Own (not quoted) texts must have been remembered first, so quoted copies of later
   * messages are recognized too.
   */
  write(message: ThreadMessage): Segment | null {
    const speaker = speakerFor(message.author);
    if (message.quoted && speaker === null) return null;
    const text = message.quoted ? this.unseenPart(message.text) : message.text;
    if (message.quoted) this.remember(text);
    const segment = this.builder.add({ speaker, startMs: null, endMs: null, text });
    if (segment !== null && message.occurredAt !== undefined) segment.occurredAt = message.occurredAt;
    return segment;
  }
}
