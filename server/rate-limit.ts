// A token bucket per socket: a burst is fine, a flood is refused without slowing anyone else.
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

  take(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
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

/** One bucket per key (a network address), forgotten once full again so the map stays small. */
export class BucketsByKey {
  private buckets = new Map<string, TokenBucket>();

  constructor(
    private capacity: number,
    private perSecond: number,
    private now: () => number = () => performance.now(),
  ) {}

  take(key: string): boolean {
    if (this.buckets.size > 10_000) this.forgetFull();
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = new TokenBucket(this.capacity, this.perSecond, this.now)));
    return bucket.take();
  }

  private forgetFull(): void {
    for (const [key, bucket] of this.buckets) if (bucket.isFull()) this.buckets.delete(key);
  }
}
