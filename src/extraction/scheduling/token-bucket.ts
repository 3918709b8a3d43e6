/**
 * A budget refilled continuously at `perMinute`, holding at most `capacity`. A take larger than the capacity is
 * allowed once the bucket is full (the level goes below zero), so one oversized request is slow, never stuck.
 */
export class TokenBucket {
  perMinute: number;
  capacity: number;
  private level: number;
  private updatedAt: number;

  constructor(perMinute: number, capacity: number, now: number) {
    this.perMinute = perMinute;
    this.capacity = capacity;
    this.level = capacity;
    this.updatedAt = now;
  }

  /** Milliseconds until `amount` can be taken (0: now). */
  waitFor(amount: number, now: number): number {
    this.refill(now);
    const needed = Math.min(amount, this.capacity);
    if (this.level >= needed) return 0;
    return Math.ceil(((needed - this.level) * 60_000) / this.perMinute);
  }

  take(amount: number, now: number): void {
    this.refill(now);
    this.level -= amount;
  }

  /** Gives back what a request did not use (its estimate was higher than its cost), or takes the difference. */
  adjust(amount: number, now: number): void {
    this.refill(now);
    this.level = Math.min(this.capacity, this.level + amount);
  }

  /** What the endpoint says is left: the budget never holds more than that. */
  capAt(remaining: number, now: number): void {
    this.refill(now);
    this.level = Math.min(this.level, remaining);
  }

  /** A lower rate than configured (the endpoint's own limit); capacity scales with it. */
  slowTo(perMinute: number, capacity: number, now: number): void {
    this.refill(now);
    this.perMinute = perMinute;
    this.capacity = capacity;
    this.level = Math.min(this.level, capacity);
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.updatedAt);
    this.level = Math.min(this.capacity, this.level + (elapsed * this.perMinute) / 60_000);
    this.updatedAt = now;
  }
}
