import { negationOf } from "./meaning-words.ts";
import { weightOf } from "./word-classes.ts";

/** One side of an alignment: comparable word ids, their text keys and WORD_CLASS per position. */
export type AlignmentSide = {
  readonly keyIds: ArrayLike<number>;
  readonly keys: (position: number) => string;
  readonly classes: ArrayLike<number>;
};

export type AlignedPair = { quotePosition: number; sourcePosition: number; typo: boolean };

const STOP = 0;
const DIAGONAL = 1;
const SKIP_QUOTE = 2;
const SKIP_SOURCE = 3;

/** Whether two different words are one speech-recognition slip apart (one edit or swap, 4+ letters). */
function isOneSlipApart(a: string, b: string): boolean {
  if (a.length < 4 || b.length < 4 || Math.abs(a.length - b.length) > 1) return false;
  if (/\d/.test(a) || /\d/.test(b) || negationOf(a) !== null || negationOf(b) !== null) return false;
  let common = 0;
  while (common < a.length && a[common] === b[common]) common += 1;
  if (a.length === b.length) {
    if (a.slice(common + 1) === b.slice(common + 1)) return true;
    return a[common] === b[common + 1] && a[common + 1] === b[common] && a.slice(common + 2) === b.slice(common + 2);
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(common + 1) === shorter.slice(common);
}

/**
 * Best local alignment (Smith-Waterman over words, no substitutions except one-slip typos)
 * of the quote against source positions [from, to). Work is quote length × window length.
 */
export function alignTokens(quote: AlignmentSide, quoteLength: number, source: AlignmentSide, from: number, to: number): AlignedPair[] {
  const width = to - from;
  if (quoteLength === 0 || width <= 0) return [];
  const directions = new Uint8Array((quoteLength + 1) * (width + 1));
  let previousRow = new Float64Array(width + 1);
  let currentRow = new Float64Array(width + 1);
  const slipCache = new Map<number, boolean>();
  let best = 0;
  let bestRow = 0;
  let bestColumn = 0;
  for (let row = 1; row <= quoteLength; row += 1) {
    const quoteId = quote.keyIds[row - 1]!;
    const quoteWeight = weightOf(quote.classes[row - 1]!);
    currentRow[0] = 0;
    for (let column = 1; column <= width; column += 1) {
      const sourcePosition = from + column - 1;
      const sourceId = source.keyIds[sourcePosition]!;
      let diagonal = Number.NEGATIVE_INFINITY;
      if (sourceId === quoteId) diagonal = previousRow[column - 1]! + 1 + quoteWeight;
      else if (quoteWeight === 1) {
        const cacheKey = sourceId * (quoteLength + 1) + row;
        let slip = slipCache.get(cacheKey);
        if (slip === undefined) {
          slip = isOneSlipApart(quote.keys(row - 1), source.keys(sourcePosition));
          slipCache.set(cacheKey, slip);
        }
        if (slip) diagonal = previousRow[column - 1]! + 1.5;
      }
      const skipQuote = previousRow[column]! - quoteWeight;
      const skipSource = currentRow[column - 1]! - weightOf(source.classes[sourcePosition]!);
      let value = 0;
      let direction = STOP;
      if (diagonal > value) {
        value = diagonal;
        direction = DIAGONAL;
      }
      if (skipQuote > value) {
        value = skipQuote;
        direction = SKIP_QUOTE;
      }
      if (skipSource > value) {
        value = skipSource;
        direction = SKIP_SOURCE;
      }
      currentRow[column] = value;
      directions[row * (width + 1) + column] = direction;
      if (value > best) {
        best = value;
        bestRow = row;
        bestColumn = column;
      }
    }
    [previousRow, currentRow] = [currentRow, previousRow];
  }
  const pairs: AlignedPair[] = [];
  let row = bestRow;
  let column = bestColumn;
  while (row > 0 && column > 0) {
    const direction = directions[row * (width + 1) + column];
    if (direction === DIAGONAL) {
      const sourcePosition = from + column - 1;
      pairs.push({ quotePosition: row - 1, sourcePosition, typo: source.keyIds[sourcePosition] !== quote.keyIds[row - 1] });
      row -= 1;
      column -= 1;
    } else if (direction === SKIP_QUOTE) row -= 1;
    else if (direction === SKIP_SOURCE) column -= 1;
    else break;
  }
  return pairs.reverse();
}
