import { readableDeals } from "../access/access-policy.ts";
import type { AppDeps } from "../deps.ts";
import { AppError } from "../errors.ts";
import type { Deal, DealInput } from "../domain/deal.ts";
import { runInTransaction } from "../storage/open-database.ts";
import { type Actor, type AuditDeps, recordAudit } from "./actor.ts";
import { authorizeDeal, requireCapability } from "./authorize.ts";
import { checkExpectedVersion } from "./check-expected-version.ts";
import type { ExpectedVersion } from "../domain/expected-version.ts";
import { eraseWal } from "./erase-wal.ts";

/** What an AE gives for a deal; the deal's AE is always the caller. */
export type NewDeal = Omit<DealInput, "aeId">;

type DealDeps = Pick<AppDeps, "deals" | "users"> & AuditDeps;
type DealWriteDeps = DealDeps & Pick<AppDeps, "db">;

/** Creates a deal owned by the calling AE; a csmId must name a CSM. */
export function createDeal(deps: DealDeps, actor: Actor, input: Partial<NewDeal> & Pick<NewDeal, "account">): Deal {
  requireCapability(actor.user, "createDeal", "only AEs create deals");
  checkCsm(deps, input.csmId);
  const deal = deps.deals.add(
    {
      account: input.account,
      closeDate: input.closeDate ?? null,
      amount: input.amount ?? null,
      currency: input.currency ?? null,
      aeId: actor.user.id,
      csmId: input.csmId ?? null,
    },
    deps.now(),
  );
  recordAudit(deps, actor, { action: "create", objectType: "deal", objectId: deal.id, dealId: deal.id });
  return deal;
}

/**
 * RevOps' import (the batch service's, no route's): a deal owned by the AE named, under an outside key; the audit
 * entry names RevOps, who made it. The AE must be an active AE, a csmId a CSM.
 */
export function createDealForAe(deps: DealDeps, actor: Actor, input: DealInput & { dealKey: string }): Deal {
  requireCapability(actor.user, "importDeals", "only RevOps imports deals for AEs");
  if (deps.users.get(input.aeId)?.role !== "ae") throw new AppError({ code: "INVALID_INPUT", message: "aeId: no AE with this id" });
  checkCsm(deps, input.csmId);
  const deal = deps.deals.add(input, deps.now());
  recordAudit(deps, actor, { action: "create", objectType: "deal", objectId: deal.id, dealId: deal.id });
  return deal;
}

/** The deals the caller may read, newest first; the filter is the access policy's own. */
export function listDeals(deps: Pick<AppDeps, "deals">, actor: Actor): Deal[] {
  requireCapability(actor.user, "listDeals", "your role may not list deals");
  return deps.deals.listReadable(readableDeals(actor.user));
}

export function readDeal(deps: Pick<AppDeps, "deals"> & AuditDeps, actor: Actor, dealId: string): Deal {
  const deal = authorizeDeal(deps, actor.user, dealId, "read");
  recordAudit(deps, actor, { action: "view", objectType: "deal", objectId: deal.id, dealId: deal.id });
  return deal;
}

/**
 * Changes the deal's fields. With `expected`, only if the deal is still at a version the caller read
 * (PRECONDITION_FAILED otherwise), checked in the transaction that writes.
 */
export function updateDeal(deps: DealWriteDeps, actor: Actor, dealId: string, changes: Partial<NewDeal>, expected?: ExpectedVersion): Deal {
  const deal = authorizeDeal(deps, actor.user, dealId, "edit");
  checkCsm(deps, changes.csmId);
  const updated = runInTransaction(deps.db, () => {
    const current = deps.deals.get(deal.id);
    if (current === undefined) throw new AppError({ code: "NOT_FOUND", message: "deal not found" });
    checkExpectedVersion(expected, current.version, "the deal");
    return deps.deals.update(deal.id, changes, deps.now(), current.version);
  });
  if (updated === undefined) throw new AppError({ code: "NOT_FOUND", message: "deal not found" });
  recordAudit(deps, actor, { action: "change", objectType: "deal", objectId: deal.id, dealId: deal.id });
  return updated;
}

/**
 * Deletes the deal with its sources, runs, items, versions and its LLM cache entries, in one transaction, then
 * empties the WAL: with secure_delete on, no byte of the deal's text stays in the database files.
 */
export function deleteDeal(
  deps: Pick<AppDeps, "db" | "deals" | "llmCache" | "briefCache" | "logger"> & AuditDeps,
  actor: Actor,
  dealId: string,
): void {
  const deal = authorizeDeal(deps, actor.user, dealId, "delete");
  runInTransaction(deps.db, () => {
    deps.deals.delete(deal.id);
    deps.llmCache.deleteForDeal(deal.id);
  });
  deps.briefCache.evict(deal.id);
  recordAudit(deps, actor, { action: "delete", objectType: "deal", objectId: deal.id, dealId: deal.id });
  eraseWal(deps);
}

function checkCsm(deps: Pick<AppDeps, "users">, csmId: string | null | undefined): void {
  if (csmId === null || csmId === undefined) return;
  const csm = deps.users.get(csmId);
  if (csm === undefined || csm.role !== "csm") {
    throw new AppError({ code: "INVALID_INPUT", message: "csmId: no CSM with this id" });
  }
}
