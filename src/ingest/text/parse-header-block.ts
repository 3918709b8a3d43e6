import type { Participant } from "../../domain/source.ts";
import { headerKeyKind } from "./header-key-kind.ts";
import { isSpeakerLabel } from "./is-speaker-label.ts";
import { parseHeaderDate } from "./parse-header-date.ts";
import { parseParticipantEntry, splitParticipantList } from "./parse-participant-entry.ts";
import type { Candidate, LineRecord } from "./recognize-line.ts";

type HeaderBlock = {
  participants: Participant[];
  occurredAt?: string;
  /** Indexes of the records that were metadata, not speech. */
  consumed: Set<number>;
};

const MAX_PARTICIPANTS = 500;
// Inline lists longer than this are prose, not an attendee line; also bounds the split work.
const MAX_LIST_CHARS = 4000;

function isField(record: LineRecord): record is Candidate & { fieldKey: string } {
  return record.kind === "candidate" && record.fieldKey !== null && !record.timed;
}

/** A run is a header when one of its `Key: value` lines has a metadata key (Date, Attendees, …). */
function isHeaderRun(records: LineRecord[], start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const record = records[i]!;
    if (isField(record) && headerKeyKind(record.fieldKey) !== null) return true;
  }
  return false;
}

function isRunBreak(record: LineRecord): boolean {
  return record.kind === "blank" || record.kind === "break";
}

type ListMode = "none" | "same-run" | "next-run";

/**
 * Reads header blocks (`Date: …`, `**Attendees:** …`, `Participants:` with bullet lines) in
 * records[0, end): participants, the date of the call, and which lines were metadata.
 */
export function parseHeaderBlock(records: LineRecord[], end: number): HeaderBlock {
  const participants: Participant[] = [];
  const consumed = new Set<number>();
  const unknownKeys: { index: number; key: string }[] = [];
  let occurredAt: string | undefined;
  // After "Participants:" the entries follow as lines (or bullets below a blank line);
  // after "Attendees: A, B" only bullets directly below may add more.
  let list: ListMode = "none";
  let listAllowsLines = false;

  let start = 0;
  while (start < end) {
    const first = records[start]!;
    if (isRunBreak(first) || first.kind === "skip") {
      if (first.kind === "break") list = "none";
      start++;
      continue;
    }
    let stop = start;
    while (stop < end && !isRunBreak(records[stop]!)) stop++;
    const header = isHeaderRun(records, start, stop);
    if (list === "next-run") list = "same-run";
    for (let i = start; i < stop; i++) {
      const record = records[i]!;
      if (record.kind === "skip" || record.kind === "blank" || record.kind === "break") continue;
      const kind = isField(record) ? headerKeyKind(record.fieldKey) : null;
      if (list === "same-run" && kind === null && (record.bullet || listAllowsLines)) {
        const participant = parseParticipantEntry(record.kind === "text" ? record.text : record.fallback);
        if (participant !== null && (record.bullet || isSpeakerLabel(participant.name))) {
          if (participants.length < MAX_PARTICIPANTS) participants.push(participant);
          consumed.add(i);
          continue;
        }
      }
      list = "none";
      if (!header || !isField(record)) continue;
      consumed.add(i);
      if (kind === "participants") {
        const value = record.text;
        if (value.length <= MAX_LIST_CHARS) {
          for (const entry of splitParticipantList(value)) {
            const participant = parseParticipantEntry(entry);
            if (participant !== null && participants.length < MAX_PARTICIPANTS) participants.push(participant);
          }
        }
        list = "same-run";
        listAllowsLines = value === "";
      } else if (kind === "date") {
        occurredAt ??= parseHeaderDate(record.text) ?? undefined;
      } else if (kind === null) {
        unknownKeys.push({ index: i, key: record.fieldKey });
      }
    }
    list = list === "same-run" && listAllowsLines ? "next-run" : "none";
    listAllowsLines = false;
    start = stop;
  }
  // A `Sarah: …` line beside the header is speech when Sarah is an attendee.
  const names = new Set(participants.flatMap((p) => [p.name.toLowerCase(), p.name.split(" ")[0]!.toLowerCase()]));
  for (const { index, key } of unknownKeys) if (names.has(key.toLowerCase())) consumed.delete(index);
  return { participants, consumed, ...(occurredAt === undefined ? {} : { occurredAt }) };
}
