// Per-board rows: think, wait, queue wait, longest wait, moves, result, duration.
import { describe, expect, it } from 'vitest';
import type { SimulEvent } from '../simul/types';
import { simulMetrics } from './metrics-fold';
import { LogBuilder, alternateLog, randomLog, syncLog, threeBoardLog } from './test-logs';

const rowsOf = (events: readonly SimulEvent[], now?: number) => simulMetrics(events, now)!.boards;

const figures = (events: readonly SimulEvent[], now?: number) =>
  rowsOf(events, now).map((r) => ({
    board: r.board,
    moves: r.moves,
    hostThink: r.hostThink / 1000,
    opponentThink: r.opponentThink / 1000,
    wait: r.wait / 1000,
    queueWait: r.queueWait / 1000,
    longestWait: r.longestWait / 1000,
    duration: r.duration === null ? null : r.duration / 1000,
  }));

describe('board rows', () => {
  it('async, three boards ending by mate, resignation and a draw', () => {
    expect(figures(threeBoardLog().events)).toEqual([
      { board: 1, moves: 5, hostThink: 10, opponentThink: 18, wait: 9, queueWait: 0, longestWait: 4, duration: 27 },
      { board: 2, moves: 3, hostThink: 5, opponentThink: 8, wait: 10, queueWait: 5, longestWait: 6, duration: 30 },
      { board: 3, moves: 6, hostThink: 6, opponentThink: 16, wait: 19, queueWait: 10, longestWait: 9, duration: 35 },
    ]);
    expect(rowsOf(threeBoardLog().events).map((r) => [r.status, r.result, r.reason, r.resignedBy, r.opponent])).toEqual([
      ['finished', '1-0', 'checkmate', null, 'P1'],
      ['finished', '1-0', 'resignation', 'opponent', 'P2'],
      ['finished', '1/2-1/2', 'draw-agreed', null, 'P3'],
    ]);
  });

  it('sync: the queued time is waiting, and queue wait while the host thinks on the live board', () => {
    expect(figures(syncLog().events)).toEqual([
      { board: 1, moves: 3, hostThink: 5, opponentThink: 7, wait: 5, queueWait: 0, longestWait: 3, duration: 12 },
      // Queued 0-12 (host busy 0-3 and 10-12), then awaits the host 12-15 and 20-26.
      { board: 2, moves: 2, hostThink: 3, opponentThink: 5, wait: 21, queueWait: 5, longestWait: 15, duration: 14 },
    ]);
  });

  it('host playing black, and an aborted game', () => {
    expect(figures(alternateLog().events)).toEqual([
      { board: 1, moves: 3, hostThink: 9, opponentThink: 4, wait: 9, queueWait: 0, longestWait: 5, duration: 20 },
      { board: 2, moves: 4, hostThink: 3, opponentThink: 10, wait: 4, queueWait: 1, longestWait: 2, duration: 20 },
    ]);
    expect(rowsOf(alternateLog().events).map((r) => [r.hostColor, r.status, r.result])).toEqual([
      ['w', 'finished', '1-0'],
      ['b', 'aborted', null],
    ]);
  });

  it('an early end aborts the games still queued, which never began', () => {
    // Board 1 ends at 12; the host ends the simul instead of starting board 2.
    const ended = new LogBuilder({ boards: 2, mode: 'sync' })
      .start(0)
      .host(1, 3)
      .opponent(1, 10)
      .host(1, 12)
      .end(1, 12, '1-0', 'checkmate')
      .abort(2, 12)
      .finish(12, true).events;
    const [, b2] = rowsOf(ended);
    expect(b2).toMatchObject({ status: 'aborted', startedAt: null, duration: null, moves: 0, wait: 12_000, queueWait: 5_000 });
  });

  it('while running, measures the current wait up to now', () => {
    const events = threeBoardLog().events.filter((e) => e.at <= 25_000);
    const [b1, b2, b3] = figures(events, 26_000);
    expect([b1.wait, b1.duration, b2.wait, b3.wait, b3.queueWait]).toEqual([8, 26, 10, 15, 8]);
  });

  it('on random logs, wait splits into host-think, awaiting-host and queued', () => {
    for (let seed = 1; seed <= 40; seed++) {
      for (const mode of ['async', 'sync'] as const) {
        const log = randomLog(seed, mode, 'alternate', 1 + (seed % 6));
        const { boards: rows, timeline } = simulMetrics(log.events)!;
        for (const [i, row] of rows.entries()) {
          const inWait = timeline[i].segments
            .filter((s) => s.state !== 'opponent-think')
            .reduce((sum, s) => sum + s.to - s.from, 0);
          expect(row.wait).toBe(inWait);
          expect(row.queueWait).toBeLessThanOrEqual(row.wait);
          expect(row.longestWait).toBeLessThanOrEqual(row.wait);
        }
      }
    }
  });
});
