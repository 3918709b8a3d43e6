import { timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { csrf } from "hono/csrf";
import { AppError } from "../../errors.ts";
import { readMultipartForm } from "../../workers/read-multipart-form.ts";
import type { WebEnv } from "../web-env.ts";
import { publicOrigin } from "./session-cookie.ts";

/** The hidden field every form of the pages carries. */
export const CSRF_FIELD = "_csrf";

/**
 * Refuses a state-changing request that did not come from our own pages: first the browser's word
 * (Sec-Fetch-Site same-origin, or an Origin equal to ours; a cross-site Origin is refused), then the token
 * `expected` gives, from the form's hidden field or an X-CSRF-Token header (for script requests).
 */
export function checkCsrf(trustProxy: boolean, expected: (c: Context<WebEnv>) => string | undefined): MiddlewareHandler<WebEnv>[] {
  const sameOrigin = csrf({ origin: (origin, c) => origin === publicOrigin(c, trustProxy) });
  const token: MiddlewareHandler<WebEnv> = async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const want = expected(c);
    const given = c.req.header("x-csrf-token") ?? (await readFormField(c, CSRF_FIELD));
    if (want === undefined || given === undefined || !sameSecret(want, given)) {
      throw new AppError({
        code: "FORBIDDEN",
        message: "This form has expired or did not come from Baton. Reload the page and try again.",
      });
    }
    await next();
  };
  return [sameOrigin as MiddlewareHandler<WebEnv>, token];
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** A field of a urlencoded or multipart form; the parsed body stays cached for the handler. */
export async function readFormField(c: Context, name: string): Promise<string | undefined> {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data")) return undefined;
  let body: Record<string, unknown>;
  try {
    // A multipart form (an upload) is split off the main thread, once: the handler reads the same result.
    body = type.startsWith("multipart/form-data") ? await readMultipartForm(c.req) : await c.req.parseBody();
  } catch {
    throw new AppError({ code: "INVALID_INPUT", message: "The form could not be read." });
  }
  const value = Array.isArray(body[name]) ? (body[name] as unknown[]).at(-1) : body[name];
  return typeof value === "string" ? value : undefined;
}

function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
