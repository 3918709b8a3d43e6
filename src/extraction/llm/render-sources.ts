import { formatTimestamp } from "../../drafting/format-timestamp.ts";
import type { ParsedSource } from "../../ingest/parsed-source.ts";
import type { SegmentRef } from "./segment-refs.ts";

/** Renders segments as delimited, id-tagged lines inside <source> blocks; the model cites these ids. */
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
      const attributes = [`file="${escapeAttribute(source.filename)}"`, `format="${source.format}"`];
      if (source.occurredAt) attributes.push(`date="${source.occurredAt}"`);
      lines = [`<source ${attributes.join(" ")}>`];
      const people = source.participants
        .map((p) => [p.name, p.title, p.company, p.side].filter(Boolean).join(", "))
        .slice(0, 30);
      if (people.length > 0) lines.push(`Participants: ${mask(people.join("; "))}`);
    }
    const who = [ref.segment.speaker ?? "unknown speaker", ref.side ?? undefined].filter(Boolean).join(", ");
    const at = ref.segment.startMs === null ? "" : `, ${formatTimestamp(ref.segment.startMs)}`;
    lines.push(`[${ref.promptId}] (${mask(who)}${at}) ${mask(ref.segment.text.replace(/\s*\n\s*/g, " "))}`);
  }
  close();
  return blocks.join("\n\n");
}

function escapeAttribute(value: string): string {
  return value.replace(/["<>\n]/g, "_");
}

/** A rough token estimate (about four characters a token) used only to size chunks against the context budget. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
