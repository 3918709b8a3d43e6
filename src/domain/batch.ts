import { z } from "zod";

/** What became of one deal of a batch (the `baton batch --json` contract, plus `running` while a run is under way). */
export const BATCH_DEAL_STATUSES = ["extracted", "queued", "running", "unchanged", "failed", "planned"] as const;
export const BatchDealStatusSchema = z.enum(BATCH_DEAL_STATUSES);
export type BatchDealStatus = z.infer<typeof BatchDealStatusSchema>;

/** One deal of a batch as the contract prints it. */
export const BatchDealResultSchema = z.object({
  dealKey: z.string().describe("the manifest's deal_key (empty when the row had none)"),
  dealId: z.string().nullable().describe("the deal created or found by its key; null when the row failed before that, or in a dry run"),
  status: BatchDealStatusSchema.exclude(["running"]).describe("the contract's statuses: a run still going is queued"),
  reason: z.string().optional().describe("why the row failed, or what a dry run would do"),
});
export type BatchDealResult = z.infer<typeof BatchDealResultSchema>;

/** What a dry run says a batch would cost; cost is in the configured currency, null when no price is configured. */
export const BatchEstimateSchema = z.object({
  calls: z.number().int().nonnegative(),
  promptTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative().describe("the output reserved on each call (BATON_LLM_MAX_OUTPUT_TOKENS): a ceiling"),
  cost: z.number().nonnegative().nullable(),
});
export type BatchEstimate = z.infer<typeof BatchEstimateSchema>;

/** The contract's single object of `baton batch --json`, and the answer of POST /v1/batches. */
export const BatchResultSchema = z.object({
  batchId: z.string().nullable().describe("null for a dry run: nothing is stored"),
  deals: z.array(BatchDealResultSchema),
  estimate: BatchEstimateSchema.optional().describe("present for a dry run"),
});
export type BatchResult = z.infer<typeof BatchResultSchema>;

/** One row of a stored batch as it stands now: a queued row reads its run's status and usage. */
export type BatchDealProgress = {
  dealKey: string;
  dealId: string | null;
  runId: string | null;
  status: Exclude<BatchDealStatus, "planned">;
  reason: string | null;
  promptTokens: number;
  outputTokens: number;
};

/** A batch's progress in counts: done (extracted or unchanged), failed, still queued or running; tokens so far. */
export type BatchCounts = {
  deals: number;
  done: number;
  extracted: number;
  unchanged: number;
  failed: number;
  queued: number;
  running: number;
  promptTokens: number;
  outputTokens: number;
  /** No row is queued or running any more. */
  finished: boolean;
};

export function countBatch(deals: BatchDealProgress[]): BatchCounts {
  const count = (status: BatchDealStatus) => deals.filter((deal) => deal.status === status).length;
  const extracted = count("extracted");
  const unchanged = count("unchanged");
  const queued = count("queued");
  const running = count("running");
  return {
    deals: deals.length,
    done: extracted + unchanged,
    extracted,
    unchanged,
    failed: count("failed"),
    queued,
    running,
    promptTokens: deals.reduce((sum, deal) => sum + deal.promptTokens, 0),
    outputTokens: deals.reduce((sum, deal) => sum + deal.outputTokens, 0),
    finished: queued + running === 0,
  };
}
