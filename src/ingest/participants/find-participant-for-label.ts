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

/** The one person the indexes point at; the same name and email listed twice is still one person. */
function unique(indexes: number[], participants: Participant[]): number | "ambiguous" | null {
  if (indexes.length === 0) return null;
  const identity = (p: Participant) => `${nameWords(p.name).join(" ")}\u0000${p.email?.toLowerCase() ?? ""}`;
  const first = identity(participants[indexes[0]!]!);
  return indexes.every((index) => identity(participants[index]!) === first) ? indexes[0]! : "ambiguous";
}

function matching(participants: Participant[], test: (participant: Participant) => boolean): number[] {
  const indexes: number[] = [];
  participants.forEach((participant, index) => {
    if (test(participant)) indexes.push(index);
  });
  return indexes;
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

/**
 * The participant a speaker label stands for: a label already listed, the full name, the first
 * name or a leading part of the name, initials, the last name, the email address or its local
 * part, or a role abbreviation of the title ("AE"). Tried in that order; a rule that matches
 * two people stops the search, so a shared first name is never guessed. Returns an index or null.
 */
export function findParticipantForLabel(label: string, participants: Participant[]): number | null {
  const lower = label.toLowerCase().replace(/\s+/g, " ").trim();
  const labelWords = nameWords(label);
  const labelName = labelWords.join(" ");
  const byTitle = (p: Participant) => p.title !== undefined && (TITLE_ALIASES[lower] ?? [lower]).includes(p.title.toLowerCase());
  const rules: ((participant: Participant) => boolean)[] = [
    (p) => (p.labels ?? []).includes(label),
    (p) => nameWords(p.name).join(" ") === labelName,
    // A role label ("AE") is a title before it is anyone's initials.
    ...(lower in TITLE_ALIASES ? [byTitle] : []),
    (p) => {
      const words = nameWords(p.name);
      // "Sarah" and "Sarah C." both start "Sarah Chen"; an initial may stand for the last word.
      return (
        words.length >= labelWords.length &&
        labelWords.every((word, i) => words[i] === word || (i > 0 && i === labelWords.length - 1 && isInitialOf(word, words[i]!)))
      );
    },
    (p) => /^[A-Z]{2,4}$/.test(label) && initials(nameWords(p.name)) === lower && nameWords(p.name).length > 1,
    (p) => labelWords.length === 1 && nameWords(p.name).length > 1 && nameWords(p.name).at(-1) === labelName,
    (p) => p.email !== undefined && (p.email.toLowerCase() === lower || p.email.toLowerCase().split("@")[0] === lower),
    byTitle,
  ];
  for (const rule of rules) {
    const found = unique(matching(participants, rule), participants);
    if (found === "ambiguous") return null;
    if (found !== null) return found;
  }
  return null;
}
