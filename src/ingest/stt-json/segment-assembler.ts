import type { ParseContext } from "../parse-context.ts";
import type { ParsedBody } from "../parsed-body.ts";
import type { Participant } from "../../domain/source.ts";
import type { TextBuilder } from "../text-builder.ts";
import { labelSpeaker } from "./label-speaker.ts";
import { splitLongText } from "./split-long-text.ts";

/** One word, sentence or utterance as a vendor reports it, before grouping into segments. */
export type SpeechPiece = {
  /** The speaker id as the vendor writes it ("A", 0, "spk_1"); labelled by labelSpeaker. */
  speaker: unknown;
  startMs: number | null;
  endMs: number | null;
  text: string;
  /** Joins the previous piece without a space (punctuation); never starts a new segment. */
  attach?: boolean;
  /** Starts a new segment even when the speaker is unchanged (a paragraph in the source). */
  breakBefore?: boolean;
  /** The vendor marks a sentence end (Speechmatics is_eos); otherwise read from the text. */
  endsSentence?: boolean;
};

// Segments stay citeable: a monologue is cut at the first sentence end after about 1,000
// characters or 60 seconds, and cut anywhere between words past twice that (unpunctuated text).
const SOFT_SPLIT_CHARS = 1000;
const SOFT_SPLIT_MS = 60_000;
const HARD_SPLIT_CHARS = 2000;
const HARD_SPLIT_MS = 120_000;
const LONG_PIECE_CHARS = 1500;
const SENTENCE_FINAL = /[.?!…]["'”’)\]]*$/;

type OpenSegment = {
  speaker: string | null;
  startMs: number | null;
  endMs: number | null;
  parts: string[];
  length: number;
  endsSentence: boolean;
};

/** Groups consecutive pieces of one speaker into segments and lists the distinct speakers. */
export class SegmentAssembler {
  private readonly builder: TextBuilder;
  private readonly context: ParseContext;
  private readonly labels = new Map<unknown, string | null>();
  /** Raw ids seen per label, and the labels that own a segment, in order of first segment. */
  private readonly rawIds = new Map<string, Set<string>>();
  private readonly speakers = new Set<string>();
  private current: OpenSegment | null = null;
  private pendingBreak = false;
  private pushed = 0;

  constructor(context: ParseContext) {
    this.context = context;
    this.builder = context.newTextBuilder();
  }

  push(piece: SpeechPiece): void {
    this.pushed++;
    if (this.pushed % 512 === 0) this.context.checkTime();
    const text = piece.text.trim();
    if (text === "") {
      if (piece.breakBefore) this.pendingBreak = true;
      return;
    }
    if (text.length > LONG_PIECE_CHARS && !piece.attach) this.pushLong(piece, text);
    else this.place(piece, text);
  }

  private place(piece: SpeechPiece, text: string): void {
    const current = this.current;
    if (piece.attach && current !== null) {
      this.append(current, text, "", piece);
      return;
    }
    const speaker = this.label(piece.speaker);
    if (current !== null && speaker === current.speaker && !piece.breakBefore && !this.pendingBreak && !isDue(current)) {
      this.append(current, text, " ", piece);
      return;
    }
    this.flush();
    this.pendingBreak = false;
    this.current = {
      speaker,
      startMs: piece.startMs,
      endMs: piece.endMs,
      parts: [text],
      length: text.length,
      endsSentence: piece.endsSentence ?? SENTENCE_FINAL.test(text),
    };
  }

  /** The text, segments and participants; `format` is e.g. "json:aws-transcribe". */
  finish(format: string): ParsedBody {
    this.flush();
    const { text, segments } = this.builder.finish();
    const participants: Participant[] = [];
    for (const name of this.speakers) {
      const labels = [...(this.rawIds.get(name) ?? [])].filter((raw) => raw !== name);
      participants.push(labels.length > 0 ? { name, labels } : { name });
    }
    return { format, text, segments, participants };
  }

  private append(current: OpenSegment, text: string, joiner: string, piece: SpeechPiece): void {
    if (joiner !== "") current.parts.push(joiner);
    current.parts.push(text);
    current.length += joiner.length + text.length;
    if (current.startMs === null) current.startMs = piece.startMs;
    if (piece.endMs !== null) current.endMs = piece.endMs;
    current.endsSentence = piece.endsSentence ?? SENTENCE_FINAL.test(text);
  }

  /**
   * A long utterance is cut at sentence ends; without word timings the cut points get times
   * interpolated by character position between the utterance's start and end (an estimate, good
   * enough to seek the recording). With a start but no end, every part keeps the utterance start.
   */
  private pushLong(piece: SpeechPiece, text: string): void {
    const { startMs, endMs } = piece;
    const span = startMs !== null && endMs !== null && endMs >= startMs ? endMs - startMs : null;
    const at = (offset: number) => (span === null ? startMs : Math.round(startMs! + (span * offset) / text.length));
    let first = true;
    for (const [start, end] of splitLongText(text, SOFT_SPLIT_CHARS)) {
      const part = text.slice(start, end).trim();
      if (part === "") continue;
      // Parts go straight to place(): one can still exceed LONG_PIECE_CHARS and must not be re-split.
      this.place(
        {
          speaker: piece.speaker,
          startMs: at(start),
          endMs: span === null ? (end === text.length ? endMs : null) : at(end),
          text: part,
          // splitLongText already chose these cuts; only the first part may join the open segment.
          breakBefore: first ? piece.breakBefore : true,
          ...(end === text.length && piece.endsSentence !== undefined ? { endsSentence: piece.endsSentence } : {}),
        },
        part,
      );
      first = false;
    }
  }

  private flush(): void {
    const current = this.current;
    if (current === null) return;
    this.current = null;
    const segment = this.builder.add({
      speaker: current.speaker,
      startMs: current.startMs,
      endMs: current.endMs,
      text: current.parts.join(""),
    });
    if (segment !== null && current.speaker !== null) this.speakers.add(current.speaker);
  }

  private label(raw: unknown): string | null {
    const cached = this.labels.get(raw);
    if (cached !== undefined) return cached;
    const label = labelSpeaker(raw);
    this.labels.set(raw, label);
    if (label !== null) {
      const raws = this.rawIds.get(label) ?? new Set<string>();
      raws.add(String(raw).replace(/\s+/g, " ").trim());
      this.rawIds.set(label, raws);
    }
    return label;
  }
}

function isDue(current: OpenSegment): boolean {
  const duration = current.startMs !== null && current.endMs !== null ? current.endMs - current.startMs : 0;
  if (current.length >= HARD_SPLIT_CHARS || duration >= HARD_SPLIT_MS) return true;
  return current.endsSentence && (current.length >= SOFT_SPLIT_CHARS || duration >= SOFT_SPLIT_MS);
}
