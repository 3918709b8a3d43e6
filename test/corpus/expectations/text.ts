import type { CorpusExpectation } from "../corpus-expectation.ts";

const TRIBEAI_HEADER_KEYS = ["Call ID", "Outcome:", "Duration", "**"];

export const TEXT_EXPECTATIONS: Record<string, CorpusExpectation> = {
  "transcripts/revopsvault/sample-call-transcript.md": {
    format: "markdown",
    minSegments: 23,
    speakers: ["David", "Sarah"],
    participants: ["Sarah Chen", "David Park"],
    occurredAt: "2025-02-10",
    contains: ["average response time was 47 hours", "We had a conversation with Go Nimbly"],
    excludes: ["**", "Call Type", "32 minutes", "(VP Sales, Nextera Health)"],
  },
  "transcripts/tribeai-sales-calls/cold-call-success-01.md": {
    format: "markdown",
    minSegments: 20,
    speakers: ["Sarah", "Michael"],
    participants: ["Sarah", "Michael Chen"],
    occurredAt: "2024-01-15",
    contains: ["Implementation is actually 2 weeks", "Strong opener with company research"],
    excludes: TRIBEAI_HEADER_KEYS,
  },
  "transcripts/tribeai-sales-calls/cold-call-unsuccessful-01.md": {
    format: "markdown",
    minSegments: 13,
    speakers: ["Brian", "Patricia"],
    participants: ["Brian", "Patricia Moore"],
    occurredAt: "2024-02-05",
    contains: ["Please take me off your list."],
    excludes: TRIBEAI_HEADER_KEYS,
  },
  "transcripts/tribeai-sales-calls/discovery-call-01.md": {
    format: "markdown",
    minSegments: 47,
    speakers: ["Marcus", "Jennifer", "David"],
    participants: ["Marcus", "Jennifer Wu", "David Park"],
    occurredAt: "2024-01-22",
    contains: ["For a team your size, about $8,000 per month."],
    excludes: TRIBEAI_HEADER_KEYS,
  },
  "transcripts/tribeai-sales-calls/follow-up-success-01.md": {
    format: "markdown",
    minSegments: 30,
    speakers: ["Rachel", "Chris"],
    participants: ["Rachel", "Chris Anderson"],
    occurredAt: "2024-02-12",
    contains: ["12-month term, $132K annually"],
    excludes: TRIBEAI_HEADER_KEYS,
  },
  "transcripts/tribeai-sales-calls/objection-pricing-01.md": {
    format: "markdown",
    minSegments: 25,
    speakers: ["Kevin", "Nicole"],
    participants: ["Nicole", "Kevin Brown"],
    occurredAt: "2024-02-10",
    contains: ["we'll structure the pricing so the pilot is $25K"],
    excludes: TRIBEAI_HEADER_KEYS,
  },
  // Zoom chat export: tab-separated "hh:mm:ss<TAB>Name:<TAB>message"; emoji reactions are dropped.
  "captions/zoom/GMT20240124-202901_RecordingnewChat.txt": {
    format: "text",
    minSegments: 8,
    speakers: ["Ryan Sloan", "Dr. Melissa Ko", "Shreeharsh Kelkar"],
    timestamps: true,
    participants: ["Ryan Sloan", "Dr. Melissa Ko", "Shreeharsh Kelkar"],
    contains: ["Lots of engagement can happen in writing as a parallel stream"],
    excludes: ["Reacted to", "00:05:16"],
  },
  // A Zoom web-portal recordings list (topic, meeting ID, sizes): metadata with no speech, so it
  // is rejected with a reason instead of turning rows of file sizes into citable "segments".
  "captions/zoom/zoomus_recordings__20240124.csv": { rejects: true },
  // Only whitespace: nothing to cite.
  "bad/text-encoding/fake-text-all-whitespace.txt": { rejects: true },
  // Plain notes without speakers, in UTF-16 LE and UTF-32 with BOM: paragraphs with no speaker.
  "bad/text-encoding/fake-text-utf-16-le.txt": {
    format: "text",
    minSegments: 3,
    contains: ["This is a test document to use for unit tests.", "Hamburgers are delicious"],
    excludes: ["- Hamburgers"],
  },
  "bad/text-encoding/fake-text-utf-32.txt": {
    format: "text",
    minSegments: 3,
    contains: ["This is a test document to use for unit tests.", "I love fuzzy blankets"],
    excludes: ["- Dogs"],
  },
};
