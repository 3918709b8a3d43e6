import type { ParseContext } from "../parse-context.ts";
import { isRecord, type JsonRecord, readArray, readFirstRecord, readNumber, readString } from "./json-values.ts";
import { readSecondsAsMs, toTimeMs } from "./read-seconds.ts";
import type { SegmentAssembler } from "./segment-assembler.ts";
import { SpeakerTurns } from "./speaker-turns.ts";
import type { SttDetails } from "./stt-shape-parser.ts";

// Speechmatics writes "UU" for a stretch it could not attribute to any speaker.
const UNKNOWN_SPEAKER = "UU";
const PUNCTUATION_ONLY = /^[.,?!;:…]+$/;

/**
 * Speechmatics transcript, times in seconds. json-v2: results[] of word and punctuation entries
 * with alternatives[0].content and .speaker, punctuation joined by attaches_to, sentence ends by
 * is_eos. v1: words[] {name, time, duration} with speakers[] turns {name, time, duration}.
 */
export function parseSpeechmatics(root: JsonRecord, out: SegmentAssembler, _context: ParseContext): SttDetails {
  if (Array.isArray(root.results)) parseVersion2(root.results.filter(isRecord), out);
  else parseVersion1(root, out);
  return {};
}

function parseVersion2(results: JsonRecord[], out: SegmentAssembler): void {
  let speaker: unknown = null;
  let attachNext = false;
  for (const result of results) {
    if (result.type !== "word" && result.type !== "punctuation") continue;
    const alternative = readFirstRecord(result.alternatives);
    const attachesTo = readString(result.attaches_to) ?? (result.type === "punctuation" ? "previous" : "none");
    const attach = attachNext || attachesTo === "previous" || attachesTo === "both";
    if (!attach) speaker = readSpeaker(alternative?.speaker) ?? result.channel ?? null;
    out.push({
      speaker,
      startMs: readSecondsAsMs(result.start_time),
      endMs: readSecondsAsMs(result.end_time),
      text: readString(alternative?.content) ?? "",
      attach,
      ...(typeof result.is_eos === "boolean" ? { endsSentence: result.is_eos } : {}),
    });
    attachNext = attachesTo === "next" || attachesTo === "both";
  }
}

function parseVersion1(root: JsonRecord, out: SegmentAssembler): void {
  const turns = new SpeakerTurns(
    readArray(root.speakers)
      .filter(isRecord)
      .flatMap((turn) => {
        const startMs = readSecondsAsMs(turn.time);
        return startMs === null ? [] : [{ speaker: readSpeaker(turn.name), startMs }];
      }),
  );
  for (const word of readArray(root.words).filter(isRecord)) {
    const text = readString(word.name) ?? "";
    const startMs = readSecondsAsMs(word.time);
    const duration = readNumber(word.duration);
    const endMs = startMs !== null && duration !== undefined ? toTimeMs(startMs + duration * 1000) : null;
    const attach = PUNCTUATION_ONLY.test(text);
    out.push({ speaker: attach ? null : turns.speakerAt(startMs), startMs, endMs, text, attach });
  }
}

function readSpeaker(value: unknown): unknown {
  return value === UNKNOWN_SPEAKER ? null : (value ?? null);
}
