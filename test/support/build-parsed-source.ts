import type { ParsedSource, Participant } from "../../src/domain/source.ts";
import { TextBuilder } from "../../src/ingest/text-builder.ts";

/** One turn of a hand-written source: speaker (null for a document line) and text. */
export type Turn = readonly [string | null, string];

/** A parsed source built from inline turns, as a parser would return it (segments s1…sN, "\n\n" between them). */
export function buildParsedSource(options: { id: string; filename: string; turns: Turn[]; participants?: Participant[] }): ParsedSource {
  const builder = new TextBuilder(10_000);
  options.turns.forEach(([speaker, text], index) => {
    builder.add({ speaker, startMs: speaker === null ? null : index * 10_000, endMs: null, text });
  });
  const { text, segments } = builder.finish();
  return {
    source: {
      id: options.id,
      filename: options.filename,
      format: "text",
      sha256: options.id,
      text,
      participants: options.participants ?? [],
    },
    segments,
  };
}
