import { CLOCK_SOURCE, parseClockTime } from "./parse-clock-time.ts";

/** One source line, classified; whether a candidate becomes a speaker turn is decided per file. */
export type LineRecord =
  | { kind: "blank" }
  | { kind: "skip" }
  | { kind: "break"; heading: string | null }
  | { kind: "text"; text: string; bullet: boolean; inlineMs: number | null }
  | Candidate;

export type Candidate = {
  kind: "candidate";
  /** Speaker label as written, or null for a timestamp without a name. */
  label: string | null;
  startMs: number | null;
  /** Speech on the same line (may be empty: the speech follows on the next lines). */
  text: string;
  /** The line carried a timestamp, which makes it transcript structure rather than prose. */
  timed: boolean;
  /** `Key: value` key when the line could instead be a header field. */
  fieldKey: string | null;
  /** The cleaned line, used as plain text when the candidate is not accepted. */
  fallback: string;
  bullet: boolean;
  inlineMs: number | null;
};

const RULE = /^\s{0,3}([-*_=])(?:[ \t]*\1){2,}[ \t]*$/;
const BULLET = /^[-*+•][ \t]+/;
const MARKDOWN_ESCAPE = /\\([\\`*_{}[\]()#+\-.!>~|])/g;
const INLINE_MARKER = new RegExp(String.raw`\[(${CLOCK_SOURCE})\]`, "g");
const TIME_SEPARATOR = String.raw`(?:[ \t]*[-–—|][ \t]*|[ \t]+|$)`;
// A bracket that opens must close: "[10:32 AM]" is not the clock "10:32" followed by "AM]".
const LEADING_TIME = new RegExp(String.raw`^(?:\[(${CLOCK_SOURCE})\]|\((${CLOCK_SOURCE})\)|(${CLOCK_SOURCE}))${TIME_SEPARATOR}(.*)$`);
// Teams chat copies: "[10:32 AM] Sarah Chen" — a wall-clock time, so it gives no start offset.
const LEADING_TIME_OF_DAY = new RegExp(String.raw`^\[?\d{1,2}:\d{2}(?::\d{2})?[ \t]?[AaPp]\.?[Mm]\.?\]?${TIME_SEPARATOR}(.*)$`);
const LABEL_THEN_TIME = new RegExp(String.raw`^([^[\]():\t]{1,60}?)[ \t]*[[(](${CLOCK_SOURCE})[\])][ \t]*:?[ \t]*(.*)$`);
const LABEL_SPACE_TIME = new RegExp(String.raw`^([^[\]():\t]{1,60}?)[ \t]+(${CLOCK_SOURCE})$`);
const LABEL_COLON = /^([^:\t]{1,60}?)[ \t]*:(?:[ \t]+|$)(.*)$/;
// Zoom chat: "From Ryan Sloan to Everyone" (newer exports) or "Ryan Sloan" (older ones).
const CHAT_FROM = /^From[ \t]+(.+?)(?:[ \t]+to[ \t]+.+?)?$/;
// Footer Otter.ai appends to every export; not speech.
const OTTER_FOOTER = /^Transcribed by https?:\/\/otter\.ai\/?$/i;
const CHAT_REACTION = /^(?:Reacted to ".*" with |Removed a .* reaction from ")/;

// Shared, immutable records: most lines of a large file are blank.
const BLANK: LineRecord = Object.freeze({ kind: "blank" });
const SKIP: LineRecord = Object.freeze({ kind: "skip" });
const RULE_BREAK: LineRecord = Object.freeze({ kind: "break", heading: null });

/** Decides whether a prefix is a speaker label; callers pass a memoized isSpeakerLabel. */
type LabelTest = (label: string) => boolean;

/** Text of an ATX heading ("## Notes ##" → "Notes"), or null when the line is not one. Written by hand to stay linear. */
function headingText(trimmed: string): string | null {
  let level = 0;
  while (level < trimmed.length && trimmed.charCodeAt(level) === 35) level++;
  if (level > 6 || (level < trimmed.length && trimmed[level] !== " " && trimmed[level] !== "\t")) return null;
  const text = trimmed.slice(level).trim();
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 35) end--;
  if (end === 0) return "";
  return end < text.length && (text[end - 1] === " " || text[end - 1] === "\t") ? text.slice(0, end).trim() : text;
}

/** Strips Markdown that is not speech: escapes, bold markers, blockquote marks, list bullets. */
function cleanLine(trimmed: string, markdown: boolean): { text: string; bullet: boolean } {
  let text = trimmed;
  if (text.includes("\\")) text = markdown ? text.replace(MARKDOWN_ESCAPE, "$1") : text.replace(/\\([[\]])/g, "$1");
  if (text.includes("**")) text = text.replaceAll("**", "").trim();
  if (markdown && text.startsWith(">")) text = text.replace(/^(?:>[ \t]?)+/, "").trim();
  const bullet = BULLET.exec(text);
  if (bullet !== null) return { text: text.slice(bullet[0].length).trim(), bullet: true };
  return { text, bullet: false };
}

/** Removes mid-line `[07:46]` markers, returning the first as a start time. */
function stripInlineMarkers(text: string): { text: string; inlineMs: number | null } {
  if (!text.includes("[")) return { text, inlineMs: null };
  let inlineMs: number | null = null;
  const stripped = text.replace(INLINE_MARKER, (_marker, clock: string) => {
    inlineMs ??= parseClockTime(clock);
    return "";
  });
  if (inlineMs === null) return { text, inlineMs };
  return { text: stripped.replace(/[ \t]{2,}/g, " ").trim(), inlineMs };
}

function candidate(
  label: string | null,
  startMs: number | null,
  rest: string,
  fallback: string,
  bullet: boolean,
  timed = startMs !== null,
): Candidate {
  const { text, inlineMs } = stripInlineMarkers(rest.trim());
  return { kind: "candidate", label, startMs, text, timed, fieldKey: null, fallback, bullet, inlineMs };
}

function recognizeTimed(startMs: number | null, rest: string, line: string, bullet: boolean, isSpeakerLabel: LabelTest): LineRecord {
  const colon = LABEL_COLON.exec(rest);
  if (colon !== null) {
    const from = CHAT_FROM.exec(colon[1]!.trim());
    const label = from === null ? colon[1]!.trim() : from[1]!.trim();
    if (isSpeakerLabel(label)) {
      const speech = colon[2]!.trim();
      if (rest.includes("\t") && CHAT_REACTION.test(speech)) return SKIP;
      return candidate(label, startMs, speech, line, bullet, true);
    }
  }
  const bare = rest.trim();
  if (bare !== "" && isSpeakerLabel(bare)) return candidate(bare, startMs, "", line, bullet, true);
  return candidate(null, startMs, rest, line, bullet, true);
}

/** Classifies one line of a text or Markdown transcript. */
export function recognizeLine(raw: string, markdown: boolean, isSpeakerLabel: LabelTest): LineRecord {
  const trimmed = raw.trim();
  if (trimmed === "") return BLANK;
  const first = trimmed.charCodeAt(0);
  // Only lines opening with - * _ = # can be rules or headings; skip those regexes otherwise.
  if (first === 45 || first === 42 || first === 95 || first === 61) {
    if (RULE.test(trimmed)) return RULE_BREAK;
  } else if (first === 35) {
    const heading = headingText(trimmed);
    if (heading !== null) return { kind: "break", heading: cleanLine(heading, markdown).text || null };
  }
  const { text: line, bullet } = cleanLine(trimmed, markdown);
  if (line === "") return BLANK;
  if (OTTER_FOOTER.test(line)) return SKIP;
  const opening = line.charCodeAt(0);
  if ((opening >= 48 && opening <= 57) || opening === 91 || opening === 40) {
    const leading = LEADING_TIME.exec(line);
    const leadingMs = leading === null ? null : parseClockTime(leading[1] ?? leading[2] ?? leading[3]!);
    if (leadingMs !== null) return recognizeTimed(leadingMs, leading![4]!, line, bullet, isSpeakerLabel);
    const timeOfDay = LEADING_TIME_OF_DAY.exec(line);
    if (timeOfDay !== null) return recognizeTimed(null, timeOfDay[1]!, line, bullet, isSpeakerLabel);
  }
  // "Name (0:05):" and "Name  0:05" put a clock's colon first on the line; skip both regexes otherwise.
  const colonAt = line.indexOf(":");
  const digitBeforeColon = colonAt > 0 && line.charCodeAt(colonAt - 1) >= 48 && line.charCodeAt(colonAt - 1) <= 57;
  const labelTime = digitBeforeColon ? (LABEL_THEN_TIME.exec(line) ?? LABEL_SPACE_TIME.exec(line)) : null;
  if (labelTime !== null && isSpeakerLabel(labelTime[1]!.trim())) {
    const startMs = parseClockTime(labelTime[2]!);
    if (startMs !== null) return candidate(labelTime[1]!.trim(), startMs, labelTime[3] ?? "", line, bullet);
  }
  if (colonAt === -1 && !line.includes("[")) return { kind: "text", text: line, bullet, inlineMs: null };
  const plain = stripInlineMarkers(line);
  const colon = LABEL_COLON.exec(plain.text);
  if (colon !== null) {
    const key = colon[1]!.trim();
    const label = isSpeakerLabel(key) ? key : null;
    const speech = colon[2]!.trim();
    return {
      kind: "candidate",
      label,
      startMs: null,
      text: speech,
      timed: false,
      fieldKey: key,
      fallback: plain.text,
      bullet,
      inlineMs: plain.inlineMs,
    };
  }
  return { kind: "text", text: plain.text, bullet, inlineMs: plain.inlineMs };
}
