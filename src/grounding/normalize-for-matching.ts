import { FoldedOffsetsWriter, type FoldedOffsets } from "./folded-offsets.ts";

/** Text folded for comparison, with the original index of every folded character. */
export type NormalizedText = {
  text: string;
  /** offsets.at(k) is the index in the original text of folded character k (non-decreasing). */
  offsets: FoldedOffsets;
};

const DASHES = new Set(["-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\ufe58", "\ufe63", "\uff0d"]);
const SINGLE_QUOTES = new Set(["\u2018", "\u2019", "\u201a", "\u201b", "\u2032", "\u02bc", "`", "\u00b4"]);
const DOUBLE_QUOTES = new Set(["\u201c", "\u201d", "\u201e", "\u201f", "\u2033", "\u00ab", "\u00bb"]);
const INVISIBLE = new Set(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]);
const WHITESPACE = /\s/;
const UTF16_DECODER = new TextDecoder("utf-16le");
const SURROUNDING = new Set([..." \"'()[]{}<>.,;:!?*_~-"]);

class FoldedWriter {
  private codes: Uint16Array;
  private readonly offsets = new FoldedOffsetsWriter();
  length = 0;

  constructor(capacity: number) {
    this.codes = new Uint16Array(Math.max(16, capacity));
  }

  push(code: number, offset: number): void {
    if (this.length === this.codes.length) {
      const codes = new Uint16Array(this.codes.length * 2);
      codes.set(this.codes);
      this.codes = codes;
    }
    this.codes[this.length] = code;
    this.offsets.push(offset);
    this.length += 1;
  }

  finish(): NormalizedText {
    // A lone surrogate decodes to U+FFFD, still one unit, so offsets stay aligned.
    const text = UTF16_DECODER.decode(this.codes.subarray(0, this.length));
    return { text, offsets: this.offsets.finish() };
  }
}

function foldCase(character: string, code: number): number {
  if (code >= 65 && code <= 90) return code + 32;
  if (code < 128) return code;
  const lower = character.toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : code;
}

/**
 * Folds case, whitespace runs, curly quotes, dashes (with the spaces around them) and
 * ellipses, so that two renderings of the same words compare equal. Linear in the input.
 */
export function normalizeForMatching(text: string): NormalizedText {
  const out = new FoldedWriter(text.length + 8);
  let pendingSpace = -1;
  let afterJoiner = false;
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    // Plain ASCII letters, digits and punctuation are most of any transcript: fold them directly.
    if (code > 32 && code < 128 && code !== 45 && code !== 46 && code !== 96) {
      if (pendingSpace >= 0) out.push(32, pendingSpace);
      pendingSpace = -1;
      afterJoiner = false;
      out.push(code >= 65 && code <= 90 ? code + 32 : code, index);
      index += 1;
      continue;
    }
    const character = text[index]!;
    if (INVISIBLE.has(character)) {
      index += 1;
      continue;
    }
    if (code === 32 || (code < 128 ? code >= 9 && code <= 13 : WHITESPACE.test(character))) {
      if (pendingSpace < 0 && !afterJoiner && out.length > 0) pendingSpace = index;
      index += 1;
      continue;
    }
    let runEnd = index + 1;
    if (DASHES.has(character)) {
      while (runEnd < text.length && DASHES.has(text[runEnd]!)) runEnd += 1;
      // "honest—the", "honest - the" and "honest -- the" all read as one dash.
      out.push(45, index);
      pendingSpace = -1;
      afterJoiner = true;
      index = runEnd;
      continue;
    }
    if (character === "\u2026" || (character === "." && text[index + 1] === ".")) {
      while (runEnd < text.length && text[runEnd] === ".") runEnd += 1;
      out.push(46, index);
      out.push(46, Math.min(index + 1, runEnd - 1));
      out.push(46, runEnd - 1);
      pendingSpace = -1;
      afterJoiner = true;
      index = runEnd;
      continue;
    }
    if (pendingSpace >= 0) out.push(32, pendingSpace);
    pendingSpace = -1;
    afterJoiner = false;
    if (SINGLE_QUOTES.has(character)) out.push(39, index);
    else if (DOUBLE_QUOTES.has(character)) out.push(34, index);
    else out.push(foldCase(character, code), index);
    index += 1;
  }
  return out.finish();
}

/** The folded quote without the punctuation and quote marks around it ("“We will.”" → "we will"). */
export function foldQuoteCore(quote: string): string {
  const folded = normalizeForMatching(quote).text;
  let start = 0;
  let end = folded.length;
  while (start < end && SURROUNDING.has(folded[start]!)) start += 1;
  while (end > start && SURROUNDING.has(folded[end - 1]!)) end -= 1;
  return folded.slice(start, end);
}
