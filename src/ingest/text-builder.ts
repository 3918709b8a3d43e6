import { AppError } from "../errors.ts";
import type { Segment } from "../domain/source.ts";

type SegmentInput = {
  speaker: string | null;
  startMs: number | null;
  endMs: number | null;
  text: string;
};

const SEPARATOR = "\n\n";

/**
 * Builds a source's normalized text and its segments together, so that
 * `text.slice(charStart, charEnd) === segment.text` holds by construction.
 */
export class TextBuilder {
  private readonly parts: string[] = [];
  private readonly built: Segment[] = [];
  private length = 0;
  private readonly maxSegments: number;
  private readonly maxSpeakers: number;
  private readonly speakers = new Set<string>();

  constructor(maxSegments: number, maxSpeakers = Number.POSITIVE_INFINITY) {
    this.maxSegments = maxSegments;
    this.maxSpeakers = maxSpeakers;
  }

  /** Appends one segment; blank text is skipped. Returns the segment or null. */
  add(input: SegmentInput): Segment | null {
    const text = input.text.trim();
    if (text === "") return null;
    if (this.built.length >= this.maxSegments) {
      throw new AppError({
        code: "LIMIT_EXCEEDED",
        message: `more than ${this.maxSegments} segments (limit BATON_MAX_SEGMENTS)`,
        context: { limit: this.maxSegments },
      });
    }
    if (input.speaker !== null && !this.speakers.has(input.speaker)) {
      if (this.speakers.size >= this.maxSpeakers) throw tooManySpeakers(this.maxSpeakers);
      this.speakers.add(input.speaker);
    }
    if (this.parts.length > 0) {
      this.parts.push(SEPARATOR);
      this.length += SEPARATOR.length;
    }
    const segment: Segment = {
      id: `s${this.built.length + 1}`,
      speaker: input.speaker,
      startMs: input.startMs,
      endMs: input.endMs,
      text,
      charStart: this.length,
      charEnd: this.length + text.length,
    };
    this.parts.push(text);
    this.length += text.length;
    this.built.push(segment);
    return segment;
  }

  /**
   * Appends text to the last segment (same speaker continuing), extending its end time.
   * Falls back to add() when there is no previous segment.
   */
  extendLast(input: SegmentInput, joiner = " "): Segment | null {
    const last = this.built.at(-1);
    const text = input.text.trim();
    if (text === "") return last ?? null;
    if (last === undefined) return this.add(input);
    this.parts.push(joiner, text);
    this.length += joiner.length + text.length;
    last.text = `${last.text}${joiner}${text}`;
    last.charEnd = this.length;
    if (input.endMs !== null) last.endMs = input.endMs;
    return last;
  }

  get lastSegment(): Segment | undefined {
    return this.built.at(-1);
  }

  get segmentCount(): number {
    return this.built.length;
  }

  finish(): { text: string; segments: Segment[] } {
    return { text: this.parts.join(""), segments: this.built };
  }
}

/** The answer to a file naming more distinct people than one file may (speakers, or senders and recipients). */
export function tooManySpeakers(limit: number): AppError {
  return new AppError({
    code: "LIMIT_EXCEEDED",
    message: `more than ${limit} distinct speakers or email senders and recipients (limit BATON_MAX_SPEAKERS)`,
    context: { limit },
  });
}
