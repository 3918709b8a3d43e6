import type { SectionKey } from "../domain/sections.ts";

/**
 * How the brief shortens an item's label (the statement without its quotes, "Pain, per Nate Brennan") to what
 * neither its section heading nor the words shown after it already say. Each rule is about the label's own
 * shape, never about a deal's words; the JSON keeps every statement whole.
 */

/**
 * A label without the due date its quote says ("Dana Whitlock committed (due Monday)" over "…with you on Monday"),
 * so the date is read once, in the speaker's words.
 */
export function withoutSaidDue(label: string, due: string | null, words: string): string {
  if (due === null || !words.toLowerCase().includes(due.toLowerCase())) return label;
  return label.replace(` (due ${due})`, "").replace(`, due ${due}`, "");
}

/**
 * A label without what its section heading already says ("Next step, per Dana" under "Next steps", "Budget risk"
 * under "Risks to watch") and without a pronoun's referent the words shown do not use ("(“he” is Vince Caruso)"
 * over "…so Nate will report to Vince").
 */
export function withoutHeadingWords(label: string, words: string): string {
  const trimmed = label
    .replace(/^Next step, per /, "Per ")
    .replace(/^Next step, /, "")
    // "Other risk, per Ray" says no more than "Per Ray"; "Budget risk, per Gloria" is "Budget, per Gloria".
    .replace(/^Other risk, per /, "Per ")
    .replace(/^(\p{Lu}\p{L}*) risk(?=, per |$)/u, "$1");
  return trimmed.replace(/\s*\(“(\p{L}+)” is [^)]+\)/gu, (said, pronoun: string) =>
    new RegExp(`\\b${pronoun}\\b`, "iu").test(words) ? said : "",
  );
}

/**
 * A next step's label without its owner when the words shown name them ("Priya Raman, per Dana Whitlock" over
 * "Priya will answer…" is "Per Dana Whitlock"): the owner is read once, in the speaker's words.
 */
export function withoutNamedOwner(label: string, owner: string | null, words: string): string {
  if (owner === null || !label.startsWith(`${owner}, per `)) return label;
  const first = owner.trim().split(/\s+/)[0] ?? owner;
  if (!new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(first)}(?![\\p{L}\\p{N}])`, "u").test(words)) return label;
  return `Per ${label.slice(`${owner}, per `.length)}`;
}

// A document line opening with its field name: "“Subscription term: 12 months…", "“Replaces: TrackDesk 6…".
const FIELD_NAME = /^“(\p{Lu}[\p{L}\p{N}'’&/ -]{0,40}?)\s*(?:\([^)]{0,30}\))?:\s/u;

/**
 * Whether a document line's own field name stands for the item's label, so the line shows only the quote and
 * where it is: the label says no more than a category and the file ("Contract dates, per order-form.pdf",
 * "Commitment in order-form.pdf") and the quote names its field ("Subscription term: …"). An account fact or a
 * document's commitment is what its field says; elsewhere the label must share a word with the field name
 * ("What they replace" and "Replaces:"), as a risk's kind or a goal's horizon says what the field does not.
 */
export function fieldNameStandsForLabel(label: string, words: string, file: string, section: SectionKey): boolean {
  const field = FIELD_NAME.exec(words);
  if (field === null) return false;
  const category =
    label === `Commitment in ${file}` ? "" : label.endsWith(`, per ${file}`) ? label.slice(0, -`, per ${file}`.length) : null;
  if (category === null || /[“”(:]/.test(category)) return false;
  if (section === "accountOverview" || section === "promises") return true;
  const stems = (text: string) => new Set((text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).map((word) => word.slice(0, 5)));
  const fieldStems = stems(field[1]!);
  return [...stems(category)].some((stem) => fieldStems.has(stem));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
