import type { ParsedSource } from "../../domain/source.ts";
import type { EvidenceRef } from "../extractor.ts";
import type { ClassifiedSentence } from "./classify-source.ts";
import { quoteText } from "./describe-item.ts";

/**
 * One sentence of a technical or competitive run, before the deal's lines are filed by system or competitor across
 * sources: its source, its place there (`index`, in the source's sentences) and the kind its run's cue gave.
 */
export type SentencePiece = { parsed: ParsedSource; sentence: ClassifiedSentence; index: number; kind?: string };

export function citePiece({ parsed, sentence }: SentencePiece): EvidenceRef {
  return { sourceId: parsed.source.id, segmentId: sentence.segment.id, quote: sentence.text };
}

/** Who said the first line of an item, or the file it is written in. */
export function whoSaid({ parsed, sentence }: SentencePiece): string {
  return sentence.segment.speaker ?? parsed.source.filename;
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

// The statement quotes whole sentences up to this many characters: the rest are in its citations.
const MAX_STATEMENT_QUOTE = 280;

/** The item's statement: its label and its first sentences, whole (never a sentence cut short), as one quotation. */
export function stateItem(label: string, pieces: SentencePiece[]): string {
  const said: string[] = [];
  let length = 0;
  for (const { sentence } of pieces) {
    const text = sentence.text.replace(/\s+/g, " ").trim();
    if (said.length > 0 && length + text.length + 1 > MAX_STATEMENT_QUOTE) break;
    said.push(text);
    length += text.length + 1;
  }
  return `${label}, per ${whoSaid(pieces[0]!)}: ${quoteText(said.join(" "))}`;
}
