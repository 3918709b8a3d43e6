export type Span = { start: number; end: number };

// Abbreviations whose trailing period does not end a sentence.
const ABBREVIATIONS = new Set(["mr", "mrs", "ms", "dr", "st", "vs", "etc", "e.g", "i.e", "inc", "ltd", "co", "corp", "jr", "sr", "no", "approx"]);

const MAX_SENTENCE = 400;

/** Sentence spans of a text (offsets into it), trimmed, never empty; long runs are cut at a word boundary. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "\n" && text[i + 1] === "\n") {
      pushTrimmed(text, start, i, spans);
      start = i + 1;
    } else if ((ch === "." || ch === "!" || ch === "?") && endsSentence(text, i)) {
      let end = i + 1;
      while (end < text.length && /["'”’)\]]/.test(text[end]!)) end++;
      pushTrimmed(text, start, end, spans);
      start = end;
      i = end - 1;
    }
  }
  pushTrimmed(text, start, text.length, spans);
  return spans;
}

function endsSentence(text: string, i: number): boolean {
  const next = text[i + 1];
  if (next === undefined) return true;
  if (!/[\s"'”’)\]]/.test(next)) return false; // "$1.5M", "e.g.x", "v2.0"
  if (text[i] !== ".") return true;
  const wordStart = text.lastIndexOf(" ", i - 1) + 1;
  const word = text.slice(wordStart, i).toLowerCase().replace(/^[("'“‘]+/, "");
  if (ABBREVIATIONS.has(word)) return false;
  return !/^[a-z]$/i.test(word); // initials like "J. Smith"
}

function pushTrimmed(text: string, from: number, to: number, spans: Span[]): void {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  while (end - start > MAX_SENTENCE) {
    const cut = text.lastIndexOf(" ", start + MAX_SENTENCE);
    const stop = cut > start + 40 ? cut : start + MAX_SENTENCE;
    spans.push({ start, end: stop });
    start = stop;
    while (start < end && /\s/.test(text[start]!)) start++;
  }
  if (end > start) spans.push({ start, end });
}
