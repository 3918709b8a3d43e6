import { isAppError } from "../errors.ts";

/** Whether a failed extraction is worth another attempt, and when. */
export type RetryAdvice = { retry: false } | { retry: true; afterMs?: number; countsAsAttempt: boolean };

// Passing trouble at the endpoint: another attempt later may succeed. Everything else (a rejected key, an unknown
// model, a prompt over the context, an answer the schema refuses twice, bad input) fails the same way every time.
const TRANSIENT = new Set(["server_error", "unreachable", "timeout", "bad_answer"]);
// The endpoint (or Baton's own scheduler) said when to come back: waiting is not the job's failure.
const TOLD_TO_WAIT = new Set(["rate_limited", "endpoint_paused", "circuit_open"]);

/** Longest wait a rate limit may ask for before the attempt counts as a failure after all. */
const MAX_TOLD_WAIT_MS = 60 * 60_000;

/** Reads an extraction failure (an AppError from the LLM client or scheduler) as a retry decision. */
export function adviseRetry(error: unknown): RetryAdvice {
  if (!isAppError(error)) return { retry: false };
  const cause = typeof error.context.cause === "string" ? error.context.cause : "";
  const afterMs = typeof error.context.retryAfterMs === "number" ? Math.max(0, error.context.retryAfterMs) : undefined;
  if (TOLD_TO_WAIT.has(cause)) {
    if (afterMs !== undefined && afterMs <= MAX_TOLD_WAIT_MS) return { retry: true, afterMs, countsAsAttempt: false };
    return { retry: true, countsAsAttempt: true };
  }
  if (TRANSIENT.has(cause)) return { retry: true, countsAsAttempt: true };
  return { retry: false };
}
