import { randomBytes } from "node:crypto";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { hashToken } from "../access/tokens.ts";
import type { AppDeps } from "../deps.ts";
import { SESSION_LIFETIME_MS, type SessionRepository } from "../storage/session-repository.ts";
import { pageHeaders } from "./page-headers.ts";
import { checkCsrf, readFormField } from "./session/check-csrf.ts";
import {
  clearSessionCookie,
  clearSignInCookie,
  readSessionCookie,
  readSignInCookie,
  setSessionCookie,
  setSignInCookie,
} from "./session/session-cookie.ts";
import { loadSession, requireSession } from "./session/session-middleware.ts";
import { renderSignInPage } from "./sign-in-page.ts";
import type { WebEnv } from "./web-env.ts";

// Sign-in and sign-out forms are a few hundred bytes.
const FORM_LIMIT_BYTES = 16 * 1024;

/** `/`, sign-in with an API token, and sign-out (which deletes the session on the server). */
export function createSignInRoutes(deps: AppDeps, sessions: SessionRepository) {
  const routes = new Hono<WebEnv>();
  const session = loadSession(deps, sessions);
  const smallForm = bodyLimit({ maxSize: FORM_LIMIT_BYTES });
  const signInCsrf = checkCsrf(deps.config.trustProxy, (c) => readSignInCookie(c, c.get("secure")));
  const sessionCsrf = checkCsrf(deps.config.trustProxy, (c) => c.get("csrfToken"));

  routes.get("/", pageHeaders, session, (c) => c.redirect(c.get("sessionId") ? "/deals" : "/sign-in", 303));

  routes.get("/sign-in", pageHeaders, session, (c) => {
    const next = safeNext(c.req.query("next"));
    if (c.get("sessionId")) return c.redirect(next ?? "/deals", 303);
    const formToken = randomBytes(24).toString("base64url");
    setSignInCookie(c, formToken, c.get("secure"));
    const notice = c.req.query("signed-out") === "1" ? "You are signed out." : undefined;
    return c.html(renderSignInPage({ formToken, next, ...(notice ? { notice } : {}) }));
  });

  routes.post("/sign-in", pageHeaders, smallForm, session, ...signInCsrf, async (c) => {
    const next = safeNext(await readFormField(c, "next"));
    const token = (await readFormField(c, "token"))?.trim() ?? "";
    const user = token === "" ? undefined : deps.users.findByTokenHash(hashToken(token));
    if (user === undefined) {
      const formToken = readSignInCookie(c, c.get("secure")) ?? "";
      return c.html(renderSignInPage({ formToken, next, error: "That token is not valid. Check that you copied all of it." }), 401);
    }
    // A new id on every sign-in: a session id planted before sign-in is never promoted.
    const previous = readSessionCookie(c, c.get("secure"));
    if (previous !== undefined) sessions.revoke(previous);
    const created = sessions.create(user.id, deps.now());
    setSessionCookie(c, created.sessionId, c.get("secure"), Math.floor(SESSION_LIFETIME_MS / 1000));
    clearSignInCookie(c, c.get("secure"));
    deps.logger.info("signed in", { userId: user.id, requestId: c.get("requestId") });
    return c.redirect(next ?? "/deals", 303);
  });

  // Without a session there is nothing to end: the reader is sent to sign in.
  routes.post("/sign-out", pageHeaders, smallForm, session, requireSession, ...sessionCsrf, (c) => {
    sessions.revoke(c.get("sessionId"));
    clearSessionCookie(c, c.get("secure"));
    deps.logger.info("signed out", { userId: c.get("user").id, requestId: c.get("requestId") });
    return c.redirect("/sign-in?signed-out=1", 303);
  });

  return routes;
}

/** A path of this site to return to after sign-in; anything else (another host, "//evil", a backslash trick) is dropped. */
export function safeNext(value: string | undefined): string | null {
  if (value === undefined || value.length > 500) return null;
  return /^\/(?![/\\])[^\s\\]*$/.test(value) && !value.startsWith("/sign-") ? value : null;
}
