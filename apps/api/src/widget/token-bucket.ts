export type TakeResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * In-memory token buckets: each key holds up to `perMinute` tokens and regains perMinute/60 a second.
 * Idle buckets (full again) are dropped on a periodic sweep, so memory follows active keys only.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.lastSweep = now();
  }

  /** Takes one token from each key, or from none if any of them is empty. */
  static takeAll(entries: [TokenBuckets, string][]): TakeResult {
    const waits = entries.map(([buckets, key]) => buckets.waitSeconds(key));
    const retryAfterSeconds = Math.max(0, ...waits);
    if (retryAfterSeconds > 0) {
      return { allowed: false, retryAfterSeconds };
    }
    for (const [buckets, key] of entries) {
      buckets.take(key);
    }
    return { allowed: true };
  }

  /** Whole seconds until `key` has a token again; 0 when it has one now. */
  waitSeconds(key: string): number {
    const tokens = this.refilled(key).tokens;
    return tokens >= 1 ? 0 : Math.ceil(((1 - tokens) * 60) / this.perMinute);
  }

  take(key: string): void {
    const bucket = this.refilled(key);
    bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    this.sweep();
  }

  get size(): number {
    return this.buckets.size;
  }

  private refilled(key: string): Bucket {
    const now = this.now();
    const bucket = this.buckets.get(key);
    if (!bucket) {
      return { tokens: this.perMinute, updatedAt: now };
    }
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + ((now - bucket.updatedAt) / 60_000) * this.perMinute);
    bucket.updatedAt = now;
    return bucket;
  }

  private sweep(): void {
    const now = this.now();
    if (now - this.lastSweep < 60_000) {
      return;
    }
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.updatedAt) / 60_000) * this.perMinute >= this.perMinute) {
        this.buckets.delete(key);
      }
    }
  }
}
