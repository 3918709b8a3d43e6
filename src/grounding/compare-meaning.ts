import { extractMeaningFeatures, FEATURE_KINDS, type MeaningFeature } from "./extract-meaning-features.ts";
import { isHedge } from "./meaning-words.ts";

const ORDERED_KINDS = new Set(["percentage", "amount", "number", "time", "date", "person"]);

/** How a quote and its span are compared: `omissions` lets the quote leave out a pronoun or a hedge the span has. */
export type MeaningComparison = { omissions?: boolean };

// Kinds whose features a quote may omit (never add or change), when omissions are allowed.
const OMITTABLE: Partial<Record<string, (feature: MeaningFeature) => boolean>> = {
  person: () => true,
  qualifier: (feature) => isHedge(feature.value),
};

/**
 * Whether the quote's features are the span's, word for word and in the same order, with only omittable
 * ones left out: "they pay" is not "we pay them" with "we" left out.
 */
function isHarmlessOmission(kind: string, mine: MeaningFeature[], theirs: MeaningFeature[]): boolean {
  const omittable = OMITTABLE[kind];
  if (omittable === undefined || mine.length >= theirs.length) return false;
  const word = (feature: MeaningFeature) => feature.surface.toLowerCase();
  let at = 0;
  for (const feature of theirs) {
    if (at < mine.length && word(mine[at]!) === word(feature)) at += 1;
    else if (!omittable(feature)) return false;
  }
  return at === mine.length;
}

function differenceOf(mine: MeaningFeature[], theirs: MeaningFeature[]): MeaningFeature[] {
  const remaining = new Map<string, number>();
  for (const feature of theirs) remaining.set(feature.value, (remaining.get(feature.value) ?? 0) + 1);
  const extra: MeaningFeature[] = [];
  for (const feature of mine) {
    const count = remaining.get(feature.value) ?? 0;
    if (count > 0) remaining.set(feature.value, count - 1);
    else extra.push(feature);
  }
  return extra;
}

function describe(kind: string, quoteOnly: MeaningFeature | undefined, sourceOnly: MeaningFeature | undefined): string {
  const parts: string[] = [];
  if (quoteOnly !== undefined) parts.push(`quote has "${quoteOnly.surface}"`);
  if (sourceOnly !== undefined) parts.push(`source has "${sourceOnly.surface}"`);
  return `${kind} differs: ${parts.join(", ")}`;
}

/**
 * Why a quote does not mean what the source span says: a negation, modal, qualifier, number,
 * amount, percentage, date or time, pronoun or proper name present in one and not the other.
 * Null when they agree.
 */
export function compareMeaning(quote: string, span: string, comparison: MeaningComparison = {}): string | null {
  return listMeaningDifferences(quote, span, comparison)[0] ?? null;
}

/** Every kind of meaning difference between quote and span, one reason per kind, most serious first. */
export function listMeaningDifferences(quote: string, span: string, comparison: MeaningComparison = {}): string[] {
  const quoteSide = extractMeaningFeatures(quote);
  const sourceSide = extractMeaningFeatures(span);
  const reasons: string[] = [];
  for (const kind of FEATURE_KINDS) {
    const mine = quoteSide.features.filter((feature) => feature.kind === kind);
    const theirs = sourceSide.features.filter((feature) => feature.kind === kind);
    if (kind === "name") {
      // A name only has to appear somewhere in the other text: sentence starts hide capitals.
      const quoteOnly = mine.find((feature) => !sourceSide.keys.has(feature.value));
      const sourceOnly = theirs.find((feature) => !quoteSide.keys.has(feature.value));
      if (quoteOnly !== undefined || sourceOnly !== undefined) reasons.push(describe(kind, quoteOnly, sourceOnly));
      continue;
    }
    if (comparison.omissions === true && isHarmlessOmission(kind, mine, theirs)) continue;
    const quoteOnly = differenceOf(mine, theirs);
    const sourceOnly = differenceOf(theirs, mine);
    if (quoteOnly.length > 0 || sourceOnly.length > 0) {
      reasons.push(describe(kind, quoteOnly[0], sourceOnly[0]));
    } else if (ORDERED_KINDS.has(kind) && mine.some((feature, position) => feature.value !== theirs[position]!.value)) {
      // "from 18 to 28" is not "from 28 to 18"; "we pay them" is not "they pay us".
      const listed = (features: MeaningFeature[]) => features.map((feature) => feature.surface).join(", ");
      reasons.push(`${kind} order differs: quote has "${listed(mine)}", source has "${listed(theirs)}"`);
    }
  }
  return reasons;
}
