import { z } from "@hono/zod-openapi";
import type { AppDeps } from "../../deps.ts";
import { createUser, disableUser, listUsers, NewUserSchema } from "../../services/user-service.ts";
import { actorOf, type ApiApp } from "../api-app.ts";
import { defineRoute } from "../openapi/define-route.ts";
import { jsonContent } from "../schemas/json-content.ts";
import { UserSchema } from "../schemas/user-schema.ts";

// The service's own rule, named for the document (a schema built elsewhere cannot be named: see draft-schemas.ts).
const NewUserInputSchema = z.object(NewUserSchema.shape).strict().openapi("UserInput");

const listRoute = defineRoute({
  method: "get",
  path: "/v1/users",
  tag: "Users",
  summary: "List active users",
  access: { capability: "manageUsers" },
  responses: { 200: jsonContent(z.object({ users: z.array(UserSchema) }), "active users, oldest first (never tokens)") },
});

const addRoute = defineRoute({
  method: "post",
  path: "/v1/users",
  tag: "Users",
  summary: "Add a user; the bearer token is in this answer only (stored hashed)",
  description: "409 when a user with this email exists.",
  access: { capability: "manageUsers" },
  request: { body: { required: true, content: { "application/json": { schema: NewUserInputSchema } } } },
  responses: {
    201: jsonContent(z.object({ user: UserSchema, token: z.string() }).openapi("CreatedUser"), "the user and its token, shown once"),
  },
  errors: [409],
});

const disableRoute = defineRoute({
  method: "delete",
  path: "/v1/users/{userId}",
  tag: "Users",
  summary: "Disable a user: its token stops working at once",
  description: "An administrator cannot disable their own account (409), so one always remains.",
  access: { capability: "manageUsers" },
  request: { params: z.object({ userId: z.string().max(64).describe("the user's id (usr_…)") }) },
  responses: { 204: { description: "done; no body" } },
  errors: [404, 409],
});

/** Users API for administrators: list, add (the token is shown once), disable. */
export function registerUserRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(listRoute, (c) => c.json({ users: listUsers(deps, actorOf(c)) }, 200));
  app.openapi(addRoute, (c) => {
    const created = createUser(deps, actorOf(c), c.req.valid("json"));
    // The token is a credential: no cache along the way may keep this answer.
    c.header("Cache-Control", "no-store");
    return c.json(created, 201);
  });
  app.openapi(disableRoute, (c) => {
    disableUser(deps, actorOf(c), c.req.valid("param").userId);
    return c.body(null, 204);
  });
}
