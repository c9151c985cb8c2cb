// How the host rotates: table order, first ready (FIFO), most urgent (the lowest host clock).
// In app/, the one layer that may read every view (lib/layers.test.ts keeps lib/simul from importing them).
import { describe, expect, it } from 'vitest';
import { en } from './words/en';
import { consoleQueue } from '../lib/client/use-simul';
import { simulMetrics } from '../lib/metrics/metrics-fold';
import { lookOf } from '../lib/simul/board-look';
import { boardsOf } from '../lib/simul/evolve';
import { hostWhere, phoneStatus } from '../lib/simul/phone-status';
import { awaitingHostInOrder, boardsBefore, hostBoard, nextBoard, readyQueue } from '../lib/simul/rotation';
import { summarize } from '../lib/simul/summary';
import { HOST, TestSimul } from '../lib/simul/test-log';
import type { Rotation } from '../lib/simul/types';

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

describe('one answer: where the host is, where it goes, how many boards before yours (issue 27 rows 1-3)', () => {
  /** First ready, 4 boards: the host at 2 while students 1, 4 and 3 move in that order. */
  function firstReady() {
    const s = new TestSimul({ boards: 4, now: 0, rotation: 'first-ready' });
    s.seatAndStart('Ada', 'Bo', 'Cy', 'Di');
    s.tick(SECOND).play(1, 'e4'); // the host goes on to 2
    s.tick(SECOND).ok(HOST, { type: 'focus', board: 3 });
    s.play(3, 'e4');
    s.tick(SECOND).play(4, 'e4');
    expect(s.state.focus).toBe(2);
    s.tick(SECOND).play(1, 'e5');
    s.tick(SECOND).play(4, 'e5');
    s.tick(SECOND).play(3, 'e5');
    return s;
  }

  it('row 1: after the host moves on 2, it is at board 1, and the timeline’s open host-thinking band is there', () => {
    const s = firstReady();
    s.tick(SECOND).play(2, 'e4');
    expect(hostBoard(s.state)).toBe(1);
    expect(awaitingHostInOrder(s.state)).toEqual([1, 4, 3]);
    const metrics = simulMetrics(s.log, s.now + 2 * SECOND)!;
    const thinking = metrics.timeline.filter((t) => t.segments.at(-1)?.state === 'host-think').map((t) => t.board);
    expect(thinking).toEqual([1]);
  });

  it('row 2: N goes to the board after the one the host is at, and its hint names it', () => {
    const s = firstReady();
    s.tick(SECOND).play(2, 'e4');
    expect(nextBoard(s.state)).toBe(4);
    expect(consoleQueue(s.state).next).toBe(4);
    expect(en.console.keys.next(consoleQueue(s.state).next)).toContain('board 4');
  });

  it('row 3: most urgent, the host at 2, the rule’s order 4, 3, 1: phone 4 has 1 board before it, phone 3 has 2', () => {
    const s = new TestSimul({ boards: 4, now: 0, rotation: 'most-urgent', clock: { initialMs: 60 * SECOND, incrementMs: 0, hostExtraMs: 0 } });
    s.seatAndStart('Ada', 'Bo', 'Cy', 'Di');
    for (const n of [1, 2, 3, 4]) s.tick(SECOND).play(n, 'e4');
    expect(s.state.focus).toBeNull();
    s.tick(SECOND).play(2, 'e5'); // the host's deadline on 2: 5 + 58 = 63 s
    s.tick(500).play(4, 'e5'); // 5.5 + 56 = 61.5 s
    s.tick(300).play(3, 'e5'); // 5.8 + 57 = 62.8 s
    s.tick(200).play(1, 'e5'); // 6 + 59 = 65 s
    expect(s.state.focus).toBe(2);
    expect(awaitingHostInOrder(s.state)).toEqual([2, 4, 3, 1]);
    expect(boardsBefore(s.state, 2)).toBe(0);
    expect(boardsBefore(s.state, 4)).toBe(1);
    expect(boardsBefore(s.state, 3)).toBe(2);
    expect(boardsBefore(s.state, 1)).toBe(3);
    // The phone's banner, from its summary alone.
    const summary = summarize(s.state);
    expect(phoneStatus(s.board(4), hostWhere(s.state, summary.queue))).toEqual({ kind: 'host-at', at: 2, before: 1 });
    expect(phoneStatus(s.board(3), hostWhere(s.state, summary.queue))).toEqual({ kind: 'host-at', at: 2, before: 2 });
    expect(en.phone.hostAt(2, 1)).toContain('1 board before');
  });

  it('row 12: the host going to another board names the board it left and the one it goes to (both redrawn)', () => {
    const s = new TestSimul({ boards: 3, now: 0 });
    s.seatAndStart('Ada', 'Bo', 'Cy');
    const [focused] = s.ok(HOST, { type: 'focus', board: 3 });
    expect(focused).toMatchObject({ type: 'host-focused', board: 3, from: 1 });
    expect(boardsOf(s.state, focused)).toEqual([1, 3]);
    expect(lookOf(s.state, s.board(1))).toBe('awaiting-host');
    expect(lookOf(s.state, s.board(3))).toBe('host-thinking');
  });
});
