import { isAppError } from "../errors.ts";
import type { Logger } from "../logger.ts";

/**
 * Writes the one log line of a failed extraction run: run id, error code, cause class (auth, quota,
 * context_too_long, timeout…), the server's status and code, attempts and what the run cost.
 * Only ids, classes and counts: never the message (a server's text may quote the prompt), content or keys.
 */
export function logExtractionFailure(logger: Logger, runId: string, error: unknown): void {
  if (!isAppError(error)) {
    logger.error("extraction failed", { runId, code: "INTERNAL", cause: "crash", errorName: (error as Error)?.name ?? "unknown" });
    return;
  }
  const context = error.context;
  logger.error("extraction failed", {
    runId,
    code: error.code,
    cause: typeof context.cause === "string" ? context.cause : error.code.toLowerCase(),
    status: context.status,
    serverCode: context.code,
    param: context.param,
    type: context.type,
    requestId: context.requestId,
    attempts: context.attempts,
    llmCalls: context.llmCalls,
    cachedCalls: context.cachedCalls,
    promptTokens: context.promptTokens,
    completionTokens: context.completionTokens,
  });
}
