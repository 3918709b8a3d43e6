import type { Participant } from "../../domain/source.ts";

const HONORIFICS = new Set(["dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "prof", "prof.", "sir", "dame"]);
const PARTICLES = new Set(["de", "da", "del", "der", "den", "van", "von", "la", "le", "du", "di", "dos", "das", "bin", "al"]);
// Short role labels and the titles they stand for.
const TITLE_ALIASES: Record<string, string[]> = {
  ae: ["ae", "account executive"],
  sdr: ["sdr", "sales development representative", "sales development rep"],
  bdr: ["bdr", "business development representative", "business development rep"],
  csm: ["csm", "customer success manager"],
  se: ["se", "sales engineer", "solutions engineer"],
};

/** Lower-case words of a person's name without honorifics ("Dr. Melissa Ko" → ["melissa", "ko"]). */
function nameWords(name: string): string[] {
  const words = name.toLowerCase().replace(/\s+/g, " ").trim().split(" ");
  while (words.length > 1 && HONORIFICS.has(words[0]!)) words.shift();
  return words;
}

// Linking asks about every label against every attendee: each participant's name is split once, not once per rule and label.
const WORDS_OF = new WeakMap<Participant, { name: string; words: string[] }>();

/** nameWords of a participant's name, remembered for as long as the participant object lives and its name stays. */
function wordsOf(participant: Participant): string[] {
  const known = WORDS_OF.get(participant);
  if (known !== undefined && known.name === participant.name) return known.words;
  const words = nameWords(participant.name);
  WORDS_OF.set(participant, { name: participant.name, words });
  return words;
}

/** The one person the indexes point at; the same name and email listed twice is still one person. */
function unique(indexes: number[], participants: Participant[]): number | "ambiguous" | null {
  if (indexes.length === 0) return null;
  const identity = (p: Participant) => `${wordsOf(p).join(" ")}\u0000${p.email?.toLowerCase() ?? ""}`;
  const first = identity(participants[indexes[0]!]!);
  return indexes.every((index) => identity(participants[index]!) === first) ? indexes[0]! : "ambiguous";
}

function isInitialOf(word: string, nameWord: string): boolean {
  const letter = word.endsWith(".") ? word.slice(0, -1) : word;
  return letter.length === 1 && nameWord.startsWith(letter);
}

function initials(words: string[]): string {
  return words
    .filter((word) => !PARTICLES.has(word))
    .map((word) => word[0])
    .join("");
}

/** Indexes of participants by each key a rule looks up, so a label is matched against a few candidates, not everyone. */
class KeyIndex {
  readonly #map = new Map<string, number[]>();

  add(key: string, index: number): void {
    const list = this.#map.get(key);
    if (list === undefined) this.#map.set(key, [index]);
    else if (list.at(-1) !== index) list.push(index);
  }

  get(...keys: string[]): number[] {
    const found = keys.flatMap((key) => this.#map.get(key) ?? []);
    return keys.length === 1 ? found : [...new Set(found)].sort((a, b) => a - b);
  }
}

/** What matches labels to a fixed list of participants; built once, asked once per distinct label. */
export type ParticipantFinder = {
  /** The participant a label stands for (see findParticipantForLabel), or null. */
  find(label: string): number | null;
  /** Records that the participant at `index` now carries `label` as well. */
  addLabel(label: string, index: number): void;
};

/**
 * Indexes participants by label, full name, first word, initials, last word, email, email local part and title.
 * Each rule of findParticipantForLabel then looks at the participants sharing its key only, so linking a file's
 * labels is near-linear in speakers instead of speakers times participants.
 */
export function createParticipantFinder(participants: Participant[]): ParticipantFinder {
  const byLabel = new KeyIndex();
  const byName = new KeyIndex();
  const byFirstWord = new KeyIndex();
  const byInitials = new KeyIndex();
  const byLastWord = new KeyIndex();
  const byEmail = new KeyIndex();
  const byTitle = new KeyIndex();
  participants.forEach((p, index) => {
    const words = wordsOf(p);
    for (const label of p.labels ?? []) byLabel.add(label, index);
    byName.add(words.join(" "), index);
    byFirstWord.add(words[0]!, index);
    if (words.length > 1) {
      byInitials.add(initials(words), index);
      byLastWord.add(words.at(-1)!, index);
    }
    if (p.email !== undefined) {
      const email = p.email.toLowerCase();
      byEmail.add(email, index);
      byEmail.add(email.split("@")[0]!, index);
    }
    if (p.title !== undefined) byTitle.add(p.title.toLowerCase(), index);
  });

  const find = (label: string): number | null => {
    const lower = label.toLowerCase().replace(/\s+/g, " ").trim();
    const labelWords = nameWords(label);
    const labelName = labelWords.join(" ");
    const titleRule = (): number[] => byTitle.get(...(TITLE_ALIASES[lower] ?? [lower]));
    // Each rule: the candidates its key selects, then the rule itself, in the order of the participants.
    const rules: (() => number[])[] = [
      () => byLabel.get(label),
      () => byName.get(labelName),
      // A role label ("AE") is a title before it is anyone's initials.
      ...(lower in TITLE_ALIASES ? [titleRule] : []),
      () =>
        byFirstWord.get(labelWords[0]!).filter((index) => {
          const words = wordsOf(participants[index]!);
          // "Sarah" and "Sarah C." both start "Sarah Chen"; an initial may stand for the last word.
          return (
            words.length >= labelWords.length &&
            labelWords.every((word, i) => words[i] === word || (i > 0 && i === labelWords.length - 1 && isInitialOf(word, words[i]!)))
          );
        }),
      () => (/^[A-Z]{2,4}$/.test(label) ? byInitials.get(lower) : []),
      () => (labelWords.length === 1 ? byLastWord.get(labelName) : []),
      () => byEmail.get(lower),
      titleRule,
    ];
    for (const rule of rules) {
      const found = unique(rule(), participants);
      if (found === "ambiguous") return null;
      if (found !== null) return found;
    }
    return null;
  };

  return { find, addLabel: (label, index) => byLabel.add(label, index) };
}

/**
 * The participant a speaker label stands for: a label already listed, the full name, the first
 * name or a leading part of the name, initials, the last name, the email address or its local
 * part, or a role abbreviation of the title ("AE"). Tried in that order; a rule that matches
 * two people stops the search, so a shared first name is never guessed. Returns an index or null.
 * To match many labels against the same participants, build a finder once (createParticipantFinder).
 */
export function findParticipantForLabel(label: string, participants: Participant[]): number | null {
  return createParticipantFinder(participants).find(label);
}
