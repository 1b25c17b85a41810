// Per-client rate limit for writes: a token bucket per client address, refilled continuously. Answers how
// long to wait, for the 429's Retry-After.

export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();

  /** `perMinute` requests a minute on average, bursts of up to `burst`. */
  constructor(private readonly perMinute: number, private readonly burst: number, private readonly now: () => number = Date.now) {}

  /** 0 when the request may go ahead (a token is taken), else the seconds to wait. */
  take(client: string): number {
    const t = this.now();
    const rate = this.perMinute / 60_000;
    const b = this.buckets.get(client) ?? { tokens: this.burst, at: t };
    b.tokens = Math.min(this.burst, b.tokens + (t - b.at) * rate);
    b.at = t;
    this.buckets.set(client, b);
    if (this.buckets.size > 10_000) this.sweep(t, rate);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / rate / 1000));
  }

  /** Full buckets say nothing: forget them, so many clients cannot grow the map without bound. */
  private sweep(t: number, rate: number): void {
    for (const [k, b] of this.buckets) if (b.tokens + (t - b.at) * rate >= this.burst) this.buckets.delete(k);
  }
}
