import type { AppDeps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { type RunExtractionDeps, runExtraction } from "../handoff/run-extraction.ts";
import type { Deal } from "../domain/deal.ts";
import type { ExtractionRun } from "../storage/run-repository.ts";
import { type Actor, type AuditDeps, recordAudit } from "./actor.ts";
import { authorizeDeal, requireCapability } from "./authorize.ts";

type StartDeps = RunExtractionDeps & Pick<AppDeps, "deals" | "jobs"> & AuditDeps;

/**
 * Starts an extraction run over the deal's sources not extracted yet: queued by default; with `wait`, run inside
 * the caller's request under its signal (the request deadline aborts the LLM call) and answered finished.
 */
export async function startExtraction(
  deps: StartDeps,
  actor: Actor,
  dealId: string,
  options: { wait: boolean; signal?: AbortSignal },
): Promise<ExtractionRun> {
  const deal = authorizeDeal(deps, actor.user, dealId, "extract");
  if (deps.sources.listMeta(deal.id).length === 0) {
    throw new AppError({ code: "CONFLICT", message: "the deal has no sources yet: upload transcripts or emails first" });
  }
  if (!options.wait) return queueRun(deps, actor, deal);
  const run = createRun(deps, actor, deal);
  await runExtraction(deps, run.id, options.signal);
  return deps.runs.get(run.id)!;
}

/**
 * Queues a run for each deal named (every deal when none is), skipping deals without sources;
 * an unknown deal id is NOT_FOUND and queues nothing.
 */
export function startBatch(deps: StartDeps, actor: Actor, dealIds: string[] | undefined): ExtractionRun[] {
  requireCapability(actor.user, "runBatches", "only RevOps runs batches");
  const deals = dealIds === undefined ? deps.deals.listAll() : dealIds.map((id) => deps.deals.get(id));
  const missing = dealIds?.filter((_, i) => deals[i] === undefined) ?? [];
  if (missing.length > 0) throw new AppError({ code: "NOT_FOUND", message: `unknown deal ids: ${missing.slice(0, 5).join(", ")}` });
  return deals
    .filter((deal): deal is Deal => deal !== undefined && deps.sources.listMeta(deal.id).length > 0)
    .map((deal) => queueRun(deps, actor, deal));
}

export function listRuns(deps: Pick<AppDeps, "deals" | "runs">, actor: Actor, dealId: string): ExtractionRun[] {
  const deal = authorizeDeal(deps, actor.user, dealId, "read");
  return deps.runs.listForDeal(deal.id);
}

export function readRun(deps: Pick<AppDeps, "deals" | "runs">, actor: Actor, dealId: string, runId: string): ExtractionRun {
  const deal = authorizeDeal(deps, actor.user, dealId, "read");
  const run = deps.runs.get(runId);
  if (run === undefined || run.dealId !== deal.id) throw new AppError({ code: "NOT_FOUND", message: "extraction run not found" });
  return run;
}

function createRun(deps: StartDeps, actor: Actor, deal: Deal): ExtractionRun {
  const run = deps.runs.create(deal.id, actor.user.id, deps.now());
  recordAudit(deps, actor, { action: "extract", objectType: "extraction_run", objectId: run.id, dealId: deal.id });
  return run;
}

function queueRun(deps: StartDeps, actor: Actor, deal: Deal): ExtractionRun {
  const run = createRun(deps, actor, deal);
  deps.jobs.enqueue(run.id, (signal) => runExtraction(deps, run.id, signal));
  return run;
}
