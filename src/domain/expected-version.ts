/**
 * What a write expects of the current version of the object it changes (from an If-Match header or the version a
 * form was rendered from): any version at all, or one of these versions. A write expecting nothing is last-writer-wins.
 */
export type ExpectedVersion = "any" | { versions: readonly number[] };

/** A version as a client sends it back (integer, 0 for an unanswered gap). */
export const VERSION_DESCRIPTION =
  'bumped by every write of this object; its ETag is the version in quotes ("3"), to send back in If-Match';
