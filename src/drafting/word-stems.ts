// Words too common to say two sentences are about one thing.
const COMMON = new Set(
  "that this with from your they them their then there what when which about after before also just more make sure have will would could should send sent team".split(
    " ",
  ),
);

/**
 * The words of a text that say what it is about, for telling whether two lines speak of one thing: four letters or
 * more, not a common word, without a plural or past ending ("waived" and "waive", "seats" and "seat" are one).
 */
export function wordStems(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter((word) => word.length >= 4 && !COMMON.has(word))
      .map((word) => word.replace(/[sd]$/, "").replace(/e$/, "")),
  );
}

/** How many stems two sets share. */
export function countSharedStems(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const stem of a) if (b.has(stem)) shared += 1;
  return shared;
}
