import type { ParseContext } from "../parse-context.ts";
import type { Segment } from "../../domain/source.ts";
import type { TextBuilder } from "../text-builder.ts";

// A named speaker's run is cut at a sentence end once this long, so citations keep a useful time.
const NAMED_SOFT_LIMIT = 1000;
const NAMED_HARD_LIMIT = 3000;
// Unnamed caption text is merged into sentence-ish segments rather than 3-word cue fragments.
const UNNAMED_MIN_SENTENCE = 60;
const UNNAMED_GAP_MIN_LENGTH = 120;
const UNNAMED_HARD_LIMIT = 600;
const PAUSE_MS = 2000;
const LONG_PAUSE_MS = 10_000;
const SENTENCE_END = /[.!?…]["'”’)\]]*$/;

/**
 * Writes caption turns as segments: consecutive turns of one named speaker merge (first start,
 * last end), unnamed text merges until a marker, a sentence end, a pause or a length cap.
 */
export class CaptionSegmentWriter {
  private readonly builder: TextBuilder;
  private tail: Segment | null = null;
  private tailEndsSentence = false;

  constructor(context: ParseContext) {
    this.builder = context.newTextBuilder();
  }

  /** Adds what one speaker said in one cue; `newTurn` (a marker stood before it) never merges. */
  write(speaker: string | null, startMs: number, endMs: number, text: string, newTurn: boolean): void {
    const trimmed = text.trim();
    if (trimmed === "") return;
    const tail = this.tail;
    if (tail !== null && !newTurn && tail.speaker === speaker && this.continuesTail(tail, speaker, startMs)) {
      // Overlapping cues must not pull the merged segment's end back.
      const end = Math.max(endMs, tail.endMs ?? 0);
      this.builder.extendLast({ speaker, startMs, endMs: end, text: trimmed });
    } else {
      this.tail = this.builder.add({ speaker, startMs, endMs, text: trimmed });
    }
    this.tailEndsSentence = SENTENCE_END.test(trimmed);
  }

  /** A cue that only repeated earlier text (rolling captions) stretches the last segment's end. */
  stretch(endMs: number): void {
    if (this.tail !== null && (this.tail.endMs ?? 0) < endMs) this.tail.endMs = endMs;
  }

  finish(): { text: string; segments: Segment[] } {
    return this.builder.finish();
  }

  private continuesTail(tail: Segment, speaker: string | null, startMs: number): boolean {
    const length = tail.charEnd - tail.charStart;
    if (speaker !== null) {
      return length < NAMED_HARD_LIMIT && !(this.tailEndsSentence && length >= NAMED_SOFT_LIMIT);
    }
    const gap = startMs - (tail.endMs ?? startMs);
    if (gap > LONG_PAUSE_MS || length >= UNNAMED_HARD_LIMIT) return false;
    if (gap > PAUSE_MS && (this.tailEndsSentence || length >= UNNAMED_GAP_MIN_LENGTH)) return false;
    return !(this.tailEndsSentence && length >= UNNAMED_MIN_SENTENCE);
  }
}
