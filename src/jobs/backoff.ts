/** First retry after about this long; each further retry doubles it. */
export const BACKOFF_BASE_MS = 5_000;
/** Longest wait between two attempts. */
export const BACKOFF_MAX_MS = 300_000;

/**
 * The wait before attempt `attempt + 1`: exponential in the attempts made, with "equal jitter" (half fixed, half
 * random) so that jobs failed together do not come back together.
 */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
