import { z } from "@hono/zod-openapi";
import { BATCH_DEAL_STATUSES, BatchResultSchema } from "../../domain/batch.ts";

export const BatchResultResponseSchema = BatchResultSchema.openapi("BatchResult");

const BatchDealProgressSchema = z
  .object({
    dealKey: z.string(),
    dealId: z.string().nullable().describe("null when the row failed before a deal was found or made, or the deal was deleted since"),
    runId: z.string().nullable().describe("the extraction run the row queued (or found queued or running)"),
    status: z.enum(BATCH_DEAL_STATUSES).exclude(["planned"]),
    reason: z.string().nullable().describe("why the row or its extraction failed"),
    promptTokens: z.number().int().describe("of the row's extraction so far"),
    outputTokens: z.number().int(),
  })
  .openapi("BatchDealProgress");

const BatchCountsSchema = z
  .object({
    deals: z.number().int(),
    done: z.number().int().describe("extracted or unchanged"),
    extracted: z.number().int(),
    unchanged: z.number().int(),
    failed: z.number().int(),
    queued: z.number().int(),
    running: z.number().int(),
    promptTokens: z.number().int().describe("tokens so far, over every extraction of the batch"),
    outputTokens: z.number().int(),
    finished: z.boolean().describe("no row is queued or running any more"),
  })
  .openapi("BatchCounts");

const BATCH_SUMMARY = {
  id: z.string(),
  createdBy: z.object({ id: z.string(), name: z.string().nullable() }).describe("the RevOps user who ran it"),
  createdAt: z.string(),
  origin: z.enum(["cli", "api"]).describe("baton batch, or POST /v1/batches"),
  counts: BatchCountsSchema,
  cost: z
    .object({ amount: z.number().nullable(), currency: z.string().nullable() })
    .describe("what the batch's extractions have cost so far at BATON_PRICE_*; null without prices"),
};

export const BatchSummarySchema = z.object(BATCH_SUMMARY).openapi("BatchSummary");

export const BatchProgressSchema = z.object({ ...BATCH_SUMMARY, deals: z.array(BatchDealProgressSchema) }).openapi("BatchProgress");
