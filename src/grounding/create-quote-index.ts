import type { Segment } from "../domain/source.ts";
import { type NormalizedText, normalizeForMatching } from "./normalize-for-matching.ts";
import { scanWords } from "./tokenize-words.ts";
import { classifyWordIds } from "./word-classes.ts";

/** The source's word tokens as parallel arrays, with the positions of each distinct word. */
export type TokenTable = {
  readonly count: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly keyIds: Int32Array;
  /** WORD_CLASS of each token. */
  readonly classes: Uint8Array;
  readonly vocabulary: readonly string[];
  readonly keyIdByKey: ReadonlyMap<string, number>;
  /** postings[keyId]: the token positions of that word, ascending. */
  readonly postings: readonly Int32Array[];
};

/** Everything repeated quote verification against one source needs, computed once. */
export type QuoteIndex = {
  readonly text: string;
  /** Segments in text order. */
  readonly segments: readonly Segment[];
  readonly segmentPositionById: ReadonlyMap<string, number>;
  readonly folded: NormalizedText;
  readonly tokens: TokenTable;
  /** Whether the text has zero-width characters, which folding removes from inside words. */
  readonly hasInvisibleCharacters: boolean;
};

const INVISIBLE_CHARACTERS = /[\u200b-\u200d\u2060\ufeff\u00ad]/;

function buildTokenTable(text: string): TokenTable {
  // Tokens go straight into typed arrays: a megabyte of text has about 200,000 of them.
  let capacity = Math.max(16, text.length >>> 3);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let keyIds = new Int32Array(capacity);
  let count = 0;
  const vocabulary: string[] = [];
  const keyIdByKey = new Map<string, number>();
  const frequencies: number[] = [];
  scanWords(text, (key, start, end) => {
    if (count === capacity) {
      capacity *= 2;
      starts = grown(starts, capacity);
      ends = grown(ends, capacity);
      keyIds = grown(keyIds, capacity);
    }
    let keyId = keyIdByKey.get(key);
    if (keyId === undefined) {
      keyId = vocabulary.length;
      keyIdByKey.set(key, keyId);
      vocabulary.push(key);
      frequencies.push(0);
    }
    starts[count] = start;
    ends[count] = end;
    keyIds[count] = keyId;
    frequencies[keyId]! += 1;
    count += 1;
  });
  [starts, ends, keyIds] = [starts.slice(0, count), ends.slice(0, count), keyIds.slice(0, count)];
  const postings = frequencies.map((frequency) => new Int32Array(frequency));
  const filled = new Int32Array(vocabulary.length);
  for (let position = 0; position < count; position += 1) {
    const keyId = keyIds[position]!;
    postings[keyId]![filled[keyId]!] = position;
    filled[keyId]! += 1;
  }
  const classes = classifyWordIds(keyIds, vocabulary);
  return { count, starts, ends, keyIds, classes, vocabulary, keyIdByKey, postings };
}

function grown(values: Int32Array<ArrayBuffer>, capacity: number): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(capacity);
  larger.set(values);
  return larger;
}

/** Precomputes folded text, tokens and segment lookups of a parsed source (linear in its size). */
export function createQuoteIndex(parsed: { source: { text: string }; segments: readonly Segment[] }): QuoteIndex {
  const text = parsed.source.text;
  const segments = [...parsed.segments].sort((a, b) => a.charStart - b.charStart);
  const segmentPositionById = new Map<string, number>();
  segments.forEach((segment, position) => {
    if (!segmentPositionById.has(segment.id)) segmentPositionById.set(segment.id, position);
  });
  return {
    text,
    segments,
    segmentPositionById,
    folded: normalizeForMatching(text),
    tokens: buildTokenTable(text),
    hasInvisibleCharacters: INVISIBLE_CHARACTERS.test(text),
  };
}
