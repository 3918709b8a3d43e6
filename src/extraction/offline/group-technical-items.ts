import type { CandidateItem } from "../extractor.ts";
import { fillDetails } from "./item-details.ts";
import { chunkPieces, citePiece, countWords, type SentencePiece, stateItem } from "./sentence-piece.ts";
import { labelSignOn, type SystemCatalog, type SystemMention } from "./system-mentions.ts";

// Fewer words than this, naming no system by name ("In our TMS."), tell nothing alone.
const MIN_WORDS = 4;
// Words of moving the old system's data: a line that says them without naming a system is about the migration.
const MIGRATION =
  /\b(?:migrat\w*|tickets?|records?|history|attachments|exports?|import\w*|field mapping|read access|(?:come|move|carry) over)\b/i;
const MIGRATION_KEY = "migration";
const OTHER_KEY = "other";

/**
 * The technical lines of a deal, filed by the system each names, across sources: one item a system ("Single sign-on
 * (Okta)" cites the call's SCIM line and the order form's). A line naming no system goes with the line just before
 * it, else with the data to migrate when it speaks of migration. A bare fragment naming no system by name is not
 * cited, nor a line on today's tools that the "what they replace" line (`replaced`, system keys) already names.
 */
export function groupTechnicalItems(
  pieces: SentencePiece[],
  catalog: SystemCatalog,
  replaced: Set<string>,
): { items: CandidateItem[]; ownSystems: Set<string> } {
  const groups = new Map<string, SentencePiece[]>();
  // How each key's system is named (its first mention), and the systems named by name, in lower case.
  const labels = new Map<string, string>();
  const ownSystems = new Set<string>();
  let previous: { place: string; key: string } | null = null;
  for (const piece of pieces) {
    const text = piece.sentence.text;
    const mentions = catalog.mentionsIn(text);
    const systems = mentions.filter((m) => !m.attribute);
    for (const mention of mentions) {
      if (!labels.has(mention.key)) labels.set(mention.key, mention.label);
      if (mention.named) ownSystems.add(mention.label.toLowerCase());
    }
    const before: string | undefined = previous?.place === placeOf(piece, -1) ? previous.key : undefined;
    let key: string = systems[0]?.key ?? before ?? (MIGRATION.test(text) ? MIGRATION_KEY : (mentions[0]?.key ?? OTHER_KEY));
    if (key === MIGRATION_KEY && catalog.migrated !== null) key = catalog.migrated;
    previous = { place: placeOf(piece, 0), key };
    if (isFragment(text, systems) || restatesReplaced(text, systems, replaced)) continue;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [piece]);
    else group.push(piece);
  }
  const items = [...groups].flatMap(([key, group]) =>
    chunkPieces(group).map((chunk) => buildItem(key, chunk, labels.get(key) ?? key, catalog.migrated)),
  );
  return { items, ownSystems };
}

/** The system keys the "what they replace" lines name. */
export function replacedSystems(items: CandidateItem[], catalog: SystemCatalog): Set<string> {
  const keys = new Set<string>();
  for (const item of items) {
    if (item.section !== "whyTheyBought" || item.details.kind !== "replacing") continue;
    for (const evidence of item.evidence) for (const mention of catalog.mentionsIn(evidence.quote)) keys.add(mention.key);
  }
  return keys;
}

function buildItem(key: string, group: SentencePiece[], named: string, migrated: string | null): CandidateItem {
  const text = group.map((p) => p.sentence.text).join(" ");
  const kind = fillDetails({ section: "technicalEnvironment", text, speaker: null, side: null, named: [], addressee: null }).kind;
  const details = { system: labelGroup(key, group, named, migrated), kind };
  return {
    section: "technicalEnvironment",
    statement: stateItem("technicalEnvironment", group, details),
    details,
    evidence: group.map(citePiece),
  };
}

function labelGroup(key: string, group: SentencePiece[], named: string, migrated: string | null): string {
  if (key === "sso") return labelSignOn(group.map((p) => p.sentence.text).join(" "));
  if (key === MIGRATION_KEY) return "Data to migrate";
  if (key === OTHER_KEY) return "Systems";
  return key === migrated && group.some((p) => MIGRATION.test(p.sentence.text)) ? `${named} data to migrate` : named;
}

function isFragment(text: string, systems: SystemMention[]): boolean {
  return countWords(text) < MIN_WORDS && !systems.some((m) => m.named);
}

// "TrackDesk, plus the shared Outlook inboxes…" says what the order form's "Replaces: TrackDesk 6 and shared Outlook
// inboxes" says: today's tools, once, where the reason for buying is.
function restatesReplaced(text: string, systems: SystemMention[], replaced: Set<string>): boolean {
  if (systems.length === 0 || MIGRATION.test(text) || !systems.every((m) => replaced.has(m.key))) return false;
  return (
    fillDetails({ section: "technicalEnvironment", text, speaker: null, side: null, named: [], addressee: null }).kind === "currentStack"
  );
}

// A line goes on from the one just before it only when the same person (or the same document) says both.
function placeOf(piece: SentencePiece, offset: number): string {
  return JSON.stringify([piece.parsed.source.id, piece.index + offset, piece.sentence.segment.speaker]);
}
