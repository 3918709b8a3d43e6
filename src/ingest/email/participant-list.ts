import type { Participant } from "../../domain/source.ts";
import { tooManySpeakers } from "../text-builder.ts";
import { type EmailPerson, isSamePerson, nameFromAddress } from "./email-person.ts";

/** The people of an email thread, each once, in the order they first appear. */
export class ParticipantList {
  private readonly people: { person: EmailPerson; participant: Participant }[] = [];
  private readonly maxPeople: number;

  constructor(maxPeople = Number.POSITIVE_INFINITY) {
    this.maxPeople = maxPeople;
  }

  add(person: EmailPerson | null, role: { title?: string; company?: string } = {}): void {
    if (person === null || (person.name === undefined && person.email === undefined)) return;
    const existing = this.people.find((entry) => isSamePerson(entry.person, person));
    if (existing !== undefined) {
      if (existing.person.name === undefined && person.name !== undefined) existing.person.name = person.name;
      if (existing.person.email === undefined && person.email !== undefined) existing.person.email = person.email;
      if (person.name !== undefined && existing.participant.name === existing.person.email) {
        existing.participant.name = person.name;
      }
      if (existing.participant.title === undefined && role.title !== undefined) existing.participant.title = role.title;
      if (existing.participant.company === undefined && role.company !== undefined) {
        existing.participant.company = role.company;
      }
      if (existing.participant.email === undefined && person.email !== undefined) existing.participant.email = person.email;
      return;
    }
    if (this.people.length >= this.maxPeople) throw tooManySpeakers(this.maxPeople);
    const participant: Participant = { name: person.name ?? nameFromAddress(person.email ?? "") };
    if (person.email !== undefined) participant.email = person.email;
    // Segments show the address when an email gives no display name: keep it as a label.
    if (person.name === undefined && person.email !== undefined) participant.labels = [person.email];
    if (role.title !== undefined) participant.title = role.title;
    if (role.company !== undefined) participant.company = role.company;
    this.people.push({ person: { ...person }, participant });
  }

  list(): Participant[] {
    return this.people.map((entry) => entry.participant);
  }
}
