import type { ParsedSource } from "../domain/source.ts";
import type { CandidateItem } from "./extractor.ts";

// Instruction-like text aimed at a model, not at the people on the call, and tags that try to
// end or fake the <source> block a source is shown to the model in.
const INJECTION =
  /(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+)?(?:the\s+)?(?:previous|prior|above|earlier|your|system)\s+(?:instructions?|prompts?|rules?|directions?)|(?:you are now|act as|pretend to be)\s+(?:an?\s+)?(?:ai|assistant|model|system|gpt|chatbot)|(?:reveal|print|show|output)\s+(?:your|the)\s+(?:system\s+)?prompt|(?:mark|set|flag)\s+(?:this|the)\s+(?:deal|handoff|draft|items?)\s+as\s+(?:approved|verified|complete)|<\/?(?:system|instructions?|source)\b[^<>\n]{0,200}>/i;

/** Finds instruction-like text inside sources; each becomes a red flag for the reviewer, whichever extractor ran. */
export function detectInjections(sources: ParsedSource[]): CandidateItem[] {
  const items: CandidateItem[] = [];
  for (const { source, segments } of sources) {
    for (const segment of segments) {
      const match = INJECTION.exec(segment.text);
      if (match === null) continue;
      const quote = sentenceAround(segment.text, match.index, match.index + match[0].length);
      items.push({
        section: "redFlags",
        statement: `Instruction-like text aimed at an AI appears in ${source.filename}; it was not followed. Check who wrote it.`,
        details: { kind: "promptInjection", severity: "high", risk: "prompt injection in a source" },
        evidence: [{ sourceId: source.id, segmentId: segment.id, quote }],
        flags: ["prompt-injection"],
      });
    }
  }
  return items;
}

function sentenceAround(text: string, start: number, end: number): string {
  const before = Math.max(text.lastIndexOf(". ", start), text.lastIndexOf("\n", start));
  const from = before < 0 ? 0 : before + 1;
  const stopAt = text.slice(end).search(/[.!?](?:\s|$)|\n/);
  const to = stopAt < 0 ? text.length : end + stopAt + 1;
  return text.slice(from, Math.min(to, from + 400)).trim();
}
