import type { ParsedSource } from "../../domain/source.ts";
import type { EvidenceRef } from "../extractor.ts";
import type { ClassifiedSentence } from "./classify-source.ts";
import { describeItem } from "./describe-item.ts";

/**
 * One sentence of a technical or competitive run, before the deal's lines are filed by system or competitor across
 * sources: its source, its place there (`index`, in the source's sentences) and the kind its run's cue gave.
 */
export type SentencePiece = { parsed: ParsedSource; sentence: ClassifiedSentence; index: number; kind?: string };

// An item filed from many lines (a long call naming one system all along) cites at most this many: the next lines
// make another item of the same system, as the same-claim merge stops joining at six citations.
const MAX_FILED_CITATIONS = 6;

/** A system's or an alternative's lines in items of at most MAX_FILED_CITATIONS lines each, in order. */
export function chunkPieces(pieces: SentencePiece[]): SentencePiece[][] {
  const chunks: SentencePiece[][] = [];
  for (let start = 0; start < pieces.length; start += MAX_FILED_CITATIONS) chunks.push(pieces.slice(start, start + MAX_FILED_CITATIONS));
  return chunks;
}

export function citePiece({ parsed, sentence }: SentencePiece): EvidenceRef {
  return { sourceId: parsed.source.id, segmentId: sentence.segment.id, quote: sentence.text };
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

// The statement quotes whole sentences up to this many characters: the rest are in its citations.
const MAX_STATEMENT_QUOTE = 280;

/**
 * The statement of an item filed from `pieces` (describeItem's, with `details` saying its label): it quotes the first
 * sentences whole, never one cut short, so the Markdown can take each out of the statement as its line prints it.
 */
export function stateItem(
  section: "technicalEnvironment" | "competition",
  pieces: SentencePiece[],
  details: Record<string, unknown>,
): string {
  const said: string[] = [];
  let length = 0;
  for (const { sentence } of pieces) {
    const text = sentence.text.replace(/\s+/g, " ").trim();
    if (said.length > 0 && length + text.length + 1 > MAX_STATEMENT_QUOTE) break;
    said.push(text);
    length += text.length + 1;
  }
  const { parsed, sentence } = pieces[0]!;
  const facts = { section, text: said.join(" "), speaker: sentence.segment.speaker, side: sentence.side, named: [], addressee: null };
  return describeItem(facts, details, parsed.source.filename);
}
