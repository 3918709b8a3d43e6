import type { Participant } from "../../domain/source.ts";

const ATTENDEE_LINE = /^(?:attendees|participants|present|in attendance)\s*:\s*(.+)$/i;
const NAME_WITH_NOTE = /^([^()]+?)\s*\(([^()]*)\)$/;
const MAX_ATTENDEES = 50;

/** Splits on commas and semicolons that are outside parentheses. */
function splitList(list: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const char = list[i];
    if (char === "(") depth++;
    else if (char === ")") depth = Math.max(0, depth - 1);
    else if ((char === "," || char === ";") && depth === 0) {
      items.push(list.slice(start, i));
      start = i + 1;
    }
  }
  items.push(list.slice(start));
  return items.map((item) => item.trim()).filter((item) => item !== "");
}

function readAttendee(item: string): Participant | null {
  const noted = NAME_WITH_NOTE.exec(item);
  const name = (noted?.[1] ?? item).trim();
  if (name === "" || name.length > 80) return null;
  const note =
    noted?.[2]
      ?.split(",")
      .map((part) => part.trim())
      .filter((part) => part !== "") ?? [];
  // "(Company)" or "(Title, Company)", as notes usually write it.
  if (note.length === 1) return { name, company: note[0] as string };
  if (note.length >= 2) return { name, title: note.slice(0, -1).join(", "), company: note.at(-1) as string };
  return { name };
}

/** Participants listed on "Attendees: Name (Company), Name (Title, Company)" lines. */
export function readAttendeeLines(lines: string[]): Participant[] {
  const participants: Participant[] = [];
  for (const line of lines) {
    const list = ATTENDEE_LINE.exec(line)?.[1];
    if (list === undefined) continue;
    for (const item of splitList(list)) {
      const participant = readAttendee(item);
      if (participant !== null && participants.length < MAX_ATTENDEES) participants.push(participant);
    }
  }
  return participants;
}
