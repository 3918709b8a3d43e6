import { z } from "@hono/zod-openapi";

/** The If-Match request header of a write that changes a versioned object (an item, a gap's answer, a deal). */
export const IfMatchHeadersSchema = z.object({
  "if-match": z
    .string()
    .optional()
    .describe(
      'the ETag of the object as read (its version in quotes, "3"), or *: the write happens only if the object is still at ' +
        "that version, else 412 with the current ETag. Optional with an API token (without it the last write wins); " +
        "the review workspace's forms always carry the version they were rendered from and answer 428 without one",
    ),
});

/** The ETag response header of an answer carrying one versioned object. */
export const ETAG_HEADER = { ETag: { $ref: "#/components/headers/ETag" } } as const;

/** A sentence for the description of a write that takes If-Match. */
export const IF_MATCH_SENTENCE =
  "Optimistic concurrency: send the ETag you read in If-Match and the change is made only if nobody changed the object " +
  "since; otherwise 412 Precondition Failed, whose ETag header (and message) give the current version to read again.";
