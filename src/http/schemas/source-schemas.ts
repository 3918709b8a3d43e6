import { z } from "@hono/zod-openapi";
import { ParsedSourceSchema } from "../../domain/source.ts";

// Shapes, not extensions of a named schema: an extended named schema would be documented as an allOf of two
// closed objects, which no value satisfies.
const SOURCE_META = {
  id: z.string(),
  filename: z.string(),
  format: z.string(),
  sha256: z.string().describe("of the original bytes"),
  byteLength: z.number().int(),
  segmentCount: z.number().int(),
  extractedRunId: z.string().nullable().describe("the run that extracted this source; null until one has"),
  uploadedBy: z.string(),
  createdAt: z.string(),
};

export const SourceMetaSchema = z.object(SOURCE_META).openapi("SourceMeta");

export const UploadedSourceSchema = z
  .object({ ...SOURCE_META, duplicate: z.boolean().describe("the deal already had these bytes") })
  .openapi("UploadedSource");

export const SourceDetailSchema = z.object({ ...SOURCE_META, ...ParsedSourceSchema.shape }).openapi("SourceDetail");
