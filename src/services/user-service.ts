import { z } from "zod";
import { RoleSchema, type User } from "../domain/user.ts";
import { visibleNameSchema } from "../domain/visible-name.ts";
import { generateToken, hashToken } from "../access/tokens.ts";
import type { AppDeps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { parseInput } from "../parse-input.ts";
import { type Actor, type AuditDeps, recordAudit } from "./actor.ts";
import { requireCapability } from "./authorize.ts";

/** A new user as the API and `baton users add` take it: one rule for names and emails. */
export const NewUserSchema = z
  .object({
    name: visibleNameSchema(200),
    email: z.email().max(320),
    role: RoleSchema,
  })
  .strict();

type UserDeps = Pick<AppDeps, "users">;

/**
 * Adds a user and returns it with its bearer token, shown this once and stored hashed. Without an actor (the CLI,
 * run by whoever holds the database), no capability is checked or audited.
 */
export function createUser(
  deps: UserDeps & AuditDeps,
  actor: Actor | null,
  input: { name: string; email: string; role: string },
): { user: User; token: string } {
  if (actor !== null) requireCapability(actor.user, "manageUsers", "only administrators manage users");
  const valid = parseInput(NewUserSchema, input);
  const token = generateToken();
  const user = deps.users.add({ ...valid, tokenHash: hashToken(token) }, deps.now());
  if (actor !== null) recordAudit(deps, actor, { action: "create", objectType: "user", objectId: user.id, dealId: null });
  return { user, token };
}

export function listUsers(deps: Pick<AppDeps, "users"> & AuditDeps, actor: Actor): User[] {
  requireCapability(actor.user, "manageUsers", "only administrators manage users");
  recordAudit(deps, actor, { action: "view", objectType: "users", objectId: null, dealId: null });
  return deps.users.list();
}

/** Disables a user: its token stops working at once. Administrators may not disable themselves, so one always remains. */
export function disableUser(deps: UserDeps & AuditDeps, actor: Actor | null, userId: string): void {
  if (actor !== null) {
    requireCapability(actor.user, "manageUsers", "only administrators manage users");
    if (userId === actor.user.id) throw new AppError({ code: "CONFLICT", message: "administrators may not disable their own account" });
  }
  if (!deps.users.disable(userId, deps.now()))
    throw new AppError({ code: "NOT_FOUND", message: actor ? "user not found" : `no active user ${userId}` });
  if (actor !== null) recordAudit(deps, actor, { action: "delete", objectType: "user", objectId: userId, dealId: null });
}
