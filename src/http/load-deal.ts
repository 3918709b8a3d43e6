import type { Context } from "hono";
import { type DealAction, dealActions } from "../access/access-policy.ts";
import type { AppDeps } from "../deps.ts";
import { AppError } from "../errors.ts";
import type { Deal } from "../domain/deal.ts";
import type { AuditAction } from "../storage/audit-log-repository.ts";
import type { AppEnv } from "./app-env.ts";

/**
 * Loads the deal named in the path and checks the user's right to act on this very deal:
 * a deal the user may not see answers 404 (its existence is not revealed), a forbidden action 403.
 */
export function loadDeal(c: Context<AppEnv>, deps: AppDeps, action: DealAction): Deal {
  const deal = deps.deals.get(c.req.param("dealId") ?? "");
  const user = c.get("user");
  const actions = deal ? dealActions(user, deal) : [];
  if (deal === undefined || actions.length === 0) {
    throw new AppError({ code: "NOT_FOUND", message: "deal not found" });
  }
  if (!actions.includes(action)) {
    throw new AppError({ code: "FORBIDDEN", message: `your role may not ${action} this deal` });
  }
  return deal;
}

/** Appends who did what to which object; ids only, never content. */
export function recordAudit(
  c: Context<AppEnv>,
  deps: AppDeps,
  entry: { action: AuditAction; objectType: string; objectId: string | null; dealId: string | null },
): void {
  deps.audit.append({ ...entry, userId: c.get("user")?.id ?? null, requestId: c.get("requestId") ?? null }, deps.now());
}
