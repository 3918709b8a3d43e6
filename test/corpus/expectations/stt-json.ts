import type { CorpusExpectation } from "../corpus-expectation.ts";

export const STT_JSON_EXPECTATIONS: Record<string, CorpusExpectation> = {
  "stt-json/KateDarling_2018S-speechmatics.json": {
    format: "json:speechmatics",
    speakers: ["F4", "F3"],
    timestamps: true,
    participants: ["F4", "F3"],
    minSegments: 10,
    // Punctuation words attach to the word before them.
    contains: ["hold a baby dinosaur robot upside down. It was"],
  },
  "stt-json/assembly_example.json": {
    format: "json:assemblyai",
    speakers: ["Speaker A", "Speaker B"],
    timestamps: true,
    participants: ["Speaker A", "Speaker B"],
    minSegments: 3,
    contains: ["Well, my phone number is 123-456-7890."],
  },
  "stt-json/aws-transcribe_todayinfocus.sample.json": {
    format: "json:aws-transcribe",
    speakers: ["spk_0", "spk_1"],
    timestamps: true,
    participants: ["spk_0", "spk_1"],
    minSegments: 8,
    contains: ["going on in Parliament?", "Cyclone E. Di hit Mozambique, one of the poorest"],
  },
  // Speaker segmentation (start, duration, speaker id) with no words: nothing to cite.
  "stt-json/bbcKaldiSpeakerSegments.sample.json": { rejects: true },
  // Single speaker, no diarization: no speaker labels, but timings from the paragraphs.
  "stt-json/f3b6208a662156067a41bddd295a1a0a53ea34a268e27a8f1a9d7107aa99732f-29e7c8100617f70da4ae9da1921cb5071a01219f4780ca70930b0a370ed2163a-response.json":
    {
      format: "json:deepgram",
      timestamps: true,
      contains: ["Life moves pretty fast."],
    },
  "stt-json/gcpSttSpeakerDiarization.sample.json": {
    format: "json:google",
    speakers: ["Speaker 1", "Speaker 2"],
    timestamps: true,
    participants: ["Speaker 1", "Speaker 2"],
    minSegments: 10,
    contains: ["There was a day about 10 years ago"],
  },
  // Trint export without speaker names: paragraphs become segments with times.
  "stt-json/trint.sample.json": {
    format: "json:trint",
    timestamps: true,
    minSegments: 2,
    contains: ["Primeiro queria saber como é que nasceu"],
  },
  // QMSum: roles as speakers, no timestamps in the file; {vocalsound}/{disfmarker} removed.
  "transcripts/real-meetings-qmsum-ami/ES2013a.json": {
    format: "json:generic",
    speakers: ["Project Manager", "Marketing", "Industrial Designer", "User Interface"],
    participants: ["Project Manager", "Marketing", "Industrial Designer", "User Interface"],
    minSegments: 50,
    contains: ["Is this okay?", "this is the kick-off meeting for the day."],
    excludes: ["{vocalsound}", "{disfmarker}", "{gap}", "Summarize the whole meeting."],
  },
  // "CSR: …" / "Customer: …" strings, no timestamps; the call date and time sit beside them.
  "transcripts/aws-csr-call-json/Call Transcript Sample 1.json": {
    format: "json:generic",
    speakers: ["CSR", "Customer"],
    participants: ["CSR", "Customer"],
    occurredAt: "2024-02-01T02:16:43",
    contains: ["This is unacceptable service!"],
    excludes: ["CSR: Thank you", "JaneDoe123"],
  },
  "transcripts/aws-csr-call-json/Call Transcript Sample 2.json": {
    format: "json:generic",
    speakers: ["CSR", "Customer"],
    participants: ["CSR", "Customer"],
    occurredAt: "2024-02-06T21:58:05",
    contains: ["I'll make sure the new confirmation number is emailed to you"],
  },
};
