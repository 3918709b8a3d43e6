import { formatTimestamp } from "../../domain/format-timestamp.ts";
import type { ParsedSource } from "../../domain/source.ts";
import type { SegmentRef } from "./segment-refs.ts";

/**
 * Renders segments as delimited, id-tagged lines inside <source> blocks marked untrusted; the model
 * cites these ids. Source text cannot close or open a block: tag look-alikes in it are defused.
 */
export function renderSources(refs: SegmentRef[], sources: ParsedSource[], mask: (text: string) => string): string {
  const blocks: string[] = [];
  let current = -1;
  let lines: string[] = [];
  const close = () => {
    if (current >= 0) blocks.push(`${lines.join("\n")}\n</source>`);
  };
  for (const ref of refs) {
    if (ref.sourceIndex !== current) {
      close();
      current = ref.sourceIndex;
      const { source } = sources[current]!;
      const attributes = [`file="${escapeAttribute(mask(source.filename))}"`, `format="${source.format}"`];
      if (source.occurredAt) attributes.push(`date="${source.occurredAt}"`);
      attributes.push(`trust="untrusted"`);
      lines = [`<source ${attributes.join(" ")}>`];
      const people = source.participants.map((p) => [p.name, p.title, p.company, p.side].filter(Boolean).join(", ")).slice(0, 30);
      if (people.length > 0) lines.push(`Participants: ${defuseTags(mask(people.join("; ")))}`);
    }
    const who = [ref.segment.speaker ?? "unknown speaker", ref.side ?? undefined].filter(Boolean).join(", ");
    const at = ref.segment.startMs === null ? "" : `, ${formatTimestamp(ref.segment.startMs)}`;
    const text = defuseTags(mask(ref.segment.text.replace(/\s*\n\s*/g, " ")));
    lines.push(`[${ref.promptId}] (${defuseTags(mask(who))}${at}) ${text}`);
  }
  close();
  return blocks.join("\n\n");
}

// "</source>" inside a transcript would otherwise end the untrusted block early.
function defuseTags(text: string): string {
  return text.replace(/<(\/?)(source|system|instructions?)\b/gi, "‹$1$2");
}

function escapeAttribute(value: string): string {
  return value.replace(/["<>\n]/g, "_");
}

/** A rough token estimate (about four characters a token) used only to size chunks against the context budget. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
