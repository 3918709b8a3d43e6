import type { Segment } from "../domain/source.ts";
import { type NormalizedText, normalizeForMatching } from "./normalize-for-matching.ts";
import { tokenizeWords } from "./tokenize-words.ts";
import { classifyWords } from "./word-classes.ts";

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
  const tokens = tokenizeWords(text);
  const count = tokens.length;
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  const keyIds = new Int32Array(count);
  const vocabulary: string[] = [];
  const keyIdByKey = new Map<string, number>();
  const frequencies: number[] = [];
  for (let position = 0; position < count; position += 1) {
    const token = tokens[position]!;
    starts[position] = token.start;
    ends[position] = token.end;
    let keyId = keyIdByKey.get(token.key);
    if (keyId === undefined) {
      keyId = vocabulary.length;
      keyIdByKey.set(token.key, keyId);
      vocabulary.push(token.key);
      frequencies.push(0);
    }
    keyIds[position] = keyId;
    frequencies[keyId]! += 1;
  }
  const postings = frequencies.map((frequency) => new Int32Array(frequency));
  const filled = new Int32Array(vocabulary.length);
  for (let position = 0; position < count; position += 1) {
    const keyId = keyIds[position]!;
    postings[keyId]![filled[keyId]!] = position;
    filled[keyId]! += 1;
  }
  const classes = classifyWords(tokens.map((token) => token.key));
  return { count, starts, ends, keyIds, classes, vocabulary, keyIdByKey, postings };
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
