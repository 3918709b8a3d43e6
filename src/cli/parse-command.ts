import { loadConfig } from "../config.ts";
import { AppError } from "../errors.ts";
import { parseSource } from "../ingest/parse-source.ts";
import type { ParsedSource } from "../domain/source.ts";
import type { CliIo } from "./cli-io.ts";
import { formatTimestamp } from "../domain/format-timestamp.ts";
import { parseArgs } from "./parse-args.ts";
import { readInputFile } from "./read-input-file.ts";

/** `baton parse FILE [--json]`: one source (`-` for stdin) as the contract's JSON, or a readable summary. */
export async function runParseCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs(args, { json: { type: "boolean" } });
  if (positionals.length !== 1) {
    throw new AppError({ code: "INVALID_INPUT", message: "usage: baton parse FILE [--json]" });
  }
  const config = loadConfig();
  const { bytes, filename } = await readInputFile(positionals[0]!, config.limits, io.stdin);
  const parsed = await parseSource(bytes, filename, config.limits);
  io.stdout(values.json ? `${JSON.stringify(parsed, null, 2)}\n` : renderSummary(parsed));
  return 0;
}

function renderSummary({ source, segments }: ParsedSource): string {
  const lines = [`${source.filename}  (${source.format}, ${segments.length} segments)`];
  if (source.title) lines.push(`title:        ${source.title}`);
  if (source.occurredAt) lines.push(`occurred at:  ${source.occurredAt}`);
  const ends = segments.map((s) => s.endMs ?? s.startMs).filter((v): v is number => v !== null);
  if (ends.length > 0) lines.push(`duration:     ${formatTimestamp(Math.max(...ends))}`);
  if (source.participants.length > 0) {
    lines.push("participants:");
    for (const p of source.participants) {
      const details = [p.title, p.company, p.email, p.side].filter(Boolean).join(", ");
      lines.push(`  - ${p.name}${details ? ` (${details})` : ""}`);
    }
  }
  lines.push("first lines:");
  for (const segment of segments.slice(0, 5)) {
    const at = segment.startMs === null ? "" : `[${formatTimestamp(segment.startMs)}] `;
    const who = segment.speaker ? `${segment.speaker}: ` : "";
    const text = segment.text.replace(/\s+/g, " ");
    lines.push(`  ${at}${who}${text.length > 100 ? `${text.slice(0, 100)}…` : text}`);
  }
  return `${lines.join("\n")}\n`;
}
