import { isRecord, readString } from "./json-values.ts";

/** One turn of a generic transcript, with its time fields still raw. */
export type GenericTurn = {
  speaker: unknown;
  text: string;
  start: unknown;
  end: unknown;
  /** Normalized names of the time fields found ("startms", "start_time" → "starttime"). */
  timeKeys: string[];
};

// Field names are compared lower-cased without "_", "-" or spaces; earlier names win.
const SPEAKER_KEYS = [
  "speaker",
  "speakerlabel",
  "speakername",
  "speakerid",
  "speakertag",
  "participantrole",
  "participant",
  "name",
  "role",
  "author",
  "user",
  "username",
  "sender",
];
const TEXT_KEYS = [
  "text",
  "content",
  "transcript",
  "utterance",
  "sentence",
  "message",
  "body",
  "caption",
  "line",
  "punctuatedword",
  "word",
];
const START_KEYS = [
  "start",
  "starttime",
  "startms",
  "startmillis",
  "startseconds",
  "startsec",
  "beginoffsetmillis",
  "begin",
  "begintime",
  "startoffset",
  "offset",
  "timestamp",
  "time",
  "ts",
];
const END_KEYS = ["end", "endtime", "endms", "endmillis", "endseconds", "endsec", "endoffsetmillis", "stop", "stoptime", "endoffset"];

const MAX_SPEAKER_PREFIX = 60;
const SPEAKER_PREFIX = /^[\p{L}][\p{L}\p{N} .'’&()_-]*$/u;

/** Reads {speaker, text, start?, end?} under any of the usual field names; null without text. */
export function readGenericTurn(element: unknown): GenericTurn | null {
  if (typeof element === "string") return readSpeakerLine(element);
  if (!isRecord(element)) return null;
  const fields = new Map<string, [string, unknown]>();
  for (const key of Object.keys(element)) fields.set(normalizeKey(key), [key, element[key]]);
  const text = pick(fields, TEXT_KEYS);
  if (typeof text?.[1] !== "string" || text[1].trim() === "") return null;
  const start = pick(fields, START_KEYS);
  const end = pick(fields, END_KEYS);
  const timeKeys = [start, end].flatMap((field) => (field === undefined ? [] : [normalizeKey(field[0])]));
  return { speaker: readSpeakerValue(pick(fields, SPEAKER_KEYS)?.[1]), text: text[1], start: start?.[1], end: end?.[1], timeKeys };
}

/** "Customer: text" → speaker "Customer"; a line without a name-like prefix has no speaker. */
function readSpeakerLine(line: string): GenericTurn | null {
  if (line.trim() === "") return null;
  const colon = line.indexOf(":");
  const after = line.charCodeAt(colon + 1);
  if (colon > 0 && colon <= MAX_SPEAKER_PREFIX && (Number.isNaN(after) || after === 32 || after === 9)) {
    const speaker = line.slice(0, colon).trim();
    if (SPEAKER_PREFIX.test(speaker) && speaker.split(" ").length <= 5) {
      return { speaker, text: line.slice(colon + 1), start: undefined, end: undefined, timeKeys: [] };
    }
  }
  return { speaker: null, text: line, start: undefined, end: undefined, timeKeys: [] };
}

/** True when a line starts with a "Name:" speaker prefix. */
export function hasSpeakerPrefix(line: string): boolean {
  return readSpeakerLine(line)?.speaker != null;
}

export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[\s_-]/g, "");
}

function pick(fields: Map<string, [string, unknown]>, names: string[]): [string, unknown] | undefined {
  for (const name of names) {
    const field = fields.get(name);
    if (field !== undefined && field[1] !== null && field[1] !== undefined) return field;
  }
  return undefined;
}

function readSpeakerValue(value: unknown): unknown {
  if (!isRecord(value)) return value ?? null;
  return readString(value.name) ?? value["@id"] ?? value.id ?? null;
}
