/** A stretch of time one speaker holds, from a vendor's separate speaker list. */
type SpeakerTurn = { speaker: unknown; startMs: number };

// A word stamped a little before the first turn (rounding) still belongs to it.
const LEAD_TOLERANCE_MS = 1000;

/**
 * Answers "who speaks at this time" for vendors that list speaker turns apart from the words
 * (Speechmatics v1, BBC Kaldi): the latest turn started at or before the time.
 */
export class SpeakerTurns {
  private readonly turns: SpeakerTurn[];

  constructor(turns: SpeakerTurn[]) {
    this.turns = [...turns].sort((a, b) => a.startMs - b.startMs);
  }

  get size(): number {
    return this.turns.length;
  }

  speakerAt(ms: number | null): unknown {
    const turns = this.turns;
    if (ms === null || turns.length === 0) return null;
    let low = 0;
    let high = turns.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (turns[middle]!.startMs <= ms) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    if (found >= 0) return turns[found]!.speaker;
    return turns[0]!.startMs - ms <= LEAD_TOLERANCE_MS ? turns[0]!.speaker : null;
  }
}
