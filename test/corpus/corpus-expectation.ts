/** What a corpus file must yield; a file with no entry must only parse with the invariant or be rejected in one line. */
export type CorpusExpectation = {
  /** Rejected with a one-line reason (exit 2) instead of parsed. */
  rejects?: true;
  format?: string;
  minSegments?: number;
  /** Speakers that must appear on segments (exact strings). */
  speakers?: string[];
  /** Every segment has startMs (and endMs when the format has ends). */
  timestamps?: boolean;
  /** Participant names that must be listed. */
  participants?: string[];
  occurredAt?: string;
  /** Substrings that must appear in source.text. */
  contains?: string[];
  /** Substrings that must NOT appear in source.text (quoted replies, signatures, page furniture). */
  excludes?: string[];
};
