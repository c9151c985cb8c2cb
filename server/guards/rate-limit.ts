// Token buckets: a burst is fine, a flood is refused without slowing anyone else.
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private capacity: number,
    private perSecond: number,
    private now: () => number,
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  /** Takes `n` tokens if there are that many; otherwise takes none. */
  take(n = 1): boolean {
    this.refill();
    if (this.tokens < n) return false;
    this.tokens -= n;
    return true;
  }

  /** Whether `n` tokens are there now, without taking them. */
  has(n = 1): boolean {
    this.refill();
    return this.tokens >= n;
  }

  /** Milliseconds until `n` tokens are there (0 when they are). */
  msUntil(n = 1): number {
    this.refill();
    if (this.tokens >= n) return 0;
    return Math.ceil(((Math.min(n, this.capacity) - this.tokens) / this.perSecond) * 1000);
  }

  isFull(): boolean {
    this.refill();
    return this.tokens >= this.capacity;
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
  }
}

/** One bucket per key (a network, a network in one simul), forgotten once full again so the map stays small. */
export class BucketsByKey {
  private buckets = new Map<string, TokenBucket>();

  constructor(
    private capacity: number,
    private perSecond: number,
    private now: () => number,
    /** Makes a key's bucket (in a cluster, one whose takes also count across the nodes). */
    private make: (key: string) => TokenBucket = () => new TokenBucket(capacity, perSecond, now),
  ) {}

  get(key: string): TokenBucket {
    if (this.buckets.size > 10_000) this.forgetFull();
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = this.make(key)));
    return bucket;
  }

  take(key: string, n = 1): boolean {
    return this.get(key).take(n);
  }

  private forgetFull(): void {
    for (const [key, bucket] of this.buckets) if (bucket.isFull()) this.buckets.delete(key);
  }
}
