import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Actor } from "../services/actor.ts";
import type { AppEnv } from "./app-env.ts";
import { answerInvalidRequest } from "./openapi/answer-invalid-request.ts";

/** The app every route registers on: routes are typed by their definitions and validated before their handlers run. */
export type ApiApp = OpenAPIHono<AppEnv>;

export function createApiApp(): ApiApp {
  return new OpenAPIHono<AppEnv>({ defaultHook: answerInvalidRequest });
}

/** The service caller of this request: the authenticated user and the request id for the audit log. */
export function actorOf(c: Context<AppEnv>): Actor {
  return { user: c.get("user"), requestId: c.get("requestId") ?? null };
}
