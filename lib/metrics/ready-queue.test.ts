// The ready queue's step function and the busy clock read from it, by hand.
import { describe, expect, it } from 'vitest';
import { ReadyQueue } from './ready-queue';

describe('ReadyQueue', () => {
  it('keeps one point per instant, and only changes of length', () => {
    const q = new ReadyQueue();
    q.record(0, 2);
    q.record(4, 1);
    q.record(4, 2); // back to 2 at the same instant: no step at 4
    q.record(6, 2);
    q.record(9, 0);
    expect(q.readUntil(9)).toEqual([{ at: 0, length: 2 }, { at: 9, length: 0 }]);
    expect(q.readUntil(12)).toEqual([{ at: 0, length: 2 }, { at: 9, length: 0 }, { at: 12, length: 0 }]);
  });

  it('reads busy time up to any instant, the last length holding until the end', () => {
    const q = new ReadyQueue();
    q.record(0, 1);
    q.record(5, 0);
    q.record(8, 3);
    const clock = q.clock(20);
    expect(clock.total).toBe(5 + 12);
    expect([0, 3, 5, 7, 8, 10, 20, 30].map((t) => clock.until(t))).toEqual([0, 3, 5, 5, 5, 7, 17, 17]);
    expect(q.clock(8).total).toBe(5);
    expect(new ReadyQueue().clock(10)).toMatchObject({ total: 0 });
  });
});
