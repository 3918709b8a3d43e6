import type { CorpusExpectation } from "../corpus-expectation.ts";

// Edge cases from vtt.js whose timing or layout is off but whose intent is clear: read leniently.
const VTT_JS_LENIENT = [
  "cue-times/fraction-digits.vtt",
  "cue-times/fractions.vtt",
  "cue-times/max-spot-digits.vtt",
  "cue-times/max-spots-over-sixty.vtt",
  "cue-times/max-time-spots.vtt",
  "cue-times/min-top-digits.vtt",
  "cue-times/minimum-spots-over-sixty.vtt",
  "cue-times/minimum-time-spots.vtt",
  "cue-times/mismatched-time-spots.vtt",
  "file-layout/bom-tab-webvtt.vtt",
  "file-layout/header-no-new-line.vtt",
  "file-layout/newline-before-webvtt.vtt",
  "file-layout/no-space-cue-times-cue-settings.vtt",
  "file-layout/tab-after-bom-before-header.vtt",
  "file-layout/webvtt-no-bom.vtt",
  "file-layout/webvtt-space.vtt",
  "file-layout/webvtt-tab.vtt",
  "file-layout/webvtt-with-bom.vtt",
];

// Separator spacing variants ("-->" with tabs, extra or no spaces), all with the cue text "Payload".
const VTT_JS_SEPARATORS = [
  "left-tab.vtt",
  "missing-spaces-between-separator.vtt",
  "separator-extra-space.vtt",
  "separator-tab.vtt",
  "space-left-tab-right.vtt",
  "space-right-tab-left.vtt",
  "spaces-tabs-on-both-sides.vtt",
  "tab-right.vtt",
];

const lenient: Record<string, CorpusExpectation> = Object.fromEntries([
  ...VTT_JS_LENIENT.map((path) => [`bad/vtt.js/${path}`, { format: "vtt", timestamps: true, minSegments: 1 }]),
  ...VTT_JS_SEPARATORS.map((path) => [`bad/vtt.js/cue-times/${path}`, { format: "vtt", timestamps: true, contains: ["Payload"] }]),
]);

export const CAPTION_EXPECTATIONS: Record<string, CorpusExpectation> = {
  // Real captions without names: `>>` markers become segment breaks, short cues merge into sentences.
  "captions/broadcast-council/boston_captions.vtt": {
    format: "vtt",
    timestamps: true,
    contains: ["I'm the city councilor for district five and I'm the vice PRESIDENT Of the boston city council."],
  },
  "captions/broadcast-council/brief_080221_2012161.vtt": {
    format: "vtt",
    timestamps: true,
    minSegments: 10,
    contains: ["GOOD MORNING EVERYONE. THE AUGUST 2nd, 2021 COUNCIL BRIEFING MEETING WILL COME TO ORDER."],
    excludes: ["&gt;", ">>", "align:start"],
  },
  "captions/broadcast-council/fake_caption.vtt": {
    format: "vtt",
    timestamps: true,
    contains: ["THANKS FOR BEING HERE FOR OUR REGULAR SCHEDULED BRIEFING ON JULY 15.", "I MAY HAVE AN OBJECTION."],
    excludes: ["&gt;", ">>"],
  },
  "captions/broadcast-council/oakland_captions.vtt": {
    format: "vtt",
    timestamps: true,
    minSegments: 50,
    contains: ["we will begin with a roll call, councilmember fife?"],
    excludes: [">>"],
  },
  "captions/webvtt-py-format-variants/comments.vtt": {
    format: "vtt",
    timestamps: true,
    contains: ["Det är inte varmt.", "Det smakar som te."],
    excludes: ["This translation was done by Kyle", "may not translate well"],
  },
  "captions/webvtt-py-format-variants/cue_tags.vtt": {
    format: "vtt",
    timestamps: true,
    contains: ["When the moon hits your eye", "That's amore"],
    excludes: ["<", "00:17.500"],
  },
  "captions/webvtt-py-format-variants/metadata_headers_multiline.vtt": {
    format: "vtt",
    timestamps: true,
    contains: ["Caption text #1", "Caption text #2"],
    excludes: ["Kind:", "::cue", "##"],
  },
  "captions/webvtt-py-format-variants/sample.sbv": {
    format: "sbv",
    timestamps: true,
    contains: ["Caption text #3 (line 1) Caption text #3 (line 2)", "Caption text #5"],
  },
  "captions/webvtt-py-format-variants/sample.srt": {
    format: "srt",
    timestamps: true,
    contains: ["Caption text #1", "Caption text #5"],
  },
  "captions/webvtt-py-format-variants/styles.vtt": {
    format: "vtt",
    timestamps: true,
    contains: ["Hello world."],
    excludes: ["papayawhip", "<b>"],
  },
  "captions/webvtt-py-format-variants/using_identifiers.vtt": {
    format: "vtt",
    timestamps: true,
    contains: ["Caption text #2", "Caption text #6"],
    excludes: ["second caption"],
  },
  // YouTube auto-captions: rolled lines are said once, word timings and colour classes dropped.
  "captions/webvtt-py-format-variants/youtube_dl.vtt": {
    format: "vtt",
    timestamps: true,
    contains: ["yeah what this will happen is I'm telling"],
    excludes: ["yeah yeah", "telling this will"],
  },
  "captions/zoom-synthetic-engager/biology_lab_session.vtt": {
    format: "vtt",
    timestamps: true,
    speakers: ["Dr. Chen", "Student Q", "Student R", "Student S", "Student T"],
    participants: ["Dr. Chen", "Student Q", "Student R", "Student S", "Student T"],
    contains: ["Do we need gloves for this experiment?"],
    excludes: ["<v"],
  },
  "captions/zoom/caleob_PLC_Fishbowl_zoom_transcript.vtt": {
    format: "vtt",
    timestamps: true,
    speakers: ["Caleob King"],
    participants: ["Caleob King"],
    contains: ["Hello, everybody, I hope you're doing all right."],
    excludes: ["Caleob King:"],
  },

  "bad/srt-pysrt/bom-utf-8.srt": {
    format: "srt",
    timestamps: true,
    contains: ["About 2 months ago I found myself on the comment section of YouTube"],
    excludes: ["\ufeff"],
  },
  "bad/srt-pysrt/capability_tester.srt": {
    format: "srt",
    timestamps: true,
    contains: ["This line should be bold", "This text should be at the top and horizontally centered"],
    excludes: ["<font", "<b>", "{\\an8}"],
  },
  "bad/srt-pysrt/no-indexes.srt": {
    format: "srt",
    timestamps: true,
    contains: ["About 2 months ago I found myself on the comment section of YouTube"],
  },

  ...lenient,
  // Unreadable timings: "00.00.000" (dots for colons), "00:000.000" (three-digit seconds).
  "bad/vtt.js/cue-times/incorrect-delimiter.vtt": { rejects: true },
  "bad/vtt.js/cue-times/min-mid-digits.vtt": { rejects: true },
  // No "-->" between the times and no cue text.
  "bad/vtt.js/cue-times/missing-separator.vtt": { rejects: true },
  "bad/vtt.js/cuetext_voice/no-end-gt.vtt": { format: "vtt", contains: ["It's a blue apple tree!"], excludes: ["<v"] },
  "bad/vtt.js/cuetext_voice/with-annotation.vtt": { format: "vtt", speakers: ["Mary"], participants: ["Mary"] },
  "bad/vtt.js/cuetext_voice/with-closing-span.vtt": { format: "vtt", speakers: ["Joe"], contains: ["Hee! Hee!"] },
  "bad/vtt.js/cuetext_voice/with-subclass.vtt": { format: "vtt", speakers: ["Joe"], contains: ["That's awesome!"] },
  "bad/vtt.js/cuetext_voice/with-two-subclasses.vtt": { format: "vtt", speakers: ["Joe"] },
  // "WEBvtt" signature and a "--->" arrow: nothing in it is a cue.
  "bad/vtt.js/file-layout/bad-double-webvtt.vtt": { rejects: true },
  // Empty, or only a BOM.
  "bad/vtt.js/file-layout/blank-file-with-bom.vtt": { rejects: true },
  "bad/vtt.js/file-layout/blank-file.vtt": { rejects: true },
  // Cues with no blank line between them still split; identical cues are kept (not rolling captions).
  "bad/vtt.js/file-layout/cue-spacing.vtt": { format: "vtt", timestamps: true, contains: ["Text Text Text"] },
  // No signature and no cues: just a line of text.
  "bad/vtt.js/file-layout/garbage-signature.vtt": { rejects: true },
  "bad/vtt.js/file-layout/many-comments.vtt": {
    format: "vtt",
    timestamps: true,
    contains: ["Never drink liquid nitrogen.", "You could die."],
    excludes: ["Jill", "check next cue", "end of file"],
  },

  "bad/webvtt-py/captions_with_bom.vtt": { format: "vtt", timestamps: true, contains: ["Caption text #4"] },
  "bad/webvtt-py/empty.vtt": { rejects: true },
  // No WEBVTT line, but the cues are plain: content detection reads it as SRT with dot milliseconds.
  "bad/webvtt-py/invalid.vtt": { format: "srt", timestamps: true, contains: ["Caption text #1", "Caption text #7"] },
  // A lone "1": no cue at all.
  "bad/webvtt-py/invalid_format1.srt": { rejects: true },
  // A timing line with no text after it.
  "bad/webvtt-py/invalid_format4.srt": { rejects: true },
  // One timing uses a dot instead of a comma: read anyway.
  "bad/webvtt-py/invalid_timeframe.srt": { format: "srt", timestamps: true, contains: ["Caption text #2"] },
  // The cue with "00:00:1d.890" is skipped; the others are kept.
  "bad/webvtt-py/invalid_timeframe.vtt": {
    format: "vtt",
    timestamps: true,
    contains: ["Caption text #1", "Caption text #7"],
    excludes: ["Caption text #2"],
  },
  "bad/webvtt-py/missing_caption_text.vtt": { format: "vtt", timestamps: true, contains: ["Caption text #5"] },
  // The block without a timing line is skipped, as a WebVTT reader does.
  "bad/webvtt-py/missing_timeframe.vtt": {
    format: "vtt",
    timestamps: true,
    contains: ["Caption text #1", "Caption text #3"],
    excludes: ["Caption text #2"],
  },
  // Only the WEBVTT line.
  "bad/webvtt-py/no_captions.vtt": { rejects: true },
};
