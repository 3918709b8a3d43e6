import { CAPABILITIES, type Capability, DEAL_GRANTS, type DealAction, rolesAllowedTo } from "../../access/access-policy.ts";
import { ROLES, type Role } from "../../domain/user.ts";

/**
 * Who may call an operation: the deal action it takes, the capability it needs, nobody in particular, or a CRM
 * proving itself with the shared webhook secret's signature instead of a user's bearer token.
 */
export type RouteAccess = { deal: DealAction } | { capability: Capability } | "public" | "crm-signature";

const ROLE_NAMES: Record<Role, string> = { ae: "AE", csm: "CSM", revops: "RevOps", admin: "administrator" };

/** The roles that can succeed, as the document's x-roles lists them; read from the access policy itself. */
export function rolesFor(access: RouteAccess): Role[] | "public" {
  if (access === "public") return "public";
  // No user role calls it: the CRM does, with a signature.
  if (access === "crm-signature") return [];
  return "deal" in access ? rolesAllowedTo(access.deal) : CAPABILITIES[access.capability];
}

/** One sentence for the operation's description, generated from the policy's table so it cannot drift from it. */
export function describeAccess(access: RouteAccess): string {
  if (access === "public") return "Public: no token needed.";
  if (access === "crm-signature") {
    return "No bearer token: a CRM calls it, authenticated by an HMAC-SHA256 signature with BATON_CRM_WEBHOOK_SECRET (see the description).";
  }
  if ("capability" in access) {
    const roles = CAPABILITIES[access.capability].map((role) => ROLE_NAMES[role]);
    return `Allowed: ${roles.join(", ")} only; every other role gets 403.`;
  }
  const holder = (role: Role) => {
    const scope = DEAL_GRANTS[role].scope;
    return scope === "aeId" ? `the deal's ${ROLE_NAMES[role]}` : scope === "csmId" ? `its assigned ${ROLE_NAMES[role]}` : ROLE_NAMES[role];
  };
  const allowed = rolesAllowedTo(access.deal);
  const seeButMayNot = ROLES.filter((role) => !allowed.includes(role) && DEAL_GRANTS[role].actions.length > 0);
  const refused = seeButMayNot.length > 0 ? `; ${seeButMayNot.map(holder).join(", ")} ${seeButMayNot.length > 1 ? "get" : "gets"} 403` : "";
  return `Allowed: ${allowed.map(holder).join(", ")}${refused}; anyone else gets 404 (the deal's existence is not revealed).`;
}
