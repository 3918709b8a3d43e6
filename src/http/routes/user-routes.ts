import { Hono } from "hono";
import { z } from "zod";
import { hasCapability } from "../../access/access-policy.ts";
import { RoleSchema } from "../../domain/user.ts";
import { generateToken, hashToken } from "../../access/tokens.ts";
import type { AppDeps } from "../../deps.ts";
import { AppError } from "../../errors.ts";
import type { AppEnv } from "../app-env.ts";
import { recordAudit } from "../load-deal.ts";
import { readJsonBody } from "../read-json-body.ts";

export const UserInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    email: z.email().max(320),
    role: RoleSchema,
  })
  .strict();

export const UserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: RoleSchema,
  createdAt: z.string(),
});

/** POST /v1/users answers the new user and its bearer token, which is shown this once and stored hashed. */
export const CreatedUserSchema = z.object({ user: UserSchema, token: z.string() });

/** Users API for administrators: list, add (the token is shown once), disable. */
export function createUserRoutes(deps: AppDeps) {
  const routes = new Hono<AppEnv>();

  // Every route here is the administrator's alone: other roles learn nothing about who uses the service.
  routes.use(async (c, next) => {
    if (!hasCapability(c.get("user"), "manageUsers")) {
      throw new AppError({ code: "FORBIDDEN", message: "only administrators manage users" });
    }
    await next();
  });

  routes.get("/", (c) => {
    recordAudit(c, deps, { action: "view", objectType: "users", objectId: null, dealId: null });
    return c.json({ users: deps.users.list() });
  });

  routes.post("/", async (c) => {
    const input = await readJsonBody(c, UserInputSchema);
    const token = generateToken();
    const user = deps.users.add({ name: input.name, email: input.email, role: input.role, tokenHash: hashToken(token) }, deps.now());
    recordAudit(c, deps, { action: "create", objectType: "user", objectId: user.id, dealId: null });
    // The token is a credential: no cache along the way may keep this answer.
    c.header("Cache-Control", "no-store");
    return c.json({ user, token }, 201);
  });

  routes.delete("/:userId", (c) => {
    const userId = c.req.param("userId");
    // Refusing to disable oneself means an administrator always remains to manage the others.
    if (userId === c.get("user").id) {
      throw new AppError({ code: "CONFLICT", message: "administrators may not disable their own account" });
    }
    if (!deps.users.disable(userId, deps.now())) throw new AppError({ code: "NOT_FOUND", message: "user not found" });
    recordAudit(c, deps, { action: "delete", objectType: "user", objectId: userId, dealId: null });
    return c.body(null, 204);
  });

  return routes;
}
