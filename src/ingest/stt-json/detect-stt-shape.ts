import { hasElementsWith, isRecord, readFirstRecord, readPath, readRecord } from "./json-values.ts";

const STT_SHAPES = ["assemblyai", "deepgram", "aws-transcribe", "speechmatics", "google", "trint", "kaldi", "generic"] as const;
export type SttShape = (typeof STT_SHAPES)[number];

export const SUPPORTED_STT_SHAPES_LINE =
  'supported JSON transcripts: AssemblyAI, Deepgram, Amazon Transcribe, Speechmatics, Google Speech-to-Text, Trint, BBC Kaldi, or an array of {speaker, text} objects or "Speaker: text" strings';

/**
 * Names the vendor shape of a parsed JSON transcript from its distinctive fields, or "generic"
 * for anything else (the generic parser decides whether it holds turns at all).
 */
export function detectSttShape(root: unknown): SttShape {
  if (!isRecord(root)) return "generic";
  const results = root.results;
  if (isRecord(results)) {
    if (Array.isArray(results.channels) || Array.isArray(results.utterances)) return "deepgram";
    if (Array.isArray(results.items) || Array.isArray(results.transcripts) || Array.isArray(results.audio_segments)) {
      return "aws-transcribe";
    }
  }
  const resultList = Array.isArray(results) ? results : readPath(root, "response", "results");
  if (Array.isArray(resultList)) {
    if (hasElementsWith(resultList, "type", "alternatives")) return "speechmatics";
    if (hasElementsWith(resultList, "alternatives")) return "google";
  }
  if (hasElementsWith(root.utterances, "text") || hasElementsWith(root.words, "text", "start")) return "assemblyai";
  // A queued or failed AssemblyAI job has no text yet but still names its audio and status.
  if (("text" in root || "status" in root) && ("audio_url" in root || "acoustic_model" in root || "speech_model" in root)) {
    return "assemblyai";
  }
  if (hasElementsWith(root.words, "name", "time")) return "speechmatics";
  if (hasElementsWith(root.words, "value", "time")) return "trint";
  if (isKaldi(root)) return "kaldi";
  return "generic";
}

function isKaldi(root: Record<string, unknown>): boolean {
  const retval = readRecord(root.retval);
  if (retval !== undefined && ("words" in retval || "segmentation" in retval)) return true;
  if (hasElementsWith(root.words, "punct", "start")) return true;
  const segmentation = readRecord(root.segmentation);
  return segmentation !== undefined && readFirstRecord(segmentation.segments) !== undefined;
}
