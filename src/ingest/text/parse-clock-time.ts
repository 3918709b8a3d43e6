const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,](\d{1,3}))?$/;

/** Milliseconds of a transcript clock ("1:02", "01:02:03", "0:05.250"); null when it is not one. */
export function parseClockTime(value: string): number | null {
  const match = CLOCK.exec(value);
  if (match === null) return null;
  const first = Number(match[1]);
  const second = Number(match[2]);
  const fraction = match[4] === undefined ? 0 : Number(match[4].padEnd(3, "0"));
  if (match[3] === undefined) {
    // Two parts are minutes:seconds; minutes may pass 59 in long recordings ("75:12").
    if (second > 59) return null;
    return (first * 60 + second) * 1000 + fraction;
  }
  const third = Number(match[3]);
  if (second > 59 || third > 59) return null;
  return ((first * 60 + second) * 60 + third) * 1000 + fraction;
}

/** A clock as a regex source fragment, for building line patterns (no captures inside). */
export const CLOCK_SOURCE = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;
