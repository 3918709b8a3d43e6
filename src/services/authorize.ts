import { type Capability, type DealAction, dealActions, hasCapability } from "../access/access-policy.ts";
import type { User } from "../domain/user.ts";
import type { AppDeps } from "../deps.ts";
import { AppError } from "../errors.ts";
import type { Deal } from "../domain/deal.ts";

/**
 * Loads a deal and checks the user's right to act on this very deal: a deal the user may not see is
 * NOT_FOUND (its existence is not revealed), a forbidden action FORBIDDEN.
 */
export function authorizeDeal(deps: Pick<AppDeps, "deals">, user: User, dealId: string, action: DealAction): Deal {
  const deal = deps.deals.get(dealId);
  const actions = deal ? dealActions(user, deal) : [];
  if (deal === undefined || actions.length === 0) {
    throw new AppError({ code: "NOT_FOUND", message: "deal not found" });
  }
  if (!actions.includes(action)) {
    throw new AppError({ code: "FORBIDDEN", message: `your role may not ${action} this deal` });
  }
  return deal;
}

/** Throws FORBIDDEN with `message` unless the user's role has the capability. */
export function requireCapability(user: User, capability: Capability, message: string): void {
  if (!hasCapability(user, capability)) throw new AppError({ code: "FORBIDDEN", message });
}
