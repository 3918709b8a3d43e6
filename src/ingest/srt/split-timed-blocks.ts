import type { ParseContext } from "../parse-context.ts";
import type { CaptionCollector } from "../vtt/caption-collector.ts";
import { LineReader } from "../vtt/line-reader.ts";
import type { CueTiming } from "../vtt/parse-timestamp.ts";

/** Reads a line as a cue timing: the timing, null for a broken timing line, undefined for text. */
type TimingReader = (line: string) => CueTiming | null | undefined;

const CUE_INDEX = /^\s*\d+\s*$/;

function isBlank(line: string | undefined): boolean {
  return line !== undefined && line.trim() === "";
}

function trimBlock(lines: string[]): void {
  while (isBlank(lines.at(-1))) lines.pop();
  // The next cue's index number, when a blank line separates it from this cue's text.
  if (lines.length >= 2 && CUE_INDEX.test(lines.at(-1) ?? "") && isBlank(lines.at(-2))) {
    lines.pop();
    while (isBlank(lines.at(-1))) lines.pop();
  }
}

/**
 * Cuts SRT/SBV text at its timing lines into the collector: a cue's text runs to the next timing
 * line, less the blank lines and index number before it, so missing indexes and blank lines
 * inside cue text are tolerated. Text after a broken timing line is skipped up to the next good one.
 */
export function splitTimedBlocks(text: string, readTiming: TimingReader, context: ParseContext, collector: CaptionCollector): void {
  const reader = new LineReader(text, context);
  let timing: CueTiming | null = null;
  let lines: string[] = [];
  const closeCue = () => {
    if (timing === null) return;
    trimBlock(lines);
    collector.addCue(timing.startMs, timing.endMs, lines);
    lines = [];
  };
  for (let line = reader.next(); line !== null; line = reader.next()) {
    const found = readTiming(line);
    if (found === undefined) {
      if (timing !== null) lines.push(line);
      continue;
    }
    closeCue();
    if (found === null) collector.addBrokenTiming();
    timing = found;
  }
  closeCue();
}
