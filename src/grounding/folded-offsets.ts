/**
 * Where each character of a folded text came from in the original, stored as runs of consecutive
 * offsets: folding only breaks a run where it drops or joins characters (whitespace runs, dashes,
 * ellipses), so a transcript needs a few bytes per line instead of four per character.
 */
export type FoldedOffsets = {
  /** Characters of the folded text. */
  readonly length: number;
  /** The original index of folded character `index` (non-decreasing in `index`). */
  at(index: number): number;
  /** The first folded index whose original index is at least `offset`; `length` when none is. */
  lowerBound(offset: number): number;
};

/** Collects offsets one folded character at a time. */
export class FoldedOffsetsWriter {
  private runStarts = new Int32Array(64);
  private runBases = new Int32Array(64);
  private runs = 0;
  private length = 0;
  private last = -2;

  push(offset: number): void {
    if (this.length === 0 || offset !== this.last + 1) {
      if (this.runs === this.runStarts.length) {
        this.runStarts = grown(this.runStarts);
        this.runBases = grown(this.runBases);
      }
      this.runStarts[this.runs] = this.length;
      this.runBases[this.runs] = offset;
      this.runs += 1;
    }
    this.last = offset;
    this.length += 1;
  }

  finish(): FoldedOffsets {
    const { length, runs } = this;
    const runStarts = this.runStarts.slice(0, runs);
    const runBases = this.runBases.slice(0, runs);
    const runEnd = (run: number) => (run + 1 < runs ? runStarts[run + 1]! : length);
    /** The run holding folded character `index`. */
    const runOf = (index: number) => {
      let low = 0;
      let high = runs;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (runStarts[middle]! <= index) low = middle + 1;
        else high = middle;
      }
      return low - 1;
    };
    return {
      length,
      at(index) {
        const run = runOf(index);
        return runBases[run]! + (index - runStarts[run]!);
      },
      lowerBound(offset) {
        // The first run whose last original index reaches `offset`.
        let low = 0;
        let high = runs;
        while (low < high) {
          const middle = (low + high) >>> 1;
          if (runBases[middle]! + (runEnd(middle) - runStarts[middle]!) - 1 < offset) low = middle + 1;
          else high = middle;
        }
        if (low === runs) return length;
        return runStarts[low]! + Math.max(0, offset - runBases[low]!);
      },
    };
  }
}

function grown(values: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(values.length * 2);
  larger.set(values);
  return larger;
}
