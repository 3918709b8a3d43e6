import { z } from "zod";
import { RoleSchema } from "../../domain/user.ts";
import { VerifyAnswerSchema } from "../../grounding/verify-answer.ts";
import { ParsedSourceSchema } from "../../domain/source.ts";
import { DealInputSchema, DealPatchSchema } from "../routes/deal-routes.ts";
import { BatchSchema } from "../routes/extraction-routes.ts";
import { GapAnswerSchema } from "../routes/gap-routes.ts";
import { ItemPatchSchema, NewItemSchema } from "../routes/item-routes.ts";
import { JsonUploadSchema, MAX_FILES_PER_UPLOAD } from "../routes/source-routes.ts";
import { CreatedUserSchema, UserInputSchema, UserSchema } from "../routes/user-routes.ts";
import { VerifyBatchSchema, VerifyCheckSchema } from "../routes/verify-routes.ts";
import { BriefSchema } from "./brief-schema.ts";
import { HandoffReportSchema } from "./handoff-report-schema.ts";
import { type JsonSchema, schemaOf } from "./operation-spec.ts";
import {
  CompletenessSchema,
  DealDraftSchema,
  DealSchema,
  DraftGapSchema,
  ErrorSchema,
  ExtractionRunSchema,
  QuoteCheckSchema,
  SourceMetaSchema,
  StoredGapAnswerSchema,
  StoredItemSchema,
} from "./resource-schemas.ts";
import { VersionMetaSchema, VersionSchema } from "./version-schemas.ts";

// Request bodies are generated from the very schemas the routes validate with, so a change to a route's
// validation changes its documentation; only the multipart form, which no zod schema reads, is written here.
const MultipartUploadSchema = z.object({
  file: z
    .array(z.string().meta({ format: "binary" }))
    .min(1)
    .max(MAX_FILES_PER_UPLOAD)
    .describe(`one or more files (at most ${MAX_FILES_PER_UPLOAD}); every file field counts, whatever its name`),
});

/** Every component schema of the spec, by name. */
export function buildComponentSchemas(): Record<string, JsonSchema> {
  return {
    Error: schemaOf(ErrorSchema),
    Deal: schemaOf(DealSchema),
    DealInput: schemaOf(DealInputSchema, "input"),
    DealPatch: schemaOf(DealPatchSchema, "input"),
    SourceMeta: schemaOf(SourceMetaSchema),
    UploadedSource: schemaOf(SourceMetaSchema.extend({ duplicate: z.boolean().describe("the deal already had these bytes") })),
    SourceUpload: schemaOf(
      JsonUploadSchema.describe("one file: give exactly one of content (the file as text) and contentBase64 (its bytes in base64)"),
      "input",
    ),
    MultipartUpload: schemaOf(MultipartUploadSchema, "input"),
    SourceDetail: schemaOf(SourceMetaSchema.extend(ParsedSourceSchema.shape)),
    ExtractionRun: schemaOf(ExtractionRunSchema),
    BatchInput: schemaOf(BatchSchema.describe("the deals to extract; every deal with sources when dealIds is omitted"), "input"),
    DealDraft: schemaOf(DealDraftSchema),
    StoredItem: schemaOf(StoredItemSchema),
    // The route's refinement (at least one field) has no JSON Schema form of its own.
    ItemPatch: {
      ...schemaOf(ItemPatchSchema.describe('a changed statement or section makes the status "edited" unless "rejected" is given'), "input"),
      minProperties: 1,
    },
    ItemInput: schemaOf(
      NewItemSchema.describe(
        "an item the sources lack; a quote is checked against the deal's sources like POST /verify, sourceId and segmentId " +
          "(only with a quote; segmentId only with sourceId) say where to look first",
      ),
      "input",
    ),
    QuoteCheck: schemaOf(QuoteCheckSchema),
    GapAnswerInput: schemaOf(GapAnswerSchema, "input"),
    GapAnswer: schemaOf(StoredGapAnswerSchema),
    DraftGap: schemaOf(DraftGapSchema),
    Completeness: schemaOf(CompletenessSchema),
    VersionMeta: schemaOf(VersionMetaSchema),
    Version: schemaOf(VersionSchema),
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
