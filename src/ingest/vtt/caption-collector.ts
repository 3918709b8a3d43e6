import type { ParseContext } from "../parse-context.ts";
import type { Participant, Segment } from "../../domain/source.ts";
import { CaptionSegmentWriter } from "./caption-segment-writer.ts";
import { type CueLine, cleanCueLines } from "./clean-cue-lines.ts";
import { countRollingRepeats } from "./count-rolling-repeats.ts";
import { createSpeakerNameFilter, findSpeakerPrefix, type PrefixTally } from "./find-speaker-prefix.ts";
import { splitSpeakerTurns } from "./split-speaker-turns.ts";

type CaptionBody = { text: string; segments: Segment[]; participants: Participant[] };

const AFTER_MARKER = 1;
const REPEAT_ONLY = 2;

/**
 * Collects the cues of a caption file (WebVTT, SRT, SBV) as readers find them, then turns them
 * into normalized text, segments and the named speakers. Pieces are kept in columns rather than
 * objects because `Name:` prefixes can only be judged once the whole file is read.
 */
export class CaptionCollector {
  private readonly context: ParseContext;
  private cueCount = 0;
  private brokenTimings = 0;
  private previousLines: CueLine[] = [];
  // Set once a cue carries inline word timings (YouTube auto-captions), which repeat whole cues.
  private rolling = false;
  private readonly tally: PrefixTally = { heads: 0, names: new Map() };
  private readonly sharedNames = new Map<string, string>();
  private readonly texts: string[] = [];
  private readonly voices: (string | null)[] = [];
  private readonly prefixNames: (string | null)[] = [];
  private readonly prefixEnds: number[] = [];
  private readonly flags: number[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(context: ParseContext) {
    this.context = context;
  }

  /** True until a cue with a valid timing has been added. */
  isEmpty(): boolean {
    return this.cueCount === 0;
  }

  /** A timing line that could not be read; its cue is skipped. */
  addBrokenTiming(): void {
    this.brokenTimings++;
  }

  /** One cue with a valid timing and its raw text lines. */
  addCue(startMs: number, endMs: number, rawLines: readonly string[]): void {
    this.cueCount++;
    const { lines, timed } = cleanCueLines(rawLines);
    this.rolling ||= timed;
    if (lines.length === 0) return;
    const repeated = countRollingRepeats(this.previousLines, lines, this.rolling);
    this.previousLines = lines;
    if (repeated === lines.length) {
      this.push("", null, null, 0, REPEAT_ONLY, startMs, endMs);
      return;
    }
    for (const piece of splitSpeakerTurns(repeated === 0 ? lines : lines.slice(repeated))) {
      const open = piece.head && piece.voice === null;
      const prefix = open ? findSpeakerPrefix(piece.text) : null;
      if (open) this.tally.heads++;
      const name = prefix === null ? null : this.countName(prefix.name);
      const flags = piece.afterMarker ? AFTER_MARKER : 0;
      this.push(piece.text, piece.voice, name, prefix?.textStart ?? 0, flags, startMs, endMs);
    }
  }

  /** Builds the body; rejects in one line when no cue had a valid timing or every cue is empty. */
  finish(kind: string): CaptionBody {
    if (this.cueCount === 0) {
      const broken = this.brokenTimings;
      throw this.context.invalid(
        broken > 0
          ? `no ${kind} cues with valid timings (${broken} timing line${broken === 1 ? "" : "s"} could not be read)`
          : `no ${kind} cues found (no cue timing lines)`,
      );
    }
    const { text, segments } = this.writeSegments();
    if (segments.length === 0) {
      const count = this.cueCount;
      throw this.context.invalid(`${kind} file has ${count} cue${count === 1 ? "" : "s"} but no caption text`);
    }
    const names = new Set<string>();
    for (const segment of segments) if (segment.speaker !== null) names.add(segment.speaker);
    return { text, segments, participants: [...names].map((name) => ({ name })) };
  }

  /** Counts a prefix name and returns one shared copy of it, so a long file keeps each name once. */
  private countName(name: string): string {
    const count = this.tally.names.get(name) ?? 0;
    this.tally.names.set(name, count + 1);
    let shared = this.sharedNames.get(name);
    if (shared === undefined) {
      shared = name;
      this.sharedNames.set(name, name);
    }
    return shared;
  }

  private push(
    text: string,
    voice: string | null,
    prefixName: string | null,
    prefixEnd: number,
    flags: number,
    startMs: number,
    endMs: number,
  ): void {
    this.texts.push(text);
    this.voices.push(voice);
    this.prefixNames.push(prefixName);
    this.prefixEnds.push(prefixEnd);
    this.flags.push(flags);
    this.starts.push(startMs);
    this.ends.push(endMs);
  }

  /** Speaker of each piece: its voice tag, an accepted `Name:` prefix, or the last `>> NAME:` marker's. */
  private writeSegments(): { text: string; segments: Segment[] } {
    const isName = createSpeakerNameFilter(this.tally);
    const writer = new CaptionSegmentWriter(this.context);
    // Broadcast captions name a speaker once at the ">>" and not on the cues that follow.
    let markerSpeaker: string | null = null;
    for (let i = 0; i < this.texts.length; i++) {
      if ((i & 255) === 0) this.context.checkTime();
      const flags = this.flags[i] ?? 0;
      const startMs = this.starts[i] ?? 0;
      const endMs = this.ends[i] ?? startMs;
      if (flags & REPEAT_ONLY) {
        writer.stretch(endMs);
        continue;
      }
      const afterMarker = (flags & AFTER_MARKER) !== 0;
      const prefixName = this.prefixNames[i] ?? null;
      let text = this.texts[i] ?? "";
      let speaker = this.voices[i] ?? null;
      const named = prefixName !== null && isName(prefixName, afterMarker);
      if (named) {
        speaker = prefixName;
        text = text.slice(this.prefixEnds[i] ?? 0);
      } else if (speaker === null && !afterMarker) {
        speaker = markerSpeaker;
      }
      // Only a name written after the marker carries over; a voice tag speaks for its own cue.
      if (afterMarker) markerSpeaker = named ? prefixName : null;
      writer.write(speaker, startMs, endMs, text, afterMarker);
    }
    return writer.finish();
  }
}
