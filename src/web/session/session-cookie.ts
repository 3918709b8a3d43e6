import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { CookieOptions } from "hono/utils/cookie";

const SESSION_COOKIE = "baton_session";

/**
 * Whether the browser reached us over HTTPS: the request URL says so, or, only when the operator trusts the
 * proxy in front (BATON_TRUST_PROXY), its X-Forwarded-Proto does. An untrusted header could otherwise make the
 * session cookie Secure on plain HTTP (breaking sign-in) or be forged to look like HTTPS.
 */
export function isSecureRequest(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === "https:") return true;
  if (!trustProxy) return false;
  const forwarded = c.req.header("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return forwarded === "https";
}

/** The origin the browser believes it is talking to, for comparing with a form's Origin header. */
export function publicOrigin(c: Context, trustProxy: boolean): string {
  const url = new URL(c.req.url);
  return `${isSecureRequest(c, trustProxy) ? "https:" : url.protocol}//${url.host}`;
}

// Over HTTPS the name carries the __Host- prefix: the browser then only accepts it Secure, host-only and for path /.
function cookieOptions(secure: boolean, maxAgeSeconds: number): CookieOptions {
  return {
    httpOnly: true,
    sameSite: "Strict",
    path: "/",
    maxAge: maxAgeSeconds,
    ...(secure ? { secure: true, prefix: "host" as const } : {}),
  };
}

export function setSessionCookie(c: Context, sessionId: string, secure: boolean, maxAgeSeconds: number): void {
  setCookie(c, SESSION_COOKIE, sessionId, cookieOptions(secure, maxAgeSeconds));
}

export function readSessionCookie(c: Context, secure: boolean): string | undefined {
  const value = secure ? getCookie(c, SESSION_COOKIE, "host") : getCookie(c, SESSION_COOKIE);
  return value === undefined || value === "" ? undefined : value;
}

export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, SESSION_COOKIE, cookieOptions(secure, 0));
}

const SIGN_IN_COOKIE = "baton_sign_in";

/**
 * The sign-in form's token lives in its own short cookie (double submit): before sign-in there is no session
 * to hold it, and a forged sign-in (into the attacker's account) must be refused too.
 */
export function setSignInCookie(c: Context, token: string, secure: boolean): void {
  setCookie(c, SIGN_IN_COOKIE, token, cookieOptions(secure, 60 * 60));
}

export function readSignInCookie(c: Context, secure: boolean): string | undefined {
  return secure ? getCookie(c, SIGN_IN_COOKIE, "host") : getCookie(c, SIGN_IN_COOKIE);
}

export function clearSignInCookie(c: Context, secure: boolean): void {
  deleteCookie(c, SIGN_IN_COOKIE, cookieOptions(secure, 0));
}
