import type { ParseContext } from "../parse-context.ts";
import { isRecord, type JsonRecord, readArray, readFirstRecord, readRecord, readString } from "./json-values.ts";
import { readSecondsAsMs } from "./read-seconds.ts";
import type { SegmentAssembler } from "./segment-assembler.ts";
import type { SttDetails } from "./stt-shape-parser.ts";

/**
 * Amazon Transcribe job output (times are strings in seconds): results.audio_segments[] in newer
 * output, else results.items[] with speakers from the item itself or from
 * speaker_labels.segments[].items (matched by start time), else the plain transcript.
 * Punctuation items attach to the word before them without a space.
 */
export function parseAwsTranscribe(root: JsonRecord, out: SegmentAssembler, context: ParseContext): SttDetails {
  const results = readRecord(root.results) ?? {};
  const audioSegments = readArray(results.audio_segments).filter(isRecord);
  const items = readArray(results.items).filter(isRecord);
  if (audioSegments.length > 0) {
    for (const segment of audioSegments) {
      out.push({
        speaker: segment.speaker_label ?? segment.channel_label ?? null,
        startMs: readSecondsAsMs(segment.start_time),
        endMs: readSecondsAsMs(segment.end_time),
        text: readString(segment.transcript) ?? "",
      });
    }
  } else if (items.length > 0) {
    pushItems(items, speakersByStartTime(results), out);
  } else {
    const transcript = readString(readFirstRecord(results.transcripts)?.transcript) ?? "";
    const status = readString(root.status);
    if (transcript.trim() === "" && status !== undefined && status !== "COMPLETED") {
      throw context.invalid(`this Amazon Transcribe job has status "${status}" and no transcript`);
    }
    out.push({ speaker: null, startMs: null, endMs: null, text: transcript });
  }
  return {};
}

function pushItems(items: JsonRecord[], speakerAt: Map<string, unknown>, out: SegmentAssembler): void {
  let speaker: unknown = null;
  for (const item of items) {
    const text = readString(readFirstRecord(item.alternatives)?.content) ?? "";
    if (item.type === "punctuation") {
      out.push({ speaker, startMs: null, endMs: null, text, attach: true });
      continue;
    }
    speaker = item.speaker_label ?? speakerAt.get(String(item.start_time)) ?? item.channel_label ?? null;
    out.push({ speaker, startMs: readSecondsAsMs(item.start_time), endMs: readSecondsAsMs(item.end_time), text });
  }
}

/** Older output lists speakers (or channels) apart from the items; both share start times. */
function speakersByStartTime(results: JsonRecord): Map<string, unknown> {
  const speakerAt = new Map<string, unknown>();
  for (const segment of readArray(readRecord(results.speaker_labels)?.segments).filter(isRecord)) {
    for (const item of readArray(segment.items).filter(isRecord)) {
      speakerAt.set(String(item.start_time), item.speaker_label ?? segment.speaker_label);
    }
  }
  if (speakerAt.size > 0) return speakerAt;
  for (const channel of readArray(readRecord(results.channel_labels)?.channels).filter(isRecord)) {
    for (const item of readArray(channel.items).filter(isRecord)) {
      speakerAt.set(String(item.start_time), channel.channel_label);
    }
  }
  return speakerAt;
}
