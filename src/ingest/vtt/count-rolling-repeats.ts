import { type CueLine, isSameCueLine } from "./clean-cue-lines.ts";

// Roll-up captions (YouTube auto-captions, CEA-608 roll-up) repeat at most the last few lines.
const MAX_REPEATED_LINES = 4;

/**
 * Counts the leading lines of a cue that repeat the trailing lines of the cue before it, so
 * rolling captions do not say everything twice. A cue that is nothing but a repeat counts only
 * when `wholeRepeats` is set (the file has YouTube word timings): elsewhere two cues saying
 * ">> AYE." in a row are two people voting.
 */
export function countRollingRepeats(previous: readonly CueLine[], lines: readonly CueLine[], wholeRepeats: boolean): number {
  const longest = Math.min(MAX_REPEATED_LINES, previous.length, wholeRepeats ? lines.length : lines.length - 1);
  for (let overlap = longest; overlap > 0; overlap--) {
    const offset = previous.length - overlap;
    let matches = true;
    for (let i = 0; i < overlap && matches; i++) {
      const before = previous[offset + i];
      const now = lines[i];
      matches = before !== undefined && now !== undefined && isSameCueLine(before, now);
    }
    if (matches) return overlap;
  }
  return 0;
}
