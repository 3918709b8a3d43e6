import type { ParseContext } from "../parse-context.ts";
import { isRecord, type JsonRecord, readArray, readString } from "./json-values.ts";
import { readMs } from "./read-seconds.ts";
import type { SegmentAssembler } from "./segment-assembler.ts";
import type { SttDetails } from "./stt-shape-parser.ts";

const UNFINISHED = new Set(["queued", "processing", "error"]);

/**
 * AssemblyAI transcript (times in ms): utterances[] when speaker labels were on, else words[]
 * (grouped by speaker when they carry one), else the bare text.
 */
export function parseAssemblyai(root: JsonRecord, out: SegmentAssembler, context: ParseContext): SttDetails {
  const status = readString(root.status);
  const utterances = readArray(root.utterances).filter(isRecord);
  const words = readArray(root.words).filter(isRecord);
  if (status !== undefined && UNFINISHED.has(status) && utterances.length === 0 && words.length === 0) {
    throw context.invalid(`this AssemblyAI transcript has status "${status}" and no text yet`);
  }
  if (utterances.length > 0) {
    for (const utterance of utterances) pushUtterance(utterance, out);
  } else if (words.length > 0) {
    for (const word of words) pushWord(word, word.speaker, out);
  } else {
    out.push({ speaker: null, startMs: null, endMs: null, text: readString(root.text) ?? "" });
  }
  return {};
}

function pushUtterance(utterance: JsonRecord, out: SegmentAssembler): void {
  const text = readString(utterance.text) ?? "";
  const words = readArray(utterance.words).filter(isRecord);
  // Word timings place the cuts of a long utterance exactly instead of by estimate.
  if (text.length > 1000 && words.length > 0) {
    for (const word of words) pushWord(word, utterance.speaker, out);
    return;
  }
  out.push({ speaker: utterance.speaker, startMs: readMs(utterance.start), endMs: readMs(utterance.end), text });
}

function pushWord(word: JsonRecord, speaker: unknown, out: SegmentAssembler): void {
  out.push({ speaker, startMs: readMs(word.start), endMs: readMs(word.end), text: readString(word.text) ?? "" });
}
