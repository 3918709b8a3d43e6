import { carriesMeaning, isHedge, modalOf, personOf } from "./meaning-words.ts";

// Word lists that decide what a quote may drop (fillers) and what weighs less (function words);
// words that carry meaning (meaning-words.ts) always count in full.

export const WORD_CLASS = { content: 0, stop: 1, filler: 2 } as const;
type WordClass = (typeof WORD_CLASS)[keyof typeof WORD_CLASS];

const FILLERS = new Set([
  "um",
  "umm",
  "uh",
  "uhh",
  "uhm",
  "er",
  "erm",
  "ah",
  "hmm",
  "hm",
  "mm",
  "mhm",
  "like",
  "so",
  "well",
  "basically",
  "actually",
  "literally",
  "just",
  "really",
  "right",
  "okay",
  "ok",
  "yeah",
  "oh",
  "very",
  "quite",
  "totally",
  "truly",
  "honestly",
  "frankly",
]);

const FILLER_PAIRS = new Set(["you know", "i mean", "kind of", "sort of", "you see"]);
const FILLER_PAIR_FIRSTS = new Set([...FILLER_PAIRS].map((pair) => pair.split(" ")[0]!));

const STOP_WORDS = new Set([
  "a",
  "an",
  "the",
  "and",
  "or",
  "but",
  "of",
  "to",
  "in",
  "on",
  "at",
  "for",
  "with",
  "by",
  "from",
  "as",
  "into",
  "about",
  "up",
  "out",
  "over",
  "than",
  "then",
  "if",
  "that",
  "this",
  "these",
  "those",
  "there",
  "here",
  "it",
  "its",
  "it's",
  "is",
  "are",
  "was",
  "were",
  "be",
  "been",
  "being",
  "am",
  "do",
  "does",
  "did",
  "have",
  "has",
  "had",
  "i",
  "i'm",
  "i've",
  "i'll",
  "i'd",
  "you",
  "you're",
  "you've",
  "you'll",
  "we",
  "we're",
  "we've",
  "we'll",
  "we'd",
  "they",
  "they're",
  "they've",
  "he",
  "she",
  "me",
  "him",
  "her",
  "us",
  "them",
  "my",
  "your",
  "our",
  "their",
  "his",
  "what",
  "which",
  "who",
  "will",
  "would",
  "can",
  "could",
  "should",
  "shall",
  "may",
  "might",
  "must",
  "that's",
  "there's",
  "what's",
  "let's",
  "get",
  "got",
  "go",
  "going",
  "all",
  "some",
  "also",
  "$",
  "€",
  "£",
  "¥",
]);

function baseClass(key: string): WordClass {
  if (FILLERS.has(key)) return WORD_CLASS.filler;
  if (STOP_WORDS.has(key)) return WORD_CLASS.stop;
  return WORD_CLASS.content;
}

/** Class of each token, with two-word fillers ("you know", "I mean") marked on both words. */
export function classifyWords(keys: readonly string[]): Uint8Array {
  return classifyKeys(
    keys.length,
    (index) => keys[index]!,
    (index) => classOfKey(keys[index]!),
  );
}

/** `classifyWords` of a token table's words, each distinct word classified once. */
export function classifyWordIds(keyIds: Int32Array, vocabulary: readonly string[]): Uint8Array {
  const byKeyId = Uint8Array.from(vocabulary, classOfKey);
  return classifyKeys(
    keyIds.length,
    (index) => vocabulary[keyIds[index]!]!,
    (index) => byKeyId[keyIds[index]!]!,
  );
}

function classOfKey(key: string): WordClass {
  return carriesMeaning(key) ? WORD_CLASS.content : baseClass(key);
}

function classifyKeys(count: number, keyAt: (index: number) => string, classAt: (index: number) => number): Uint8Array {
  const classes = new Uint8Array(count);
  for (let index = 0; index < count; index += 1) {
    classes[index] = classAt(index);
    if (index > 0 && FILLER_PAIR_FIRSTS.has(keyAt(index - 1)) && FILLER_PAIRS.has(`${keyAt(index - 1)} ${keyAt(index)}`)) {
      classes[index - 1] = WORD_CLASS.filler;
      classes[index] = WORD_CLASS.filler;
    }
  }
  return classes;
}

/** Weight of a word class in coverage and density: fillers are free to drop, function words cheap. */
export function weightOf(wordClass: number): number {
  if (wordClass === WORD_CLASS.filler) return 0;
  return wordClass === WORD_CLASS.stop ? 0.5 : 1;
}

const ARTICLES = new Set(["a", "an", "the"]);

/**
 * Whether a quote may leave this source word out and still be the speaker's words: a pronoun
 * (not one carrying a modal, as "we'll"), an article, a filler or a hedge. Never a negation,
 * number, date, name or modal.
 */
export function isHarmlessOmission(key: string): boolean {
  if (carriesMeaning(key) || modalOf(key) !== null) return false;
  return ARTICLES.has(key) || personOf(key) !== null || FILLERS.has(key) || isHedge(key);
}
