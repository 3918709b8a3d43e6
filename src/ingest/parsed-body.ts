import type { Participant, Segment } from "../domain/source.ts";

/** What a format parser returns; parseSource adds id, filename and hash. */
export type ParsedBody = {
  format: string;
  text: string;
  segments: Segment[];
  participants: Participant[];
  occurredAt?: string;
  title?: string;
};
