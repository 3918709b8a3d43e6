import { z } from "zod";
import { RoleSchema } from "../../access/roles.ts";
import { DraftItemSchema, DraftSchema, ExtractorInfoSchema, ItemStatusSchema, UsageSchema } from "../../drafting/draft.ts";
import { SectionKeySchema } from "../../drafting/sections.ts";
import { ERROR_CODES } from "../../errors.ts";
import { VerifyAnswerSchema } from "../../grounding/verify-answer.ts";
import { ParsedSourceSchema } from "../../ingest/parsed-source.ts";
import { DealInputSchema } from "../routes/deal-routes.ts";
import { CreatedUserSchema, UserInputSchema, UserSchema } from "../routes/user-routes.ts";
import { VerifyBatchSchema, VerifyCheckSchema } from "../routes/verify-routes.ts";
import { type JsonSchema, schemaOf } from "./operation-spec.ts";

// Shapes without a zod schema in the code are described here; the ones the routes validate with
// are imported, so a change to a route's validation changes its documentation.

const ErrorSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string().describe("one line naming what is wrong; unknown errors say only \"internal error\""),
    requestId: z.string().describe("the X-Request-Id of the response"),
  }),
});

const DealSchema = z.object({
  id: z.string(),
  account: z.string(),
  closeDate: z.string().nullable().describe("YYYY-MM-DD"),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  aeId: z.string(),
  csmId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const SourceMetaSchema = z.object({
  id: z.string(),
  filename: z.string(),
  format: z.string(),
  sha256: z.string().describe("of the original bytes"),
  byteLength: z.number().int(),
  segmentCount: z.number().int(),
  extractedRunId: z.string().nullable(),
  uploadedBy: z.string(),
  createdAt: z.string(),
});

const SourceUploadSchema = z
  .object({
    filename: z.string().min(1).max(255),
    content: z.string().optional().describe("the file as text"),
    contentBase64: z.string().optional().describe("the file's bytes in base64 (give exactly one of content and contentBase64)"),
  })
  .strict();

const MultipartUploadSchema = z.object({
  file: z.array(z.string().meta({ format: "binary" })).describe("one or more files (at most 20)"),
});

const ExtractionRunSchema = z.object({
  id: z.string(),
  dealId: z.string(),
  status: z.enum(["queued", "running", "succeeded", "failed"]),
  requestedBy: z.string(),
  extractor: ExtractorInfoSchema.nullable(),
  usage: UsageSchema.nullable(),
  sourceIds: z.array(z.string()),
  itemsAdded: z.number().int().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

const StoredItemSchema = DraftItemSchema.extend({
  extractedStatement: z.string().nullable(),
  needsChecking: z.boolean(),
  runId: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const GapAnswerSchema = z.object({ section: SectionKeySchema, answer: z.string(), answeredBy: z.string(), answeredAt: z.string() });

const DealDraftSchema = DraftSchema.extend({
  dealId: z.string(),
  items: z.array(StoredItemSchema),
  needsChecking: z.array(StoredItemSchema),
  gaps: z.array(z.object({ section: SectionKeySchema, question: z.string(), answer: GapAnswerSchema.optional() })),
});

const ItemPatchSchema = z
  .object({ status: ItemStatusSchema.exclude(["edited"]).optional(), statement: z.string().min(1).optional(), section: SectionKeySchema.optional() })
  .strict()
  .describe('a changed statement or section makes the status "edited" unless "rejected" is given');

const ItemInputSchema = z
  .object({
    section: SectionKeySchema,
    statement: z.string().min(1),
    quote: z.string().optional().describe("checked against the deal's sources like POST /verify"),
    sourceId: z.string().optional(),
    segmentId: z.string().optional(),
  })
  .strict();

const VersionMetaSchema = z.object({ version: z.number().int(), approvedBy: z.string(), approvedAt: z.string() });

const HandoffDocumentSchema = z
  .object({
    version: z.number().int(),
    dealId: z.string(),
    approvedBy: z.string(),
    approvedAt: z.string(),
    deal: DealSchema.omit({ createdAt: true, updatedAt: true }),
    items: z.array(z.looseObject({ id: z.string(), section: SectionKeySchema, statement: z.string(), providedByAe: z.boolean() })),
    gapAnswers: z.array(z.looseObject({ section: SectionKeySchema, answer: z.string() })),
    gaps: z.array(z.object({ section: SectionKeySchema, question: z.string() })),
  })
  .loose();

const BriefSchema = z
  .object({
    dealId: z.string(),
    account: z.string(),
    closeDate: z.string().nullable(),
    status: z.enum(["approved", "draft"]).describe('"draft": built from an unapproved draft, said at the top and on every item'),
    version: z.number().int().nullable(),
    notice: z.string(),
    confirm: z.looseObject({}),
    promises: z.array(z.looseObject({})),
    stakeholders: z.array(z.looseObject({})),
    risks: z.array(z.looseObject({})),
    openQuestions: z.array(z.looseObject({})),
    kickoffAgenda: z.array(z.looseObject({})),
    introEmail: z.looseObject({ subject: z.string(), body: z.string() }),
    timeline: z.looseObject({ closeDate: z.string().nullable(), milestones: z.array(z.looseObject({})) }),
  })
  .loose();

const HandoffReportSchema = z
  .object({
    generatedAt: z.string(),
    filters: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
    totals: z.looseObject({
      deals: z.number().int(),
      approvedDeals: z.number().int(),
      completionRate: z.number().nullable(),
      hoursToApprovedHandoff: z.looseObject({ median: z.number().nullable(), mean: z.number().nullable() }).describe("from close to approved handoff"),
      unverifiedRate: z.number().nullable(),
      recurringGaps: z.looseObject({ bySection: z.array(z.looseObject({})), byAe: z.array(z.looseObject({})) }),
    }),
    deals: z.array(z.looseObject({})),
  })
  .loose();

/** Every component schema of the spec, by name. */
export function buildComponentSchemas(): Record<string, JsonSchema> {
  return {
    Error: schemaOf(ErrorSchema),
    Deal: schemaOf(DealSchema),
    DealInput: schemaOf(DealInputSchema, "input"),
    DealPatch: schemaOf(DealInputSchema.partial().strict(), "input"),
    SourceMeta: schemaOf(SourceMetaSchema),
    UploadedSource: schemaOf(SourceMetaSchema.extend({ duplicate: z.boolean().describe("the deal already had these bytes") })),
    SourceUpload: schemaOf(SourceUploadSchema, "input"),
    MultipartUpload: schemaOf(MultipartUploadSchema, "input"),
    SourceDetail: schemaOf(SourceMetaSchema.extend(ParsedSourceSchema.shape)),
    ExtractionRun: schemaOf(ExtractionRunSchema),
    DealDraft: schemaOf(DealDraftSchema),
    StoredItem: schemaOf(StoredItemSchema),
    ItemPatch: schemaOf(ItemPatchSchema, "input"),
    ItemInput: schemaOf(ItemInputSchema, "input"),
    GapAnswerInput: schemaOf(z.object({ answer: z.string().min(1) }).strict(), "input"),
    GapAnswer: schemaOf(GapAnswerSchema),
    VersionMeta: schemaOf(VersionMetaSchema),
    Version: schemaOf(VersionMetaSchema.extend({ document: HandoffDocumentSchema })),
    Brief: schemaOf(BriefSchema),
    HandoffReport: schemaOf(HandoffReportSchema),
    VerifyCheck: schemaOf(VerifyCheckSchema, "input"),
    VerifyBatch: schemaOf(VerifyBatchSchema, "input"),
    VerifyAnswer: schemaOf(VerifyAnswerSchema),
    VerifyBatchResult: schemaOf(z.object({ results: z.array(VerifyAnswerSchema) })),
    User: schemaOf(UserSchema),
    UserInput: schemaOf(UserInputSchema, "input"),
    CreatedUser: schemaOf(CreatedUserSchema),
    Role: schemaOf(RoleSchema),
  };
}
