// How the host rotates: table order, first ready (FIFO), most urgent (the lowest host clock).
import { describe, expect, it } from 'vitest';
import { readyQueue } from './rotation';
import { TestSimul } from './test-log';
import type { Rotation } from './types';

const SECOND = 1000;

/**
 * Four boards, host white. The host moves on 1, 2, 3 at 1 s, 2 s, 3 s; the students reply in
 * the order 3 (at 4 s), 1 (5 s), 2 (6 s); board 4 has awaited the host since the start.
 */
function played(rotation: Rotation) {
  const clock = { initialMs: 60 * SECOND, incrementMs: 0, hostExtraMs: 0 };
  const s = new TestSimul({ boards: 4, now: 0, rotation, clock });
  s.seatAndStart('Ada', 'Bo', 'Cy', 'Di');
  s.tick(SECOND).play(1, 'e4');
  s.tick(SECOND).play(2, 'e4');
  s.tick(SECOND).play(3, 'e4');
  s.tick(SECOND).play(3, 'e5');
  s.tick(SECOND).play(1, 'e5');
  s.tick(SECOND).play(2, 'e5');
  return s;
}

describe('the rotation', () => {
  it('around the tables: the next board in table order after the one the host left', () => {
    const s = played('table-order');
    expect(s.state.focus).toBe(4);
    expect(readyQueue(s.state)).toEqual([1, 2, 3, 4]);
    s.tick(SECOND).play(4, 'e4');
    expect(s.state.focus).toBe(1);
  });

  it('first ready: the board that has waited longest', () => {
    const s = played('first-ready');
    expect(s.state.focus).toBe(4);
    expect(readyQueue(s.state, 4)).toEqual([4, 3, 1, 2]);
    s.tick(SECOND).play(4, 'e4');
    expect(s.state.focus).toBe(3);
    s.tick(SECOND).play(3, 'Nf3');
    expect(s.state.focus).toBe(1);
  });

  it('most urgent: the lowest host clock; boards 1–3 used 1 s each of the host’s time', () => {
    const s = played('most-urgent');
    // Host clocks at 6 s: board 1: 60 - 1 - 1 = 58 s; board 2: 60 - 2 - 0 = 58 s; board 3: 60 - 3 - 2 = 55 s; board 4: 54 s.
    expect(s.state.focus).toBe(4);
    expect(readyQueue(s.state, 4)).toEqual([4, 3, 1, 2]);
    s.tick(SECOND).play(4, 'e4');
    expect(s.state.focus).toBe(3);
  });

  it('keeps table order among equals: at the start every board has waited as long', () => {
    for (const rotation of ['first-ready', 'most-urgent'] as const) {
      const clock = { initialMs: 60 * SECOND, incrementMs: 0, hostExtraMs: 0 };
      const s = new TestSimul({ boards: 3, now: 0, rotation, clock });
      s.seatAndStart('Ada', 'Bo', 'Cy');
      expect(readyQueue(s.state)).toEqual([2, 3, 1]);
      s.tick(SECOND).play(1, 'e4');
      expect(s.state.focus).toBe(2);
    }
  });
});
