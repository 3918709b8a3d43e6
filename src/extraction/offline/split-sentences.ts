type Span = { start: number; end: number };

// Abbreviations whose trailing period does not end a sentence.
const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "st",
  "vs",
  "etc",
  "e.g",
  "i.e",
  "inc",
  "ltd",
  "co",
  "corp",
  "jr",
  "sr",
  "approx",
  "est",
  "dept",
  "ave",
  "p.m",
  "a.m",
]);

const MAX_SENTENCE = 400;
// A line that starts a list item: "- x", "* x", "• x", "1. x", "2) x".
const LIST_ITEM = /^[ \t]*(?:[-*•–]|\d{1,2}[.)])[ \t]+/;
const CLOSERS = /["'”’)\]]/;

/**
 * Sentence spans of a text (offsets into it), trimmed, never empty. Blank lines and list items
 * start a new sentence; a list marker is left out of the span; long runs are cut at a word boundary.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = skipListMarker(text, 0);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "\n") {
      const next = i + 1;
      if (text[next] === "\n" || LIST_ITEM.test(lineAt(text, next))) {
        pushTrimmed(text, start, i, spans);
        start = skipListMarker(text, next);
        i = start - 1;
      }
    } else if ((ch === "." || ch === "!" || ch === "?") && endsSentence(text, i)) {
      let end = i + 1;
      while (end < text.length && CLOSERS.test(text[end]!)) end++;
      pushTrimmed(text, start, end, spans);
      start = end;
      i = end - 1;
    }
  }
  pushTrimmed(text, start, text.length, spans);
  return spans;
}

function lineAt(text: string, from: number): string {
  const stop = text.indexOf("\n", from);
  return text.slice(from, stop === -1 ? Math.min(text.length, from + 8) : Math.min(stop, from + 8));
}

function skipListMarker(text: string, from: number): number {
  const match = LIST_ITEM.exec(lineAt(text, from));
  return match === null ? from : from + match[0].length;
}

function endsSentence(text: string, i: number): boolean {
  const next = text[i + 1];
  if (next === undefined) return true;
  if (!/[\s"'”’)\]]/.test(next)) return false; // "$1.5M", "e.g.x", "v2.0"
  if (text[i] !== ".") return true;
  if (text[i - 1] === ".") return false; // an ellipsis "..." trails off mid-thought
  const wordStart = Math.max(text.lastIndexOf(" ", i - 1), text.lastIndexOf("\n", i - 1)) + 1;
  const word = text
    .slice(wordStart, i)
    .toLowerCase()
    .replace(/^[("'“‘]+/, "");
  if (ABBREVIATIONS.has(word)) return false;
  if (word === "no" && /^\s*\d/.test(text.slice(i + 1, i + 4))) return false; // "No. 5", but "he said no."
  return !/^[a-z]$/i.test(word); // initials like "J. Smith"
}

function pushTrimmed(text: string, from: number, to: number, spans: Span[]): void {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  while (end - start > MAX_SENTENCE) {
    const stop = lastSpaceBefore(text, start + 40, start + MAX_SENTENCE) ?? start + MAX_SENTENCE;
    spans.push({ start, end: stop });
    start = stop;
    while (start < end && /\s/.test(text[start]!)) start++;
  }
  if (end > start) spans.push({ start, end });
}

// Searches only the window, so a long run without spaces stays linear (lastIndexOf would scan back to 0).
function lastSpaceBefore(text: string, from: number, to: number): number | null {
  for (let i = to; i > from; i--) if (text[i] === " ") return i;
  return null;
}
