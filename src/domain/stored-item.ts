import { z } from "zod";
import { VERSION_DESCRIPTION } from "./expected-version.ts";
import { DraftItemSchema } from "./item.ts";

/** A handoff item as stored: the draft item plus its review trail. */
export const StoredItemSchema = DraftItemSchema.extend({
  /** The extractor's own words when the AE edited the statement; null otherwise. */
  extractedStatement: z.string().nullable().describe("the extractor's words when the AE edited the statement"),
  /** Every citation failed verification: listed apart, never shown as fact. */
  needsChecking: z.boolean().describe("every citation failed verification: never shown as fact"),
  runId: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int().positive().describe(VERSION_DESCRIPTION),
});
export type StoredItem = z.infer<typeof StoredItemSchema>;
