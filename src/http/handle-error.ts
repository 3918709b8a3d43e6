import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { AppError, isAppError, statusFor } from "../errors.ts";
import type { Logger } from "../logger.ts";
import { formatEntityTag } from "./entity-tag.ts";

/** One envelope for every error: { error: { code, message, requestId } }. Unknown errors never leak their message. */
export function createErrorHandler(logger: Logger) {
  return (error: Error, c: Context) => {
    const requestId = (c.get("requestId") as string | undefined) ?? "unknown";
    const appError = toAppError(error);
    const status = statusFor(appError.code);
    if (status >= 500) {
      logger.error("request failed", {
        requestId,
        code: appError.code,
        errorName: (appError.cause as Error | undefined)?.name ?? error.name,
        // Stack frames only: the first line of a stack repeats the message, which may quote input.
        stack: (error.stack ?? "").split("\n").slice(1, 8).join(" | "),
      });
    }
    const message = appError.code === "INTERNAL" ? "internal error" : appError.message;
    // A stale If-Match: the answer names the version to read again.
    const current = appError.context.currentVersion;
    if (appError.code === "PRECONDITION_FAILED" && typeof current === "number") c.header("ETag", formatEntityTag(current));
    return c.json({ error: { code: appError.code, message, requestId } }, status);
  };
}

function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (error instanceof HTTPException) {
    if (error.status === 413) return new AppError({ code: "LIMIT_EXCEEDED", message: "request body is too large" });
    if (error.status === 401) return new AppError({ code: "UNAUTHENTICATED", message: "missing or invalid bearer token" });
    if (error.status === 408 || error.status === 504) return new AppError({ code: "TIMEOUT", message: "request timed out" });
    // The route validators' refusals: a body type the route does not take, a JSON body that does not parse.
    if (error.status === 415)
      return new AppError({
        code: "UNSUPPORTED_FORMAT",
        message: "unsupported Content-Type: see /docs for the body types this route takes",
      });
    if (error.status === 400 && error.message.startsWith("Malformed JSON"))
      return new AppError({ code: "INVALID_INPUT", message: "body is not valid JSON" });
    if (error.status >= 400 && error.status < 500) return new AppError({ code: "INVALID_INPUT", message: "bad request" });
  }
  return new AppError({ code: "INTERNAL", message: "internal error", cause: error });
}
