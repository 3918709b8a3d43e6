import { type Clock, sleep } from "../../clock.ts";
import { AppError } from "../../errors.ts";
import { retryWaitMs } from "../cap-retry-after.ts";
import { CircuitBreaker } from "./circuit-breaker.ts";
import { readRateLimitHeaders } from "./rate-limit-headers.ts";
import { TokenBucket } from "./token-bucket.ts";

export type LlmSchedulerOptions = {
  clock: Clock;
  /** Requests per minute; undefined: only the endpoint's own headers limit. */
  requestsPerMinute: number | undefined;
  /** Tokens per minute (prompt estimate plus output reservation); likewise. */
  tokensPerMinute: number | undefined;
  /**
   * Longest wait `acquire` spends holding its caller. Past it, it throws (cause `endpoint_paused`, with
   * `retryAfterMs`), so a job worker goes free and the job comes back later. Infinity in the CLI.
   */
  holdLimitMs: number;
};

/** Taken before a request; `settle` tells the budget what the request really cost. */
export type Permit = { settle(tokensUsed: number | undefined): void };

/** A 429 that names no wait pauses the endpoint this long. */
const DEFAULT_RATE_LIMIT_PAUSE_MS = 1_000;
/** Requests may start at most half a second's worth at once: endpoints enforce per-minute limits per second. */
const REQUEST_BURST_SECONDS = 0.5;
/** Tokens may be spent ten seconds' worth at once (one request's size varies far more than its count). */
const TOKEN_BURST_SECONDS = 10;

/**
 * The one gate every LLM request of the process goes through, whichever worker sends it: request and token
 * budgets (configured, and tightened by the endpoint's x-ratelimit-* headers), a pause when the endpoint says
 * to wait (429 Retry-After, nothing remaining), and a circuit breaker. Callers are served in arrival order.
 */
export class LlmScheduler {
  readonly holdLimitMs: number;
  private readonly clock: Clock;
  private requests: TokenBucket | undefined;
  private tokens: TokenBucket | undefined;
  private pausedUntil = 0;
  private readonly breaker = new CircuitBreaker();
  private tail: Promise<unknown> = Promise.resolve();

  constructor(options: LlmSchedulerOptions) {
    this.clock = options.clock;
    this.holdLimitMs = options.holdLimitMs;
    const now = options.clock.now();
    if (options.requestsPerMinute !== undefined) this.requests = requestBucket(options.requestsPerMinute, now);
    if (options.tokensPerMinute !== undefined) this.tokens = tokenBucket(options.tokensPerMinute, now);
  }

  /** Waits for room for one request of about `tokens` tokens; throws when the wait would be too long or the breaker is open. */
  acquire(request: { tokens: number; signal?: AbortSignal | undefined }): Promise<Permit> {
    const granted = this.tail.then(() => this.grant(request));
    this.tail = granted.catch(() => undefined);
    return granted;
  }

  /** A request the client sent again by itself (a retry inside one call): it uses the budget too. */
  recordExtraRequest(tokens: number): void {
    const now = this.clock.now();
    this.requests?.take(1, now);
    this.tokens?.take(tokens, now);
  }

  /** What an answer says about the limits and the endpoint's health. */
  observeResponse(status: number, headers: Headers): void {
    const now = this.clock.now();
    this.tighten(headers, now);
    if (status === 429) {
      this.pauseUntil(now + (retryWaitMs(headers) ?? DEFAULT_RATE_LIMIT_PAUSE_MS));
      this.breaker.succeeded();
    } else if (status >= 500 || status === 408) this.breaker.failed(now);
    else this.breaker.succeeded();
  }

  /** A request that got no answer (a timeout, no connection). */
  observeFailure(): void {
    this.breaker.failed(this.clock.now());
  }

  private async grant(request: { tokens: number; signal?: AbortSignal | undefined }): Promise<Permit> {
    for (;;) {
      request.signal?.throwIfAborted();
      const now = this.clock.now();
      const breaker = this.breaker.check(now);
      if (!breaker.allowed) throw circuitOpen(breaker.retryAfterMs);
      const paused = Math.max(0, this.pausedUntil - now);
      const budget = Math.max(this.requests?.waitFor(1, now) ?? 0, this.tokens?.waitFor(request.tokens, now) ?? 0);
      const waitMs = Math.max(paused, budget);
      if (waitMs === 0) {
        this.requests?.take(1, now);
        this.tokens?.take(request.tokens, now);
        const probe = breaker.allowed && breaker.probe;
        return {
          settle: (used) => {
            this.settle(request.tokens, used);
            // A probe that never got an answer (aborted, say) must not leave the breaker waiting for it forever.
            if (probe) this.breaker.cancelProbe();
          },
        };
      }
      if (breaker.allowed && breaker.probe) this.breaker.cancelProbe();
      if (waitMs > this.holdLimitMs) throw endpointPaused(waitMs, paused > 0);
      await sleep(this.clock, waitMs, request.signal);
    }
  }

  private settle(reserved: number, used: number | undefined): void {
    if (used !== undefined && this.tokens !== undefined) this.tokens.adjust(reserved - used, this.clock.now());
  }

  private pauseUntil(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  private tighten(headers: Headers, now: number): void {
    const limits = readRateLimitHeaders(headers);
    if (limits.limitRequests !== undefined && limits.limitRequests > 0) {
      if (this.requests === undefined) this.requests = requestBucket(limits.limitRequests, now);
      else if (limits.limitRequests < this.requests.perMinute)
        this.requests.slowTo(limits.limitRequests, requestBurst(limits.limitRequests), now);
    }
    if (limits.limitTokens !== undefined && limits.limitTokens > 0) {
      if (this.tokens === undefined) this.tokens = tokenBucket(limits.limitTokens, now);
      else if (limits.limitTokens < this.tokens.perMinute)
        this.tokens.slowTo(limits.limitTokens, limits.limitTokens / (60 / TOKEN_BURST_SECONDS), now);
    }
    if (limits.remainingRequests !== undefined) this.requests?.capAt(limits.remainingRequests, now);
    if (limits.remainingTokens !== undefined) this.tokens?.capAt(limits.remainingTokens, now);
    if (limits.remainingRequests === 0 && limits.resetRequestsMs !== undefined) this.pauseUntil(now + limits.resetRequestsMs);
    if (limits.remainingTokens === 0 && limits.resetTokensMs !== undefined) this.pauseUntil(now + limits.resetTokensMs);
  }
}

const requestBurst = (perMinute: number) => Math.max(1, (perMinute / 60) * REQUEST_BURST_SECONDS);
const requestBucket = (perMinute: number, now: number) => new TokenBucket(perMinute, requestBurst(perMinute), now);
const tokenBucket = (perMinute: number, now: number) => new TokenBucket(perMinute, perMinute / (60 / TOKEN_BURST_SECONDS), now);

function circuitOpen(retryAfterMs: number): AppError {
  return new AppError({
    code: "LLM_FAILED",
    message: `LLM endpoint failed too many times in a row: Baton stops calling it for ${Math.ceil(retryAfterMs / 1000)} s (circuit breaker); run again later or check the server`,
    context: { cause: "circuit_open", retryAfterMs },
  });
}

function endpointPaused(retryAfterMs: number, toldToWait: boolean): AppError {
  const why = toldToWait ? "the endpoint asked to wait (rate limit)" : "the request budget (BATON_LLM_RPM, BATON_LLM_TPM) is spent";
  return new AppError({
    code: "LLM_FAILED",
    message: `LLM call postponed by ${Math.ceil(retryAfterMs / 1000)} s: ${why}`,
    context: { cause: "endpoint_paused", retryAfterMs },
  });
}
