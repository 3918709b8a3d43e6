import { describe, expect, it } from "vitest";
import { detectSttShape } from "./detect-stt-shape.ts";

describe("detectSttShape", () => {
  it.each([
    [{ results: { channels: [] } }, "deepgram"],
    [{ results: { utterances: [] } }, "deepgram"],
    [{ results: { items: [], transcripts: [] } }, "aws-transcribe"],
    [{ results: { audio_segments: [] } }, "aws-transcribe"],
    [{ results: [{ type: "word", alternatives: [{ content: "hi" }] }] }, "speechmatics"],
    [{ words: [{ name: "hi", time: "0.1" }] }, "speechmatics"],
    [{ results: [{ alternatives: [{ transcript: "hi" }] }] }, "google"],
    [{ name: "operations/1", response: { results: [{ alternatives: [{ transcript: "hi" }] }] } }, "google"],
    [{ utterances: [{ speaker: "A", text: "hi" }] }, "assemblyai"],
    [{ words: [{ text: "hi", start: 10, end: 20 }] }, "assemblyai"],
    [{ status: "error", audio_url: "https://example.invalid/a.mp3" }, "assemblyai"],
    [{ words: [{ value: "hi", time: 100 }] }, "trint"],
    [{ retval: { words: [] } }, "kaldi"],
    [{ segmentation: { segments: [{ start: 0 }] } }, "kaldi"],
    [{ meeting_transcripts: [{ speaker: "PM", content: "hi" }] }, "generic"],
    [[{ speaker: "A", text: "hi" }], "generic"],
  ])("%j is %s", (root, shape) => {
    expect(detectSttShape(root)).toBe(shape);
  });
});
