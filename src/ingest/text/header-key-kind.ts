type HeaderKeyKind = "date" | "participants" | "other";

const PARTICIPANT_KEYS = new Set([
  "attendees",
  "attendee",
  "participants",
  "speakers",
  "present",
  "attendance",
  "in attendance",
  "people",
  "call participants",
  "meeting participants",
  "internal attendees",
  "external attendees",
  "customer attendees",
  "prospect attendees",
  "seller attendees",
]);

const DATE_KEYS = new Set([
  "date",
  "call date",
  "meeting date",
  "date of call",
  "date of meeting",
  "recording date",
  "recorded",
  "recorded on",
  "date/time",
  "date & time",
  "date and time",
  "when",
]);

// Metadata written above a transcript; never speech. Role words that can also be speaker
// labels ("Host", "Rep", "Customer") are deliberately absent.
const OTHER_KEYS = new Set([
  "time",
  "start time",
  "meeting time",
  "call time",
  "call id",
  "meeting id",
  "call type",
  "meeting type",
  "type",
  "duration",
  "length",
  "outcome",
  "result",
  "subject",
  "title",
  "topic",
  "location",
  "platform",
  "organizer",
  "organiser",
  "company",
  "account",
  "deal",
  "opportunity",
  "stage",
  "status",
  "recording",
  "recording link",
  "link",
  "source",
  "transcript",
  "transcribed by",
  "prepared by",
  "author",
  "meeting",
  "call",
]);

/** Normalizes a header key as written ("**Call Date**", "Call  date") for lookups. */
function normalizeHeaderKey(key: string): string {
  return key.replaceAll("*", "").trim().replace(/\s+/g, " ").toLowerCase();
}

/** What a `Key: value` line above a transcript carries, or null when the key is not metadata. */
export function headerKeyKind(key: string): HeaderKeyKind | null {
  const normalized = normalizeHeaderKey(key);
  if (PARTICIPANT_KEYS.has(normalized)) return "participants";
  if (DATE_KEYS.has(normalized)) return "date";
  if (OTHER_KEYS.has(normalized)) return "other";
  return null;
}
