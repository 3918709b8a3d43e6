/** A `Name: text` prefix found at the head of a piece; the spoken text starts at `textStart`. */
type SpeakerPrefix = { name: string; textStart: number };

// A name is at most 60 characters before the first colon, and the colon is followed by a space
// or ends the text, so "9:31 A.M." and "https://…" are not names.
const MAX_NAME_LENGTH = 60;
const NAME_START = /^[\p{L}\p{N}+(]/u;
const NOT_IN_NAMES = /[!?;"<>{}[\]=]|https?|www\./i;
const ALL_DIGITS = /^\d+$/;
const MAX_NAME_WORDS = 6;

function countWords(name: string): number {
  let words = 1;
  for (let index = name.indexOf(" "); index !== -1; index = name.indexOf(" ", index + 1)) words++;
  return words;
}

/** Finds a `Name:` speaker prefix (Zoom style, "Caleob King: Hello") at the start of a piece's text, or null. */
export function findSpeakerPrefix(text: string): SpeakerPrefix | null {
  const colon = text.indexOf(":");
  if (colon < 1 || colon > MAX_NAME_LENGTH) return null;
  let textStart = colon + 1;
  while (text[textStart] === " " || text[textStart] === "\t") textStart++;
  if (textStart === colon + 1 && textStart < text.length) return null;
  const name = text.slice(0, colon).trim();
  if (name === "" || !NAME_START.test(name) || NOT_IN_NAMES.test(name) || ALL_DIGITS.test(name)) return null;
  if (countWords(name) > MAX_NAME_WORDS) return null;
  return { name, textStart };
}

// Name particles that stay lowercase inside a capitalized name ("Ana de la Cruz").
const PARTICLES = new Set("de da del della di du la le van von der den bin al".split(" "));
// Labels that open ordinary text ("Note: bring gloves"), never speaker names.
const NOT_NAMES = new Set(
  "note notes warning caution tip example reminder update agenda summary subject translation subtitles captions".split(" "),
);

/** Every word capitalized, a particle, or not a word (digits, "(Guest)", "+1"): "Note the time" is not. */
function looksLikeName(name: string): boolean {
  return name.split(" ").every((word) => !/^\p{Ll}/u.test(word) || /\p{Lu}/u.test(word) || PARTICLES.has(word));
}

/** How many cue heads (without a voice tag) a file has, and how often each `Name:` prefix opens one. */
export type PrefixTally = { heads: number; names: Map<string, number> };

/**
 * Decides which found prefixes are speaker names rather than text such as "Note: …": any name
 * after a `>>` marker (outside a few label words); otherwise a name-like label used twice, or
 * used once in a file whose cue heads mostly carry one (a Zoom transcript, where a lowercase
 * display name also counts when repeated).
 */
export function createSpeakerNameFilter(tally: PrefixTally): (name: string, afterMarker: boolean) => boolean {
  let found = 0;
  for (const count of tally.names.values()) found += count;
  const mostly = found > 0 && found * 2 >= tally.heads;
  // Judged once per distinct label: a Zoom file repeats the same few names on every cue.
  const verdicts = new Map<string, boolean>();
  const judge = (name: string): boolean => {
    if (NOT_NAMES.has(name.toLowerCase())) return false;
    const repeated = (tally.names.get(name) ?? 0) >= 2;
    if (looksLikeName(name)) return repeated || mostly;
    return repeated && mostly;
  };
  return (name, afterMarker) => {
    if (afterMarker) return !NOT_NAMES.has(name.toLowerCase());
    let verdict = verdicts.get(name);
    if (verdict === undefined) {
      verdict = judge(name);
      verdicts.set(name, verdict);
    }
    return verdict;
  };
}
