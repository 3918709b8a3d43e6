import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { adviseRetry } from "./llm-retry-advice.ts";

const failure = (cause: string, extra: Record<string, number> = {}) =>
  new AppError({ code: "LLM_FAILED", message: "LLM call failed", context: { cause, ...extra } });

describe("adviseRetry", () => {
  it("waits for the time the endpoint or the scheduler named, without using an attempt", () => {
    expect(adviseRetry(failure("rate_limited", { retryAfterMs: 20_000 }))).toEqual({
      retry: true,
      afterMs: 20_000,
      countsAsAttempt: false,
    });
    expect(adviseRetry(failure("circuit_open", { retryAfterMs: 30_000 }))).toEqual({
      retry: true,
      afterMs: 30_000,
      countsAsAttempt: false,
    });
    expect(adviseRetry(failure("endpoint_paused", { retryAfterMs: 800 }))).toEqual({ retry: true, afterMs: 800, countsAsAttempt: false });
  });

  it("counts a rate limit without a usable wait (none given, or over an hour) as an attempt, with backoff", () => {
    expect(adviseRetry(failure("rate_limited"))).toEqual({ retry: true, countsAsAttempt: true });
    expect(adviseRetry(failure("rate_limited", { retryAfterMs: 2 * 3_600_000 }))).toEqual({ retry: true, countsAsAttempt: true });
  });

  it("retries passing trouble with backoff and gives up at once on what fails the same way every time", () => {
    for (const cause of ["server_error", "unreachable", "timeout", "bad_answer"]) {
      expect(adviseRetry(failure(cause)), cause).toEqual({ retry: true, countsAsAttempt: true });
    }
    for (const cause of ["auth", "quota", "unknown_model", "context_too_long", "invalid_answer", "aborted"]) {
      expect(adviseRetry(failure(cause)), cause).toEqual({ retry: false });
    }
    expect(adviseRetry(new AppError({ code: "INVALID_INPUT", message: "bad file" }))).toEqual({ retry: false });
    expect(adviseRetry(new TypeError("bug"))).toEqual({ retry: false });
  });
});
