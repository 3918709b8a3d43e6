import type { CandidateItem } from "../extractor.ts";
import type { DealPeople } from "./deal-people.ts";
import { fillDetails } from "./item-details.ts";
import { chunkPieces, citePiece, type SentencePiece, stateItem } from "./sentence-piece.ts";

// A line naming no alternative ("It's cheaper until you count the integration project.") answers the one named
// this many turns before it at most.
const MAX_TURNS_BACK = 2;

// "We've narrowed it down to you and one other vendor", "The other vendor quoted us lower": one alternative unnamed.
const THE_OTHER = /\b(?:an?|one|the|that) other (?:vendor|provider|option|tool|solution|platform)\b/i;

/** `other`: the unnamed alternative the lines call "the other vendor". */
type Group = { order: number; names: string[]; pieces: SentencePiece[]; other: boolean };

/**
 * The competitive lines of a deal, one item an alternative across sources: a line names its alternative
 * ("Service Cloud" and "Salesforce Service Cloud" are one), else goes with the alternative named just before it
 * in the same source, so a rebuttal ("cheaper until you count…") and why they chose the vendor stay with the
 * alternative they answer. `isOwnSystem`: names of the customer's own systems, never an alternative.
 */
export function groupCompetitorItems(pieces: SentencePiece[], people: DealPeople, isOwnSystem: (name: string) => boolean): CandidateItem[] {
  const groups: Group[] = [];
  // Groups by the first and the last word of each of their names: a name that is another's first or last words
  // shares that word with it, so only those groups are compared (a long call names many alternatives).
  const byEndWord = new Map<string, Group[]>();
  const fileName = (group: Group, name: string) => {
    const words = name.toLowerCase().split(/\s+/);
    for (const word of new Set([words[0]!, words.at(-1)!])) {
      const filed = byEndWord.get(word);
      if (filed === undefined) byEndWord.set(word, [group]);
      else if (!filed.includes(group)) filed.push(group);
    }
  };
  const findNamed = (name: string) => {
    const words = name.toLowerCase().split(/\s+/);
    const near = [...(byEndWord.get(words[0]!) ?? []), ...(byEndWord.get(words.at(-1)!) ?? [])];
    return near.sort((a, b) => a.order - b.order).find((g) => g.names.some((known) => isSameName(known, name)));
  };
  let last: { piece: SentencePiece; group: Group } | null = null;
  for (const piece of pieces) {
    const name = nameIn(piece, people, isOwnSystem);
    if (name === null && isSellersOwnView(piece)) continue;
    const other = name === null && THE_OTHER.test(piece.sentence.text);
    let group: Group | undefined;
    if (name !== null) group = findNamed(name);
    else if (other) group = groups.find((g) => g.other);
    if (group === undefined && name === null && last !== null && answers(last.piece, piece)) group = last.group;
    if (group === undefined) {
      group = { order: groups.length, names: [], pieces: [], other };
      groups.push(group);
    }
    group.other ||= other;
    if (name !== null && !group.names.includes(name)) {
      group.names.push(name);
      fileName(group, name);
    }
    group.pieces.push(piece);
    last = { piece, group };
  }
  return groups.flatMap((group) => chunkPieces(group.pieces).map((pieces) => buildItem({ ...group, pieces })));
}

function buildItem({ names, pieces }: Group): CandidateItem {
  // The fullest form said: "Salesforce Service Cloud", not "Service Cloud".
  const competitor = [...names].sort((a, b) => b.split(" ").length - a.split(" ").length)[0] ?? null;
  const kind = pieces.every((p) => p.kind === "whyChosen") ? "whyChosen" : "alternativeEvaluated";
  const details = { competitor, kind };
  return {
    section: "competition",
    statement: stateItem("competition", pieces, details),
    details,
    evidence: pieces.map(citePiece),
  };
}

function nameIn({ sentence }: SentencePiece, people: DealPeople, isOwnSystem: (name: string) => boolean): string | null {
  const details = fillDetails({
    section: "competition",
    text: sentence.text,
    speaker: sentence.segment.speaker,
    side: sentence.side,
    named: people.namedIn(sentence.text),
    addressee: null,
    // The customer's own systems ("the partner quote to connect it to Haulwise") are not alternatives either.
    isSellerCompany: (name) => people.isSellerCompany(name) || isOwnSystem(name),
  });
  return typeof details.competitor === "string" ? details.competitor : null;
}

// The seller's own line naming no alternative ("And to be fair to Ray, the license is cheaper.", "I know you've been
// evaluating a few options.") is their framing of the customer's choice, not the customer's evaluation.
function isSellersOwnView({ sentence }: SentencePiece): boolean {
  return sentence.segment.speaker !== null && sentence.side === "seller";
}

function answers(earlier: SentencePiece, piece: SentencePiece): boolean {
  return (
    earlier.parsed.source.id === piece.parsed.source.id && piece.sentence.segmentIndex - earlier.sentence.segmentIndex <= MAX_TURNS_BACK
  );
}

/** One name is the other's last or first words: "Service Cloud" is "Salesforce Service Cloud". */
function isSameName(a: string, b: string): boolean {
  const [x, y] = [a.toLowerCase().split(/\s+/), b.toLowerCase().split(/\s+/)];
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const ends = (from: number) => short.every((word, i) => long[from + i] === word);
  return ends(0) || ends(long.length - short.length);
}
