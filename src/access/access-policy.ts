import type { Deal } from "../domain/deal.ts";
import { ROLES, type Role, type User } from "../domain/user.ts";

/**
 * What a user may do with one deal. Every route asks this, with the deal in hand, never the role alone.
 * "track": record what happened after the handoff (milestones done, "received, with questions"), the CSM's part.
 */
export type DealAction = "read" | "extract" | "edit" | "delete" | "track";

/** Capabilities that are not about one deal. */
export type Capability = "createDeal" | "importDeals" | "manageUsers" | "runBatches" | "viewReports" | "listDeals";

/** Which deals a role's grant covers: those it owns as AE, those it is assigned to as CSM, or every deal. */
export type DealScope = "aeId" | "csmId" | "any";

/**
 * The one description of deal access: each role's scope and the actions it has on the deals in that scope.
 * The per-deal check, the SQL filter of deal lists and the roles the API documents are all derived from it.
 */
export const DEAL_GRANTS: Record<Role, { scope: DealScope; actions: DealAction[] }> = {
  ae: { scope: "aeId", actions: ["read", "extract", "edit", "delete"] },
  csm: { scope: "csmId", actions: ["read", "track"] },
  revops: { scope: "any", actions: ["read", "extract"] },
  // Administrators manage users and may erase a deal on request, but do not read customer content.
  admin: { scope: "any", actions: ["delete"] },
};

export const CAPABILITIES: Record<Capability, Role[]> = {
  createDeal: ["ae"],
  // RevOps' batch import: deals owned by the AEs a manifest names, and their files; only the batch service asks it.
  importDeals: ["revops"],
  manageUsers: ["admin"],
  runBatches: ["revops"],
  viewReports: ["revops"],
  listDeals: ["ae", "csm", "revops"],
};

export function hasCapability(user: User, capability: Capability): boolean {
  return CAPABILITIES[capability].includes(user.role);
}

/** The actions a user has on a deal; an empty list means the deal does not exist for them (404, not 403). */
export function dealActions(user: User, deal: Deal): DealAction[] {
  const grant = DEAL_GRANTS[user.role];
  return grant.scope === "any" || deal[grant.scope] === user.id ? grant.actions : [];
}

/** The roles that may take an action on at least some deals, in role order. */
export function rolesAllowedTo(action: DealAction): Role[] {
  return ROLES.filter((role) => DEAL_GRANTS[role].actions.includes(action));
}

/**
 * The deals a user may read, as a filter storage can turn into SQL: none, all, or those whose column
 * (the deal's AE or its CSM) names the user.
 */
export type ReadableDeals = { kind: "none" } | { kind: "all" } | { kind: "where"; column: "aeId" | "csmId"; userId: string };

export function readableDeals(user: User): ReadableDeals {
  const grant = DEAL_GRANTS[user.role];
  if (!grant.actions.includes("read")) return { kind: "none" };
  return grant.scope === "any" ? { kind: "all" } : { kind: "where", column: grant.scope, userId: user.id };
}
