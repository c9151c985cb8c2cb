// A board whose student joined after the start: its waits start when its game begins (async:
// at the join; sync: queued from the join), worked by hand on the logs in test-logs.ts.
import { describe, expect, it } from 'vitest';
import { replay } from '../simul/evolve';
import type { SimulEvent } from '../simul/types';
import { MetricsFold, simulMetrics } from './metrics-fold';
import { lateJoinLog, syncLateJoinLog } from './test-logs';
import { wholeLogMetrics } from './whole-log-metrics';

const sec = (ms: number) => ms / 1000;

const figures = (events: readonly SimulEvent[]) =>
  simulMetrics(events)!.boards.map((r) => ({
    board: r.board,
    moves: r.moves,
    hostThink: sec(r.hostThink),
    opponentThink: sec(r.opponentThink),
    wait: sec(r.wait),
    queueWait: sec(r.queueWait),
    longestWait: sec(r.longestWait),
    duration: r.duration === null ? null : sec(r.duration),
  }));

describe('a late joiner’s board in the figures', () => {
  it('is a log the simul itself replays', () => {
    for (const log of [lateJoinLog(), syncLateJoinLog()]) {
      const state = replay(log.events);
      expect(state.order).toEqual([1, 2, 3]);
      expect(state.phase).toBe('finished');
    }
  });

  it('async: the host is busy while any board, the late one included, awaits it', () => {
    const m = simulMetrics(lateJoinLog().events)!;
    // Busy 0-6, 10-17, 18-23, 28-30.
    expect([sec(m.elapsed), sec(m.busy), sec(m.idle)]).toEqual([30, 20, 10]);
    expect(m.utilization).toBeCloseTo(20 / 30, 12);
    expect(m.readyQueue.map((p) => [sec(p.at), p.length])).toEqual([
      [0, 2], [4, 1], [6, 0], [10, 1], [12, 2], [15, 1], [17, 0], [18, 1], [20, 2], [21, 1], [23, 0], [28, 1], [30, 0],
    ]);
  });

  it('async: the late board waits from its join, never before', () => {
    expect(figures(lateJoinLog().events)).toEqual([
      // Awaits the host 0-4 and 12-17 (12-15 while the host thinks on board 3); the opponent
      // thinks 4-12 (17-25 ends in the draw, not a move: no think).
      { board: 1, moves: 3, hostThink: 6, opponentThink: 8, wait: 9, queueWait: 3, longestWait: 5, duration: 25 },
      // Awaits the host 0-6 (0-4 while the host thinks on board 1) and 18-21; the opponent thinks 6-18.
      { board: 2, moves: 3, hostThink: 5, opponentThink: 12, wait: 9, queueWait: 4, longestWait: 6, duration: 25 },
      // Joins at 10: awaits the host 10-15, 20-23 (20-21 behind board 2) and 28-30.
      { board: 3, moves: 5, hostThink: 9, opponentThink: 10, wait: 10, queueWait: 1, longestWait: 5, duration: 20 },
    ]);
  });

  it('sync: the late board is queued from its join, and that time counts as its wait', () => {
    const m = simulMetrics(syncLateJoinLog().events)!;
    // Busy 0-3, 10-15, 20-28.
    expect([sec(m.elapsed), sec(m.busy), sec(m.idle)]).toEqual([30, 16, 14]);
    expect(figures(syncLateJoinLog().events)[2]).toEqual(
      // Queued 5-26 (busy 10-15 and 20-26), then awaits the host 26-28. The host's move at 28
      // took 20-28 (busy since its last move, board 2's resigned wait included); the opponent
      // resigns at 30 without a move.
      { board: 3, moves: 1, hostThink: 8, opponentThink: 0, wait: 23, queueWait: 11, longestWait: 23, duration: 4 },
    );
  });

  it('the incremental fold agrees with the whole-log reading after every event', () => {
    for (const log of [lateJoinLog(), syncLateJoinLog()]) {
      const fold = new MetricsFold();
      log.events.forEach((e, i) => {
        fold.add(e);
        for (const now of [undefined, e.at + 700]) {
          expect(fold.at(now), `after event ${i + 1}`).toEqual(wholeLogMetrics(log.events.slice(0, i + 1), now));
        }
      });
    }
  });
});
