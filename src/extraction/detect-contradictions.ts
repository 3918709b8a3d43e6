import type { ParsedSource } from "../domain/source.ts";
import type { CandidateItem, EvidenceRef } from "./extractor.ts";
import { splitSentences } from "./offline/split-sentences.ts";
import { readFacts, type Fact } from "./read-facts.ts";

// Enough citations to show every side of the disagreement without burying it.
const MAX_PER_VALUE_AND_SOURCE = 2;
const MAX_CITATIONS = 8;
// "About 150" and "148" are the same seat count; "150" and "120" are not.
const APPROXIMATE_TOLERANCE = 0.1;

type Mention = Fact & { sourceIndex: number; filename: string; evidence: EvidenceRef };

/**
 * Facts the sources of one deal state differently (a seat count, the date of the same event):
 * one red flag per fact, citing every side, for the AE to settle. Works for any extractor.
 */
export function detectContradictions(sources: ParsedSource[]): CandidateItem[] {
  const byKey = new Map<string, Mention[]>();
  sources.forEach(({ source, segments }, sourceIndex) => {
    for (const segment of segments) {
      for (const span of splitSentences(segment.text)) {
        const sentence = segment.text.slice(span.start, span.end);
        for (const fact of readFacts(sentence)) {
          const evidence = { sourceId: source.id, segmentId: segment.id, quote: sentence };
          const mention: Mention = { ...fact, sourceIndex, filename: source.filename, evidence };
          const known = byKey.get(fact.key);
          if (known === undefined) byKey.set(fact.key, [mention]);
          else known.push(mention);
        }
      }
    }
  });
  const items: CandidateItem[] = [];
  for (const mentions of byKey.values()) {
    if (!hasConflict(mentions)) continue;
    items.push(buildItem(mentions));
  }
  return items;
}

// Pairs are read in place: a fact a long call states thousands of times from one source costs no copies of its mentions.
function hasConflict(mentions: Mention[]): boolean {
  if (mentions.every((m) => m.sourceIndex === mentions[0]!.sourceIndex)) return false;
  for (let i = 0; i < mentions.length; i++) {
    for (let j = i + 1; j < mentions.length; j++) {
      if (mentions[i]!.sourceIndex !== mentions[j]!.sourceIndex && differ(mentions[i]!, mentions[j]!)) return true;
    }
  }
  return false;
}

function differ(a: Fact, b: Fact): boolean {
  if (a.value === b.value) return false;
  if (!a.approximate && !b.approximate) return true;
  return Math.abs(a.value - b.value) / Math.max(Math.abs(a.value), Math.abs(b.value)) > APPROXIMATE_TOLERANCE;
}

function buildItem(mentions: Mention[]): CandidateItem {
  const values = [...new Set(mentions.map((m) => m.shown))];
  const evidence: EvidenceRef[] = [];
  const perValueAndSource = new Map<string, number>();
  for (const mention of mentions) {
    const key = `${mention.shown}|${mention.sourceIndex}`;
    const count = perValueAndSource.get(key) ?? 0;
    if (count >= MAX_PER_VALUE_AND_SOURCE || evidence.length >= MAX_CITATIONS) continue;
    if (
      evidence.some(
        (e) => e.segmentId === mention.evidence.segmentId && e.sourceId === mention.evidence.sourceId && e.quote === mention.evidence.quote,
      )
    )
      continue;
    perValueAndSource.set(key, count + 1);
    evidence.push(mention.evidence);
  }
  const sides = values.map((value) => {
    const files = [...new Set(mentions.filter((m) => m.shown === value).map((m) => m.filename))];
    return `${value} (${files.join(", ")})`;
  });
  const what = mentions[0]!.label;
  return {
    section: "redFlags",
    statement: `The sources disagree on ${what}: ${sides.join(" vs ")}. Confirm which is right.`,
    details: { risk: `conflicting ${what} across sources`, severity: "high", kind: "contradiction" },
    evidence,
    flags: ["contradiction"],
  };
}
