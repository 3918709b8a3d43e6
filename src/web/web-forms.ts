import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ExpectedVersion } from "../domain/expected-version.ts";
import { AppError, isAppError, statusFor } from "../errors.ts";
import { VERSION_FIELD } from "./partials/version-field.ts";
import { checkCsrf } from "./session/check-csrf.ts";
import type { WebEnv } from "./web-env.ts";

// Review forms carry a statement (1000 characters), a quote (2000) or a gap answer (2000): a few KB at most.
const FORM_LIMIT_BYTES = 64 * 1024;

/** The guards of every form post of the pages: a size limit, then the session's CSRF check. */
export function formGuards(trustProxy: boolean, maxBytes = FORM_LIMIT_BYTES): [MiddlewareHandler<WebEnv>, ...MiddlewareHandler<WebEnv>[]] {
  return [
    bodyLimit({
      maxSize: maxBytes,
      onError: () => {
        throw new AppError({ code: "LIMIT_EXCEEDED", message: "The form is larger than Baton accepts." });
      },
    }),
    ...checkCsrf(trustProxy, (c) => c.get("csrfToken")),
  ];
}

/** The page script asks for JSON (Accept: application/json); a plain form post wants a page or a redirect. */
export function wantsJson(c: Context): boolean {
  return (c.req.header("accept") ?? "").includes("application/json");
}

/** The form's text fields (files are left out); a field sent twice keeps its last value. */
export async function readForm(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/**
 * The version a review form was rendered from, which its write must still find (else 412). The workspace never
 * writes blind: a form without it (a page from before versions, a hand-made post) is PRECONDITION_REQUIRED (428).
 */
export function readFormVersion(form: Record<string, string>): ExpectedVersion {
  const value = (form[VERSION_FIELD] ?? "").trim();
  if (value === "") {
    throw new AppError({
      code: "PRECONDITION_REQUIRED",
      message: "Not saved: this form does not say which version it was made from. Reload the page and try again.",
    });
  }
  if (!/^\d{1,15}$/.test(value)) throw new AppError({ code: "INVALID_INPUT", message: "The form's version is not a number." });
  return { versions: [Number(value)] };
}

/**
 * Runs a form action. A refusal the reader can fix (400, 409, 412 changed meanwhile, 428 stale form) goes back to the
 * form: as JSON for the script, or through `onRefused` for a plain post; anything else (403, 404, 500) goes to the
 * error page.
 */
export async function runFormAction(
  c: Context<WebEnv>,
  action: () => Promise<Response> | Response,
  onRefused: (message: string, status: ContentfulStatusCode) => Response,
): Promise<Response> {
  try {
    return await action();
  } catch (error) {
    if (!isAppError(error)) throw error;
    const status = statusFor(error.code);
    if (wantsJson(c)) return c.json({ error: { code: error.code, message: error.message } }, status);
    if (status === 400 || status === 409 || status === 412 || status === 428) return onRefused(error.message, status);
    throw error;
  }
}
