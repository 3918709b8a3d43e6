import type { ParseContext } from "../parse-context.ts";
import { isRecord, type JsonRecord, readArray, readRecord, readString } from "./json-values.ts";
import { readSecondsAsMs } from "./read-seconds.ts";
import type { SegmentAssembler } from "./segment-assembler.ts";
import { SpeakerTurns } from "./speaker-turns.ts";
import type { SttDetails } from "./stt-shape-parser.ts";

/**
 * BBC Kaldi output (times in seconds): words[] {start, end, word, punct} under `retval` or at the
 * top, with speakers from segmentation.segments[] {start, speaker: {"@id"}}. A file holding only
 * the speaker segmentation has no text to cite and is rejected.
 */
export function parseKaldi(root: JsonRecord, out: SegmentAssembler, context: ParseContext): SttDetails {
  const body = readRecord(root.retval) ?? root;
  const words = readArray(body.words).filter(isRecord);
  if (words.length === 0) {
    throw context.invalid("this BBC Kaldi file holds speaker segmentation only, with no transcribed words");
  }
  const segmentation = readRecord(body.segmentation) ?? readRecord(root.segmentation);
  const turns = new SpeakerTurns(
    readArray(segmentation?.segments)
      .filter(isRecord)
      .flatMap((segment) => {
        const startMs = readSecondsAsMs(segment.start);
        const speaker = readRecord(segment.speaker)?.["@id"] ?? null;
        return startMs === null ? [] : [{ speaker, startMs }];
      }),
  );
  for (const word of words) {
    const startMs = readSecondsAsMs(word.start);
    out.push({
      speaker: turns.speakerAt(startMs),
      startMs,
      endMs: readSecondsAsMs(word.end),
      text: readString(word.punct) ?? readString(word.word) ?? "",
    });
  }
  return {};
}
