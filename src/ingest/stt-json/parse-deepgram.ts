import type { ParseContext } from "../parse-context.ts";
import { isRecord, type JsonRecord, readArray, readFirstRecord, readPath, readString } from "./json-values.ts";
import { readSecondsAsMs } from "./read-seconds.ts";
import type { SegmentAssembler, SpeechPiece } from "./segment-assembler.ts";
import type { SttDetails } from "./stt-shape-parser.ts";

/**
 * Deepgram /v1/listen response (times in seconds): results.utterances[] when requested, else per
 * channel the paragraphs' sentences, else the words, else the transcript. Several channels
 * without diarization read as speakers "Channel 1", "Channel 2", merged in time order.
 */
export function parseDeepgram(root: JsonRecord, out: SegmentAssembler, _context: ParseContext): SttDetails {
  const channels = readArray(readPath(root, "results", "channels"));
  const multichannel = channels.length > 1;
  const utterances = readArray(readPath(root, "results", "utterances")).filter(isRecord);
  const pieces: SpeechPiece[] = [];
  if (utterances.length > 0) {
    for (const utterance of utterances) {
      pieces.push({
        speaker: utterance.speaker ?? (multichannel ? channelName(utterance.channel) : null),
        startMs: readSecondsAsMs(utterance.start),
        endMs: readSecondsAsMs(utterance.end),
        text: readString(utterance.transcript) ?? "",
      });
    }
  } else {
    channels.forEach((channel, index) => {
      const alternative = readFirstRecord(readPath(channel, "alternatives"));
      if (alternative !== undefined) readAlternative(alternative, multichannel ? `Channel ${index + 1}` : null, pieces);
    });
    // Channels are separate streams of one call: interleave them by time (sort is stable).
    if (multichannel) pieces.sort((a, b) => (a.startMs ?? 0) - (b.startMs ?? 0));
  }
  for (const piece of pieces) out.push(piece);
  return {};
}

function readAlternative(alternative: JsonRecord, channelSpeaker: string | null, pieces: SpeechPiece[]): void {
  const paragraphs = readArray(readPath(alternative, "paragraphs", "paragraphs")).filter(isRecord);
  if (paragraphs.length > 0) {
    for (const paragraph of paragraphs) {
      let first = true;
      for (const sentence of readArray(paragraph.sentences).filter(isRecord)) {
        pieces.push({
          speaker: paragraph.speaker ?? channelSpeaker,
          startMs: readSecondsAsMs(sentence.start),
          endMs: readSecondsAsMs(sentence.end),
          text: readString(sentence.text) ?? "",
          breakBefore: first,
        });
        first = false;
      }
    }
    return;
  }
  const words = readArray(alternative.words).filter(isRecord);
  if (words.length > 0) {
    for (const word of words) {
      pieces.push({
        speaker: word.speaker ?? channelSpeaker,
        startMs: readSecondsAsMs(word.start),
        endMs: readSecondsAsMs(word.end),
        text: readString(word.punctuated_word) ?? readString(word.word) ?? "",
      });
    }
    return;
  }
  const text = readString(alternative.transcript) ?? "";
  pieces.push({ speaker: channelSpeaker, startMs: null, endMs: null, text });
}

function channelName(channel: unknown): string | null {
  const index = Array.isArray(channel) ? channel[0] : channel;
  return typeof index === "number" ? `Channel ${index + 1}` : null;
}
