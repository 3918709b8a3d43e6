import { z } from "@hono/zod-openapi";
import { ExtractorInfoSchema } from "../../domain/extractor-info.ts";
import { UsageSchema } from "../../domain/usage.ts";
import { RunFailureCodeSchema } from "../../storage/run-failure-code.ts";

export const ExtractionRunSchema = z
  .object({
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
  })
  .openapi("ExtractionRun");
