import { loadConfig } from "../config.ts";
import { buildDeps, type AppDeps } from "../deps.ts";
import { type BatchResult, countBatch } from "../domain/batch.ts";
import type { User } from "../domain/user.ts";
import { AppError } from "../errors.ts";
import type { Actor } from "../services/actor.ts";
import { importBatch } from "../services/batch-service.ts";
import { type BatchProgressDisplay, createBatchProgress } from "./batch-progress.ts";
import type { CliIo } from "./cli-io.ts";
import { parseArgs } from "./parse-args.ts";
import { readBatchInput } from "./read-batch-input.ts";
import { renderBatchSummary } from "./render-batch-summary.ts";

export const BATCH_USAGE = "usage: baton batch MANIFEST.csv|FOLDER [--dry-run] [--json] [--as EMAIL]";

/**
 * `baton batch MANIFEST.csv|FOLDER [--dry-run] [--json] [--as EMAIL]`: RevOps' import into BATON_DB, waiting for the
 * extractions it starts. Exit 0 when the batch ran (failed rows carry their reasons), 2 when the manifest is unusable.
 */
export async function runBatchCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs(args, {
    "dry-run": { type: "boolean" },
    json: { type: "boolean" },
    as: { type: "string" },
  });
  if (positionals.length !== 1) throw new AppError({ code: "INVALID_INPUT", message: BATCH_USAGE });
  const config = loadConfig();
  // Read before the database is opened: an unusable manifest touches nothing.
  const rows = await readBatchInput(positionals[0]!, config.limits);
  const deps = buildDeps(config);
  const progress = createBatchProgress(io);
  try {
    const actor: Actor = { user: findRunner(deps, values.as), requestId: null };
    const dryRun = values["dry-run"] === true;
    const imported = await importBatch(deps, actor, rows, { dryRun, origin: "cli", onRow: (row) => progress.row(row) });
    const result = imported.batchId === null ? imported : await followBatch(deps, imported, progress);
    progress.stop();
    io.stdout(values.json ? `${JSON.stringify(result)}\n` : renderBatchSummary(result, config.pricing?.currency ?? null));
    return 0;
  } finally {
    progress.stop();
    await deps.jobs.stop();
    deps.db.close();
  }
}

/**
 * Waits for each extraction the batch queued in this process and reports it as it settles; the answer is the
 * batch as it then stands (a run handed to another process's queue is still `queued`).
 */
async function followBatch(deps: AppDeps, imported: BatchResult, progress: BatchProgressDisplay): Promise<BatchResult> {
  const batchId = imported.batchId!;
  const queued = deps.batches.get(batchId)?.deals.filter((deal) => deal.runId !== null) ?? [];
  let settled = 0;
  await Promise.all(
    queued.map(async ({ runId }) => {
      await deps.jobs.settled(runId!);
      settled += 1;
      const deals = deps.batches.get(batchId)?.deals ?? [];
      const deal = deals.find((d) => d.runId === runId);
      if (deal !== undefined) progress.settled(deal, countBatch(deals), { settled, of: queued.length });
    }),
  );
  const deals = deps.batches.get(batchId)?.deals ?? [];
  return {
    batchId,
    deals: deals.map((deal) => ({
      dealKey: deal.dealKey,
      dealId: deal.dealId,
      // A run still going here belongs to another process's queue: handed to it, as the contract says "queued".
      status: deal.status === "running" ? "queued" : deal.status,
      ...(deal.reason === null ? {} : { reason: deal.reason }),
    })),
  };
}

/** The RevOps user the batch is recorded under: the one named by --as, else the only RevOps user in the database. */
function findRunner(deps: Pick<AppDeps, "users">, email: string | undefined): User {
  if (email !== undefined) {
    const user = deps.users.findByEmail(email);
    if (user?.role !== "revops") throw new AppError({ code: "INVALID_INPUT", message: `--as: no RevOps user with the email ${email}` });
    return user;
  }
  const revops = deps.users.list().filter((user) => user.role === "revops");
  if (revops.length === 1) return revops[0]!;
  throw new AppError({
    code: "INVALID_INPUT",
    message:
      revops.length === 0
        ? "no RevOps user in BATON_DB to record the batch under: add one with baton users add --role revops"
        : "several RevOps users in BATON_DB: name the one running this batch with --as EMAIL",
  });
}
