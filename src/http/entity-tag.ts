import type { ExpectedVersion } from "../domain/expected-version.ts";
import { AppError } from "../errors.ts";

/** The strong ETag of an object at a version: the version in quotes. */
export function formatEntityTag(version: number): string {
  return `"${version}"`;
}

// One entity tag of an If-Match list: strong ("3") or weak (W/"3"); RFC 9110 etagc excludes spaces, quotes and controls.
const ENTITY_TAG = /^(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"$/;
const MAX_IF_MATCH_LENGTH = 1024;

/**
 * What an If-Match header asks of the object's current version: undefined without the header, "any" for `*`, else the
 * versions of its strong tags. A weak or foreign tag never matches (strong comparison), so it ends in a 412; a header
 * that is not a list of entity tags is a 400.
 */
export function readIfMatch(header: string | undefined): ExpectedVersion | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (value === "*") return "any";
  const tags = value.length > MAX_IF_MATCH_LENGTH ? [] : value.split(",").map((tag) => ENTITY_TAG.exec(tag.trim()));
  if (tags.length === 0 || tags.some((tag) => tag === null)) {
    throw new AppError({
      code: "INVALID_INPUT",
      message: 'If-Match: expected * or the ETag of a read, such as "3" (in double quotes)',
    });
  }
  const versions = tags.flatMap((tag) => (tag![1] === undefined && /^\d{1,15}$/.test(tag![2]!) ? [Number(tag![2])] : []));
  return { versions };
}
