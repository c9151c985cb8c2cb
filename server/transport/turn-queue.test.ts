import { describe, expect, it } from 'vitest';
import { TurnQueue } from './turn-queue';

describe('TurnQueue', () => {
  it('runs one job per event-loop turn, in order, letting I/O and timers run in between', async () => {
    const queue = new TurnQueue();
    const seen: string[] = [];
    const jobs = [1, 2, 3].map((n) => queue.run(() => (seen.push(`job ${n}`), n)));
    // A callback queued after the jobs still runs before the last of them.
    setImmediate(() => seen.push('other work'));
    expect(await Promise.all(jobs)).toEqual([1, 2, 3]);
    expect(seen).toEqual(['job 1', 'other work', 'job 2', 'job 3']);
  });

  it('passes a thrown error to its caller and goes on', async () => {
    const queue = new TurnQueue();
    const failed = queue.run(() => {
      throw new Error('boom');
    });
    const next = queue.run(() => 'next');
    await expect(failed).rejects.toThrow('boom');
    expect(await next).toBe('next');
  });
});
