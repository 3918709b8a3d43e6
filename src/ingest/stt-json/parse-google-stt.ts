import type { ParseContext } from "../parse-context.ts";
import { isRecord, type JsonRecord, readArray, readFirstRecord, readPath, readString } from "./json-values.ts";
import { readSecondsAsMs } from "./read-seconds.ts";
import type { SegmentAssembler } from "./segment-assembler.ts";
import type { SttDetails } from "./stt-shape-parser.ts";

/**
 * Google Speech-to-Text response (also wrapped in a long-running operation's `response`).
 * With diarization the last result usually repeats every word of the file with its speakerTag:
 * when it starts where the first result starts, only it is read, so no text appears twice.
 * Times are "1.500s" strings or {seconds, nanos}; v1 says startTime, v2 startOffset.
 */
export function parseGoogleStt(root: JsonRecord, out: SegmentAssembler, _context: ParseContext): SttDetails {
  const results = readArray(Array.isArray(root.results) ? root.results : readPath(root, "response", "results"));
  const alternatives = results.filter(isRecord).map((result) => ({ result, alternative: readFirstRecord(result.alternatives) }));
  const tagged = alternatives.filter(({ alternative }) => readArray(alternative?.words).some(hasSpeaker));
  const lastTagged = tagged.at(-1);
  if (lastTagged !== undefined && tagged.length < alternatives.length && repeatsEverything(lastTagged.alternative, alternatives)) {
    pushWords(readArray(lastTagged.alternative?.words), null, out);
    return {};
  }
  const channels = new Set(alternatives.map(({ result }) => result.channelTag).filter((tag) => tag !== undefined));
  for (const { result, alternative } of alternatives) {
    if (alternative === undefined) continue;
    const channel = channels.size > 1 && typeof result.channelTag === "number" ? `Channel ${result.channelTag}` : null;
    const words = readArray(alternative.words).filter(isRecord);
    if (words.some(hasSpeaker)) {
      pushWords(words, channel, out);
      continue;
    }
    out.push({
      speaker: channel,
      startMs: words.length > 0 ? startOf(words[0]!) : null,
      endMs: readSecondsAsMs(result.resultEndTime ?? result.resultEndOffset) ?? (words.length > 0 ? endOf(words.at(-1)!) : null),
      text: readString(alternative.transcript) ?? "",
    });
  }
  return {};
}

type Alternative = { result: JsonRecord; alternative: JsonRecord | undefined };

function repeatsEverything(last: JsonRecord | undefined, alternatives: Alternative[]): boolean {
  const firstWord = readArray(last?.words).find(isRecord);
  const lastStart = firstWord === undefined ? null : startOf(firstWord);
  if (lastStart === null) return false;
  return alternatives.every(({ alternative }) => {
    const word = readArray(alternative?.words).find(isRecord);
    const start = word === undefined ? null : startOf(word);
    return start === null || start >= lastStart;
  });
}

function pushWords(words: unknown[], fallbackSpeaker: string | null, out: SegmentAssembler): void {
  for (const word of words) {
    if (!isRecord(word)) continue;
    out.push({
      speaker: word.speakerTag ?? word.speakerLabel ?? fallbackSpeaker,
      startMs: startOf(word),
      endMs: endOf(word),
      text: readString(word.word) ?? "",
    });
  }
}

function hasSpeaker(word: unknown): boolean {
  return isRecord(word) && (word.speakerTag !== undefined || word.speakerLabel !== undefined);
}

function startOf(word: JsonRecord): number | null {
  return readSecondsAsMs(word.startTime ?? word.startOffset);
}

function endOf(word: JsonRecord): number | null {
  return readSecondsAsMs(word.endTime ?? word.endOffset);
}
