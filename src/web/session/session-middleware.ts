import type { MiddlewareHandler } from "hono";
import type { AppDeps } from "../../deps.ts";
import type { SessionRepository } from "../../storage/session-repository.ts";
import type { WebEnv } from "../web-env.ts";
import { isSecureRequest, readSessionCookie } from "./session-cookie.ts";

/** Reads the session cookie and, when it names a live session, puts its user and form token on the context. */
export function loadSession(deps: Pick<AppDeps, "config" | "now">, sessions: SessionRepository): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    const secure = isSecureRequest(c, deps.config.trustProxy);
    c.set("secure", secure);
    const sessionId = readSessionCookie(c, secure);
    const session = sessionId === undefined ? undefined : sessions.find(sessionId, deps.now());
    if (session !== undefined && sessionId !== undefined) {
      c.set("user", session.user);
      c.set("sessionId", sessionId);
      c.set("csrfToken", session.csrfToken);
    }
    await next();
  };
}

/** Pages need a session: a reader without one is sent to sign in and brought back; a form post without one is refused. */
export const requireSession: MiddlewareHandler<WebEnv> = async (c, next) => {
  if (c.get("sessionId") !== undefined) return next();
  if (c.req.method === "GET" || c.req.method === "HEAD") {
    const url = new URL(c.req.url);
    return c.redirect(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
  }
  return c.redirect("/sign-in", 303);
};
