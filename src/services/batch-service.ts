import type { AppDeps } from "../deps.ts";
import {
  type BatchCounts,
  type BatchDealProgress,
  type BatchDealResult,
  type BatchEstimate,
  type BatchResult,
  countBatch,
} from "../domain/batch.ts";
import { isRejectedRow, MAX_BATCH_ROWS, type RejectedRow, rejectRepeatedKeys } from "../domain/batch-row.ts";
import { costOf } from "../domain/token-cost.ts";
import { AppError } from "../errors.ts";
import type { RunExtractionDeps } from "../handoff/run-extraction.ts";
import type { NewBatchDeal, StoredBatch } from "../storage/batch-repository.ts";
import { runInTransaction } from "../storage/open-database.ts";
import { type Actor, recordAudit } from "./actor.ts";
import { requireCapability } from "./authorize.ts";
import { createDealForAe } from "./deal-service.ts";
import { startExtraction } from "./extraction-service.ts";
import { type BatchRowInput, type ResolvedRow, resolveBatchRow, sourcesToExtract } from "./resolve-batch-row.ts";
import { storeImportedSources } from "./source-service.ts";

type BatchDeps = RunExtractionDeps & Pick<AppDeps, "config" | "users" | "deals" | "jobs" | "batches" | "audit" | "now">;

export type BatchOptions = {
  dryRun: boolean;
  origin: "cli" | "api";
  /** Told of each row as soon as it is imported (or planned, or rejected), in manifest order. */
  onRow?: (result: BatchDealResult) => void;
};

/**
 * RevOps' import: each row's deal is found by its key or created for the AE named, its new files stored, and an
 * extraction queued when it has a source not extracted yet (`unchanged` otherwise). A bad row is reported with its
 * reason and the rest go on. A dry run stores nothing and estimates the extraction's calls, tokens and cost instead.
 */
export async function importBatch(
  deps: BatchDeps,
  actor: Actor,
  rows: (BatchRowInput | RejectedRow)[],
  options: BatchOptions,
): Promise<BatchResult> {
  requireCapability(actor.user, "runBatches", "only RevOps imports batches");
  if (rows.length === 0) throw new AppError({ code: "INVALID_INPUT", message: "the manifest has no rows" });
  if (rows.length > MAX_BATCH_ROWS) {
    throw new AppError({ code: "LIMIT_EXCEEDED", message: `${rows.length} rows: at most ${MAX_BATCH_ROWS} per batch, split it` });
  }
  const checked = rejectRepeatedKeys(rows) as (BatchRowInput | RejectedRow)[];
  const estimate = { calls: 0, promptTokens: 0, outputTokens: 0 };
  const outcomes: NewBatchDeal[] = [];
  const results: BatchDealResult[] = [];
  for (const input of checked) {
    const resolved = isRejectedRow(input) ? input : await resolveBatchRow(deps, input);
    if ("reason" in resolved) {
      const dealKey = input.dealKey;
      outcomes.push({ dealKey, dealId: null, runId: null, status: "failed", reason: `${input.origin}: ${resolved.reason}` });
      results.push({ dealKey, dealId: null, status: "failed", reason: `${input.origin}: ${resolved.reason}` });
      options.onRow?.(results.at(-1)!);
      continue;
    }
    if (options.dryRun) {
      const planned = await planRow(deps, resolved);
      for (const key of ["calls", "promptTokens", "outputTokens"] as const) estimate[key] += planned.estimate[key];
      results.push(planned.result);
      options.onRow?.(planned.result);
      continue;
    }
    const outcome = await importRow(deps, actor, resolved);
    outcomes.push(outcome);
    results.push(toResult(outcome));
    options.onRow?.(results.at(-1)!);
  }
  if (options.dryRun) {
    return {
      batchId: null,
      deals: results,
      estimate: {
        ...estimate,
        cost: costOf({ promptTokens: estimate.promptTokens, completionTokens: estimate.outputTokens }, deps.config.pricing),
      },
    };
  }
  const batchId = deps.batches.add({ createdBy: actor.user.id, origin: options.origin, deals: outcomes }, deps.now());
  recordAudit(deps, actor, { action: "create", objectType: "batch", objectId: batchId, dealId: null });
  return { batchId, deals: results };
}

/** What a dry run says of one row: unchanged, or planned with the extraction's estimate. */
async function planRow(
  deps: BatchDeps,
  resolved: ResolvedRow,
): Promise<{ result: BatchDealResult; estimate: Omit<BatchEstimate, "cost"> }> {
  const dealId = resolved.existing?.id ?? null;
  const pending = sourcesToExtract(deps, resolved);
  if (pending.length === 0) {
    return {
      result: { dealKey: resolved.row.dealKey, dealId, status: "unchanged" },
      estimate: { calls: 0, promptTokens: 0, outputTokens: 0 },
    };
  }
  const extractor = await deps.createExtractor(dealId ?? "batch-estimate");
  const estimate = await extractor.estimate(pending);
  const what = `${resolved.existing === undefined ? "new deal" : "existing deal"}, ${pending.length} source${pending.length === 1 ? "" : "s"} to extract`;
  return { result: { dealKey: resolved.row.dealKey, dealId, status: "planned", reason: what }, estimate };
}

/** Creates or finds the row's deal and stores its new files in one transaction, then queues its extraction if needed. */
async function importRow(deps: BatchDeps, actor: Actor, resolved: ResolvedRow): Promise<NewBatchDeal> {
  const { row } = resolved;
  // Looked up again inside the transaction: another batch (or process) may have made the deal since the row was read.
  const deal = runInTransaction(deps.db, () => {
    const existing = deps.deals.findByKey(row.dealKey);
    if (existing !== undefined && existing.aeId !== resolved.ae.id) return undefined;
    const deal =
      existing ??
      createDealForAe(deps, actor, {
        account: row.account,
        closeDate: row.closeDate,
        amount: row.amount,
        currency: row.currency,
        aeId: resolved.ae.id,
        csmId: resolved.csm?.id ?? null,
        dealKey: row.dealKey,
      });
    storeImportedSources(deps, actor, deal.id, resolved.files);
    return deal;
  });
  if (deal === undefined) {
    const reason = `${row.origin}: deal_key: ${row.dealKey} is a deal of another AE; its files were not added`;
    return { dealKey: row.dealKey, dealId: null, runId: null, status: "failed", reason };
  }
  if (deps.sources.listMeta(deal.id).every((meta) => meta.extractedRunId !== null)) {
    return { dealKey: row.dealKey, dealId: deal.id, runId: null, status: "unchanged", reason: null };
  }
  // Queued through the one service path, which reuses a run the deal already has queued or running.
  const { run } = await startExtraction(deps, actor, deal.id);
  return { dealKey: row.dealKey, dealId: deal.id, runId: run.id, status: "queued", reason: null };
}

function toResult(outcome: NewBatchDeal): BatchDealResult {
  return {
    dealKey: outcome.dealKey,
    dealId: outcome.dealId,
    status: outcome.status,
    ...(outcome.reason === null ? {} : { reason: outcome.reason }),
  };
}

/** A stored batch with its progress: counts, tokens so far and each row as it stands now. */
export type BatchProgress = {
  id: string;
  createdBy: { id: string; name: string | null };
  createdAt: string;
  origin: "cli" | "api";
  counts: BatchCounts;
  /** What the batch's extractions have cost so far at the configured prices (null without prices). */
  cost: { amount: number | null; currency: string | null };
  deals: BatchDealProgress[];
};

export function readBatch(deps: Pick<AppDeps, "batches" | "users" | "config">, actor: Actor, batchId: string): BatchProgress {
  requireCapability(actor.user, "runBatches", "only RevOps reads batches");
  const batch = deps.batches.get(batchId);
  if (batch === undefined) throw new AppError({ code: "NOT_FOUND", message: "batch not found" });
  return toProgress(deps, batch);
}

/** Most batches one listing shows, newest first. */
export const BATCH_LIST_LIMIT = 50;

export function listBatches(deps: Pick<AppDeps, "batches" | "users" | "config">, actor: Actor): BatchProgress[] {
  requireCapability(actor.user, "runBatches", "only RevOps reads batches");
  return deps.batches.listRecent(BATCH_LIST_LIMIT).map((batch) => toProgress(deps, batch));
}

function toProgress(deps: Pick<AppDeps, "users" | "config">, batch: StoredBatch): BatchProgress {
  const counts = countBatch(batch.deals);
  const pricing = deps.config.pricing;
  return {
    id: batch.id,
    createdBy: { id: batch.createdBy, name: deps.users.get(batch.createdBy)?.name ?? null },
    createdAt: batch.createdAt,
    origin: batch.origin,
    counts,
    cost: {
      amount: costOf({ promptTokens: counts.promptTokens, completionTokens: counts.outputTokens }, pricing),
      currency: pricing?.currency ?? null,
    },
    deals: batch.deals,
  };
}
