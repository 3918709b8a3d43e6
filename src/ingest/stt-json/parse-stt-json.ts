import { AppError } from "../../errors.ts";
import type { ParseContext, ParseInput } from "../parse-context.ts";
import type { ParsedBody } from "../parsed-body.ts";
import { detectSttShape, SUPPORTED_STT_SHAPES_LINE, type SttShape } from "./detect-stt-shape.ts";
import { isRecord } from "./json-values.ts";
import { parseAssemblyai } from "./parse-assemblyai.ts";
import { parseAwsTranscribe } from "./parse-aws-transcribe.ts";
import { parseDeepgram } from "./parse-deepgram.ts";
import { parseGenericTurns } from "./parse-generic-turns.ts";
import { parseGoogleStt } from "./parse-google-stt.ts";
import { parseKaldi } from "./parse-kaldi.ts";
import { parseSpeechmatics } from "./parse-speechmatics.ts";
import { parseTrint } from "./parse-trint.ts";
import { readJsonText } from "./read-json-text.ts";
import { SegmentAssembler } from "./segment-assembler.ts";
import type { SttShapeParser } from "./stt-shape-parser.ts";

const VENDOR_PARSERS: Record<Exclude<SttShape, "generic">, SttShapeParser> = {
  assemblyai: parseAssemblyai,
  deepgram: parseDeepgram,
  "aws-transcribe": parseAwsTranscribe,
  speechmatics: parseSpeechmatics,
  google: parseGoogleStt,
  trint: parseTrint,
  kaldi: parseKaldi,
};

/**
 * Reads a speech-to-text JSON export (format "json:<shape>", e.g. "json:deepgram"): consecutive
 * words or utterances of one speaker become one segment, times in ms.
 */
export function parseSttJson(input: ParseInput, context: ParseContext): ParsedBody {
  const root = readJsonText(input.text, context);
  if (typeof root !== "object" || root === null) {
    throw new AppError({
      code: "UNSUPPORTED_FORMAT",
      message: `this JSON holds a single value, not a transcript; ${SUPPORTED_STT_SHAPES_LINE}`,
      context: { filename: context.filename },
    });
  }
  const shape = detectSttShape(root);
  const out = new SegmentAssembler(context);
  const details =
    shape === "generic" || !isRecord(root) ? parseGenericTurns(root, out, context) : VENDOR_PARSERS[shape](root, out, context);
  return { ...out.finish(`json:${shape}`), ...details };
}
