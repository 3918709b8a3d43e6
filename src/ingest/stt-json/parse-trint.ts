import type { ParseContext } from "../parse-context.ts";
import { isRecord, type JsonRecord, readArray, readNumber, readRecord, readString } from "./json-values.ts";
import { readMs, toTimeMs } from "./read-seconds.ts";
import type { SegmentAssembler } from "./segment-assembler.ts";
import type { SttDetails } from "./stt-shape-parser.ts";

/**
 * Trint export (times in ms): words[] {value, time, duration, paragraphId, speaker}; each
 * paragraph starts a segment, struck-through words (deleted in Trint's editor) are left out, and
 * speaker ids resolve through the speakers map when it names them.
 */
export function parseTrint(root: JsonRecord, out: SegmentAssembler, _context: ParseContext): SttDetails {
  const speakers = readRecord(root.speakers) ?? {};
  let paragraph: unknown;
  for (const word of readArray(root.words).filter(isRecord)) {
    if (word.strikethrough === true) continue;
    const startMs = readMs(word.time);
    const duration = readNumber(word.duration);
    out.push({
      speaker: speakerName(word.speaker, speakers),
      startMs,
      endMs: startMs !== null && duration !== undefined ? toTimeMs(startMs + duration) : null,
      text: readString(word.value) ?? "",
      breakBefore: word.paragraphId !== paragraph,
    });
    paragraph = word.paragraphId;
  }
  const title = readString(root.title)?.trim();
  return title ? { title } : {};
}

function speakerName(id: unknown, speakers: JsonRecord): unknown {
  if (typeof id !== "string") return id ?? null;
  const entry = speakers[id];
  if (typeof entry === "string") return entry;
  return readString(readRecord(entry)?.name) ?? id;
}
