import { assignSides } from "./participants/assign-sides.ts";
import { createParticipantFinder } from "./participants/find-participant-for-label.ts";
import type { Participant, Segment } from "../domain/source.ts";

/**
 * Links every distinct speaker label on the segments to a participant (a header attendee it
 * stands for, such as `James` → James Rodriguez, or a new participant named after the label),
 * recording the label as written in `labels`, then marks seller and customer sides where the
 * source shows them. Pure: neither the participants nor the segments are modified.
 */
export function linkParticipants(participants: Participant[], segments: Segment[]): Participant[] {
  const linked: Participant[] = participants.map((p) => (p.labels === undefined ? { ...p } : { ...p, labels: [...p.labels] }));
  // Only header attendees are matched by name; labels added below stand for themselves.
  const finder = createParticipantFinder(linked.slice());
  const seen = new Set<string>();
  for (const segment of segments) {
    const label = segment.speaker;
    if (label === null || seen.has(label)) continue;
    seen.add(label);
    const index = finder.find(label);
    const participant = index === null ? undefined : linked[index];
    if (participant === undefined) {
      linked.push({ name: label, labels: [label] });
    } else if (!(participant.labels ?? []).includes(label)) {
      participant.labels = [...(participant.labels ?? []), label];
      finder.addLabel(label, index!);
    }
  }
  return assignSides(linked);
}
