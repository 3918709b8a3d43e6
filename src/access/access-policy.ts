import type { Deal } from "../storage/deal-repository.ts";
import type { Role, User } from "./roles.ts";

/** What a user may do with one deal. Every route asks this, with the deal in hand, never the role alone. */
export type DealAction = "read" | "extract" | "edit" | "delete";

/** Capabilities that are not about one deal. */
type Capability = "createDeal" | "manageUsers" | "runBatches" | "viewReports" | "listDeals";

const CAPABILITIES: Record<Capability, Role[]> = {
  createDeal: ["ae"],
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
  switch (user.role) {
    case "ae":
      return deal.aeId === user.id ? ["read", "extract", "edit", "delete"] : [];
    case "csm":
      return deal.csmId === user.id ? ["read"] : [];
    case "revops":
      return ["read", "extract"];
    case "admin":
      // Administrators manage users and may erase a deal on request, but do not read customer content.
      return ["delete"];
  }
}
