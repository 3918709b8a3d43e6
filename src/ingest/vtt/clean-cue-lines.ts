import { newMarkupState, scanCueLine, type TextRun } from "./scan-cue-markup.ts";

/** One cue text line after cleaning: its voice runs, at least one with text. */
export type CueLine = TextRun[];

/**
 * Cleans a cue's raw lines (markup, entities, whitespace) and drops the lines left empty;
 * `timed` is true when the cue carried inline word timings.
 */
export function cleanCueLines(lines: readonly string[]): { lines: CueLine[]; timed: boolean } {
  const state = newMarkupState();
  const cleaned: CueLine[] = [];
  for (const line of lines) {
    const runs = scanCueLine(line, state);
    if (runs.length > 0) cleaned.push(runs);
  }
  return { lines: cleaned, timed: state.timed };
}

/** Same voice and the same words (edge whitespace aside) on two cleaned lines. */
export function isSameCueLine(a: CueLine, b: CueLine): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const left = a[i];
    const right = b[i];
    if (left === undefined || right === undefined || left.voice !== right.voice) return false;
    if (left.text !== right.text && left.text.trim() !== right.text.trim()) return false;
  }
  return true;
}
