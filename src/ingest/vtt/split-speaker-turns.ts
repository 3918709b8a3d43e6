import type { CueLine } from "./clean-cue-lines.ts";
import { collapseWhitespace } from "./scan-cue-markup.ts";

/** A part of one cue said by one speaker, as far as the markup tells. */
type CuePiece = {
  /** Speaker named by a `<v Name>` voice tag. */
  voice: string | null;
  /** A speaker-change marker (`>>`, `>>>`, a leading `- `) started this piece. */
  afterMarker: boolean;
  /** The piece opens a cue or follows a marker: the place a `Name:` prefix would stand. */
  head: boolean;
  text: string;
};

// Dialogue dashes ("- Hello." / "-Hi"), not "--" and not "-5 degrees".
const DASH_MARKER = /^\s*-(?=[ \t]|\p{L})[ \t]*/u;
const CHEVRON_MARKER = />{2,}/;

type OpenPiece = { voice: string | null; afterMarker: boolean; head: boolean; parts: string[] };

function splitPlainLine(lines: readonly CueLine[]): CuePiece[] | null {
  const run = lines.length === 1 ? lines[0]?.[0] : undefined;
  if (run === undefined || lines[0]?.length !== 1) return null;
  if (run.text.includes(">>") || DASH_MARKER.test(run.text)) return null;
  const text = run.text.trim();
  return text === "" ? [] : [{ voice: run.voice, afterMarker: false, head: true, text }];
}

/** Splits a cue's cleaned lines where the voice changes or a speaker-change marker stands. */
export function splitSpeakerTurns(lines: readonly CueLine[]): CuePiece[] {
  // Most cues are one line under one voice with no marker.
  const plain = splitPlainLine(lines);
  if (plain !== null) return plain;
  const open: OpenPiece[] = [];
  const start = (voice: string | null, afterMarker: boolean, head: boolean) => {
    const last = open.at(-1);
    // A marker right at the start of a piece replaces that empty piece instead of leaving it behind.
    if (last !== undefined && last.parts.length === 0 && last.voice === voice) {
      last.afterMarker ||= afterMarker;
      last.head ||= head;
      return;
    }
    open.push({ voice, afterMarker, head, parts: [] });
  };
  for (const line of lines) {
    for (let runIndex = 0; runIndex < line.length; runIndex++) {
      const run = line[runIndex];
      if (run === undefined) continue;
      let text = run.text;
      const current = open.at(-1);
      if (current === undefined || current.voice !== run.voice) start(run.voice, false, true);
      const dash = runIndex === 0 ? DASH_MARKER.exec(text) : null;
      if (dash !== null) {
        text = text.slice(dash[0].length);
        start(run.voice, true, true);
      }
      const chunks = text.split(CHEVRON_MARKER);
      for (let chunkIndex = 0; chunkIndex < chunks.length; chunkIndex++) {
        if (chunkIndex > 0) start(run.voice, true, true);
        const chunk = chunks[chunkIndex] ?? "";
        if (chunk.trim() !== "") open.at(-1)?.parts.push(chunk);
      }
    }
  }
  const pieces: CuePiece[] = [];
  for (const piece of open) {
    const text = collapseWhitespace(piece.parts.join(" ")).trim();
    if (text !== "") pieces.push({ voice: piece.voice, afterMarker: piece.afterMarker, head: piece.head, text });
  }
  return pieces;
}
