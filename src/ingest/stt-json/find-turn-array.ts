import { isRecord } from "./json-values.ts";
import { hasSpeakerPrefix, readGenericTurn } from "./read-generic-turn.ts";

const SAMPLE_SIZE = 50;

/** Where the turns were found: the array and the top-level key it sits under (null at the root). */
type TurnArray = { items: unknown[]; key: string | null };

/**
 * Finds the array of turns in a generic transcript: the root itself, an array under a top-level
 * key (QMSum `meeting_transcripts`, `call_transcript`) or one level further down. The array whose
 * sampled elements are most often turns wins; at least half must be.
 */
export function findTurnArray(root: unknown): TurnArray | null {
  const candidates: TurnArray[] = [];
  if (Array.isArray(root)) candidates.push({ items: root, key: null });
  if (isRecord(root)) {
    for (const [key, value] of Object.entries(root)) {
      if (Array.isArray(value)) candidates.push({ items: value, key });
      else if (isRecord(value)) {
        for (const inner of Object.values(value)) if (Array.isArray(inner)) candidates.push({ items: inner, key });
      }
    }
  }
  let best: TurnArray | null = null;
  let bestScore = 0;
  for (const candidate of candidates) {
    const score = scoreTurns(candidate.items);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

function scoreTurns(items: unknown[]): number {
  const sample = items.length > SAMPLE_SIZE ? items.slice(0, SAMPLE_SIZE) : items;
  let turns = 0;
  let named = 0;
  for (const item of sample) {
    if (typeof item === "string") {
      if (hasSpeakerPrefix(item)) turns++;
      continue;
    }
    const turn = readGenericTurn(item);
    if (turn === null) continue;
    turns++;
    if (turn.speaker !== null || turn.start !== undefined) named++;
  }
  if (turns === 0 || turns * 2 < sample.length) return 0;
  // Turns with a speaker or a time beat bare {text} objects (a list of notes, say).
  return turns + named;
}
