import type { Context } from "hono";
import { type DealAction, dealActions } from "../access/access-policy.ts";
import type { AppDeps } from "../deps.ts";
import { AppError } from "../errors.ts";
import type { AuditAction } from "../storage/audit-log-repository.ts";
import type { Deal } from "../domain/deal.ts";
import type { WebEnv } from "./web-env.ts";

/** A deal the reader may open, with everything they may do to it. */
export type PageDeal = { deal: Deal; actions: DealAction[] };

/**
 * The deal named in the path, checked exactly as the API checks it: a deal the reader may not see is a
 * 404 (its existence is not revealed), a deal they see but may not do this to is a 403.
 */
export function loadPageDeal(c: Context<WebEnv>, deps: Pick<AppDeps, "deals">, action: DealAction): PageDeal {
  const deal = deps.deals.get(c.req.param("dealId") ?? "");
  const actions = deal ? dealActions(c.get("user"), deal) : [];
  if (deal === undefined || actions.length === 0) {
    throw new AppError({ code: "NOT_FOUND", message: "There is no such deal, or it is not shared with you." });
  }
  if (!actions.includes(action)) {
    throw new AppError({ code: "FORBIDDEN", message: `Your role may not ${action} this deal.` });
  }
  return { deal, actions };
}

/** Records who viewed what, like the API does for the same content; ids only. */
export function auditPage(
  c: Context<WebEnv>,
  deps: Pick<AppDeps, "audit" | "now">,
  entry: { action: AuditAction; objectType: string; objectId: string | null; dealId: string },
): void {
  deps.audit.append({ ...entry, userId: c.get("user").id, requestId: c.get("requestId") ?? null }, deps.now());
}
