import { describe, expect, it } from 'vitest';
import { BucketsByKey, TokenBucket } from './rate-limit';

describe('rate limits', () => {
  it('allows a burst, refuses a flood, and refills with time', () => {
    let t = 0;
    const bucket = new TokenBucket(3, 2, () => t);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    t += 500; // half a second at 2 per second: one more
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    t += 10_000;
    expect(bucket.isFull()).toBe(true);
  });

  it('takes many tokens at once or none, and says how long until there are enough', () => {
    let t = 0;
    const bytes = new TokenBucket(1000, 100, () => t);
    expect(bytes.take(600)).toBe(true);
    expect(bytes.take(600)).toBe(false);
    expect(bytes.has(400)).toBe(true);
    expect(bytes.msUntil(600)).toBe(2000);
    t += 2000;
    expect(bytes.take(600)).toBe(true);
  });

  it('keeps one bucket per key', () => {
    let t = 0;
    const buckets = new BucketsByKey(1, 1 / 3600, () => t);
    expect(buckets.take('10.0.0.1')).toBe(true);
    expect(buckets.take('10.0.0.1')).toBe(false);
    expect(buckets.take('10.0.0.2')).toBe(true);
    t += 3600_000;
    expect(buckets.take('10.0.0.1')).toBe(true);
  });
});
