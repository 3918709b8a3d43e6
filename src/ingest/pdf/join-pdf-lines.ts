const WORD = /\p{L}+(?:-\p{L}+)*/gu;
const LETTER = /\p{L}/u;
const LOWERCASE_WORD = /^\p{Ll}+/u;

/** How a line break between two lines of one paragraph is closed. */
type LineJoint = {
  /** Characters to remove from the end of the previous line (a hyphen that split a word). */
  dropFromPrevious: number;
  separator: string;
};

/** Lowercased words of a document, hyphenated compounds included, to decide line-end hyphens. */
export function collectVocabulary(lines: string[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines) {
    for (const match of line.matchAll(WORD)) words.add(match[0].toLowerCase());
  }
  return words;
}

function trailingWord(line: string): string {
  let start = line.length;
  const stop = Math.max(0, line.length - 64);
  while (start > stop && LETTER.test(line[start - 1] as string)) start--;
  return line.slice(start);
}

/**
 * Decides how two lines of one paragraph meet. A soft hyphen, or a line-end hyphen splitting a word
 * the document spells whole elsewhere ("agree-" + "ment"), is dropped; other hyphens stay
 * ("longer-" + "term"), since word processors break lines at real hyphens and rarely hyphenate.
 */
export function joinLines(previous: string, next: string, vocabulary: Set<string>): LineJoint {
  if (previous.endsWith("\u00ad")) return { dropFromPrevious: 1, separator: "" };
  if (previous.endsWith("—")) return { dropFromPrevious: 0, separator: "" };
  if (!previous.endsWith("-") && !previous.endsWith("\u2010")) return { dropFromPrevious: 0, separator: " " };
  const left = trailingWord(previous.slice(0, -1)).toLowerCase();
  const right = LOWERCASE_WORD.exec(next.slice(0, 64))?.[0];
  // A dash after a space is punctuation ("fast -"); after a letter or digit it binds ("Anglo-" "Saxon").
  if (left === "" || right === undefined) return { dropFromPrevious: 0, separator: /\s-$/.test(previous) ? " " : "" };
  const splitsAWord = !vocabulary.has(`${left}-${right}`) && vocabulary.has(`${left}${right}`);
  return { dropFromPrevious: splitsAWord ? 1 : 0, separator: "" };
}
