import { z } from "zod";
import { DraftItemSchema, DraftSchema, ExtractorInfoSchema, GapSchema, MatchKindSchema, UsageSchema } from "../../drafting/draft.ts";
import { SectionKeySchema } from "../../drafting/sections.ts";
import { ERROR_CODES } from "../../errors.ts";
import type { DealDraft } from "../../handoff/load-deal-draft.ts";
import type { Deal } from "../../storage/deal-repository.ts";
import type { GapAnswer } from "../../storage/gap-answer-repository.ts";
import type { StoredItem } from "../../storage/item-repository.ts";
import { RunFailureCodeSchema } from "../../storage/run-failure-code.ts";
import type { ExtractionRun } from "../../storage/run-repository.ts";
import type { StoredSourceMeta } from "../../storage/source-repository.ts";
import type { SameShape } from "./same-shape.ts";

// What the routes answer with, where the code has a TypeScript type but no zod schema: each is held to its
// type by a compile-time check, and to the routes' real answers by test/http/openapi.contract.test.ts.

export const ErrorSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string().describe('one line naming what is wrong; unknown errors say only "internal error"'),
    requestId: z.string().describe("the X-Request-Id of the response"),
  }),
});

export const DealSchema = z.object({
  id: z.string(),
  account: z.string(),
  closeDate: z.string().nullable().describe("YYYY-MM-DD"),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  aeId: z.string(),
  csmId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  revision: z
    .number()
    .int()
    .nonnegative()
    .describe(
      "bumped by every change to what the deal's draft, brief or report reads (deal fields, sources, items, gap answers, versions)",
    ),
});
true satisfies SameShape<z.output<typeof DealSchema>, Deal>;

export const SourceMetaSchema = z.object({
  id: z.string(),
  filename: z.string(),
  format: z.string(),
  sha256: z.string().describe("of the original bytes"),
  byteLength: z.number().int(),
  segmentCount: z.number().int(),
  extractedRunId: z.string().nullable().describe("the run that extracted this source; null until one has"),
  uploadedBy: z.string(),
  createdAt: z.string(),
});
true satisfies SameShape<z.output<typeof SourceMetaSchema>, StoredSourceMeta>;

export const ExtractionRunSchema = z.object({
  id: z.string(),
  dealId: z.string(),
  status: z.enum(["queued", "running", "succeeded", "failed"]),
  requestedBy: z.string(),
  extractor: ExtractorInfoSchema.nullable(),
  usage: UsageSchema.nullable(),
  sourceIds: z.array(z.string()).describe("the sources this run extracted (sources extracted before are never sent again)"),
  itemsAdded: z.number().int().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  failureCode: RunFailureCodeSchema.nullable().describe("why the run failed, from a closed set; null unless it failed"),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
true satisfies SameShape<z.output<typeof ExtractionRunSchema>, ExtractionRun>;

export const StoredItemSchema = DraftItemSchema.extend({
  extractedStatement: z.string().nullable().describe("the extractor's words when the AE edited the statement"),
  needsChecking: z.boolean().describe("every citation failed verification: never shown as fact"),
  runId: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
true satisfies SameShape<z.output<typeof StoredItemSchema>, StoredItem>;

export const StoredGapAnswerSchema = z.object({
  section: SectionKeySchema,
  answer: z.string(),
  answeredBy: z.string(),
  answeredAt: z.string(),
});
true satisfies SameShape<z.output<typeof StoredGapAnswerSchema>, GapAnswer>;

export const DraftGapSchema = GapSchema.extend({ answer: StoredGapAnswerSchema.optional().describe("the AE's answer, when given") });

export const CompletenessSchema = DraftSchema.shape.completeness;

export const DealDraftSchema = DraftSchema.extend({
  dealId: z.string(),
  items: z.array(StoredItemSchema).describe("items with a verified citation or added by the AE, rejected ones included, in section order"),
  needsChecking: z.array(StoredItemSchema),
  gaps: z.array(DraftGapSchema),
});
true satisfies SameShape<z.output<typeof DealDraftSchema>, DealDraft>;

/** How the quote of an item the AE adds was checked against the deal's sources. */
export const QuoteCheckSchema = z.object({ match: MatchKindSchema, reason: z.string().optional() });
