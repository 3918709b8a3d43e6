import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AppError, isAppError } from "../errors.ts";
import { statusFor } from "../errors.ts";
import type { Logger } from "../logger.ts";
import { type Html, html } from "./html.ts";
import { renderPage } from "./layout.ts";
import { applyPageHeaders } from "./page-headers.ts";
import type { WebEnv } from "./web-env.ts";

const TITLES: Partial<Record<number, string>> = {
  400: "That request could not be read",
  403: "Not allowed",
  404: "Page not found",
  413: "Too large",
};

/** The page for a failed request: the same codes and statuses as the API, as HTML; unknown errors never show their message. */
export function createWebErrorHandler(logger: Logger) {
  return (error: Error, c: Context<WebEnv>) => {
    const appError = toAppError(error);
    const status = statusFor(appError.code);
    const requestId = c.get("requestId") ?? "unknown";
    if (status >= 500) {
      logger.error("page failed", {
        requestId,
        code: appError.code,
        errorName: error.name,
        stack: (error.stack ?? "").split("\n").slice(1, 8).join(" | "),
      });
    }
    const message =
      status >= 500 ? "Something went wrong on our side. Try again; if it keeps happening, quote this request id." : appError.message;
    return renderErrorResponse(c, status, message);
  };
}

/** Renders the error page with the given status (also used for a plain 404 of a page route). */
export function renderErrorResponse(c: Context<WebEnv>, status: ContentfulStatusCode, message: string) {
  const user = c.get("user");
  const title = TITLES[status] ?? (status >= 500 ? "Something went wrong" : "Request refused");
  const body: Html = html`<div class="error-page">
  <h1>${title}</h1>
  <p>${message}</p>
  <p class="muted">Request id <code>${c.get("requestId") ?? "unknown"}</code></p>
  <p><a class="button" href="${user ? "/deals" : "/sign-in"}">${user ? "Back to deals" : "Sign in"}</a></p>
</div>`;
  applyPageHeaders(c);
  return c.html(renderPage({ title, body, user, csrfToken: c.get("csrfToken"), width: "narrow" }), status);
}

function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (error instanceof HTTPException) {
    // hono's csrf middleware: the browser says the form came from another site.
    if (error.status === 403)
      return new AppError({ code: "FORBIDDEN", message: "This form was sent from another site, so it was refused." });
    if (error.status === 413) return new AppError({ code: "LIMIT_EXCEEDED", message: "The form is larger than Baton accepts." });
    if (error.status >= 400 && error.status < 500)
      return new AppError({ code: "INVALID_INPUT", message: "The request could not be read." });
  }
  return new AppError({ code: "INTERNAL", message: "internal error", cause: error });
}
