/** Consecutive failed requests (5xx, timeouts, no connection) that open the breaker. */
export const BREAKER_THRESHOLD = 5;
/** First pause once open; doubled after each failed probe, up to the maximum. */
export const BREAKER_COOLDOWN_MS = 30_000;
export const BREAKER_MAX_COOLDOWN_MS = 300_000;

export type BreakerVerdict = { allowed: true; probe: boolean } | { allowed: false; retryAfterMs: number };

/**
 * Stops calling an endpoint that keeps failing: open for a cooldown after BREAKER_THRESHOLD failures in a row,
 * then one probe request; its success closes the breaker, its failure opens it for twice as long.
 */
export class CircuitBreaker {
  private failures = 0;
  private openUntil: number | undefined;
  private cooldownMs = BREAKER_COOLDOWN_MS;
  private probing = false;

  /** Whether a request may go now (and whether it is the probe). */
  check(now: number): BreakerVerdict {
    if (this.openUntil === undefined) return { allowed: true, probe: false };
    if (now < this.openUntil) return { allowed: false, retryAfterMs: this.openUntil - now };
    // Half-open: one probe at a time; the others come back once it has answered.
    if (this.probing) return { allowed: false, retryAfterMs: Math.min(this.cooldownMs, 5_000) };
    this.probing = true;
    return { allowed: true, probe: true };
  }

  /** The probe was not sent after all (the caller gave up): let another one go. */
  cancelProbe(): void {
    this.probing = false;
  }

  succeeded(): void {
    this.failures = 0;
    this.openUntil = undefined;
    this.cooldownMs = BREAKER_COOLDOWN_MS;
    this.probing = false;
  }

  failed(now: number): void {
    this.failures += 1;
    if (this.probing) {
      this.probing = false;
      this.cooldownMs = Math.min(BREAKER_MAX_COOLDOWN_MS, this.cooldownMs * 2);
      this.openUntil = now + this.cooldownMs;
    } else if (this.openUntil === undefined && this.failures >= BREAKER_THRESHOLD) {
      this.openUntil = now + this.cooldownMs;
    }
  }

  get isOpen(): boolean {
    return this.openUntil !== undefined;
  }
}
