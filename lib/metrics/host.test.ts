// Host busy, idle and utilization, and the host think time of each move, worked by hand.
import { describe, expect, it } from 'vitest';
import { simulMetrics } from './metrics-fold';
import type { MoveThink } from './thinks';
import type { SimulEvent } from '../simul/types';
import { alternateLog, syncLog, threeBoardLog, type LogBuilder } from './test-logs';

const sec = (ms: number) => ms / 1000;

function measure(log: LogBuilder | readonly SimulEvent[], now?: number) {
  const metrics = simulMetrics('events' in log ? log.events : log, now)!;
  return { usage: metrics, thinks: metrics.moves };
}

const hostThinks = (thinks: MoveThink[]) =>
  thinks.filter((m) => m.by === 'host').map((m) => [m.board, sec(m.think)]);

describe('host usage', () => {
  it('async, three boards: busy while any board awaits the host', () => {
    const { usage } = measure(threeBoardLog());
    // Busy 0-9, 12-20, 24-28, 33-35.
    expect([sec(usage.elapsed), sec(usage.busy), sec(usage.idle)]).toEqual([35, 23, 12]);
    expect(usage.utilization).toBeCloseTo(23 / 35, 12);
  });

  it('sync: idle while the one live game waits on its opponent', () => {
    const { usage } = measure(syncLog());
    // Busy 0-3, 10-15, 20-26; board 2's queued time is not the host's.
    expect([sec(usage.elapsed), sec(usage.busy), sec(usage.idle)]).toEqual([26, 14, 12]);
  });

  it('host playing black: idle until the opponent has moved', () => {
    const { usage } = measure(alternateLog());
    // Busy 0-5, 6-8, 9-14; idle 5-6, 8-9, 14-20.
    expect([sec(usage.elapsed), sec(usage.busy), sec(usage.idle)]).toEqual([20, 12, 8]);
    expect(usage.utilization).toBe(0.6);
  });

  it('measures a running simul up to now', () => {
    const events = threeBoardLog().events.filter((e) => e.at <= 25_000);
    const { usage } = measure(events, 26_000);
    expect([sec(usage.end), sec(usage.busy), sec(usage.idle)]).toEqual([26, 19, 7]);
  });

  it('is all zero at the start instant', () => {
    const events = threeBoardLog().events.filter((e) => e.at === 0);
    const { usage } = measure(events);
    expect(usage).toMatchObject({ elapsed: 0, busy: 0, idle: 0, utilization: 0 });
  });
});

describe('host think per move', () => {
  it('is the busy part since the host’s previous move on any board', () => {
    const { usage, thinks } = measure(threeBoardLog());
    expect(hostThinks(thinks)).toEqual([
      [1, 4], [2, 2], [3, 3], // from the start: 0-4, 4-6, 6-9
      [1, 3], // 9-15, idle 9-12
      [2, 3], [3, 2],
      [1, 3], // 20-27, idle 20-24
      [3, 1],
    ]);
    // After the last host move (28), board 3 awaited the host 33-35 until the draw.
    expect(sec(usage.busyAfterLastMove)).toBe(2);
  });

  it('sums with the busy time after the last move to busy, exactly', () => {
    for (const log of [threeBoardLog(), syncLog(), alternateLog()]) {
      const { usage, thinks } = measure(log);
      const sum = thinks.filter((m) => m.by === 'host').reduce((a, m) => a + m.think, 0);
      expect(sum + usage.busyAfterLastMove).toBe(usage.busy);
    }
  });

  it('sync: the host resigning leaves its last wait unattributed to any move', () => {
    const { usage, thinks } = measure(syncLog());
    expect(hostThinks(thinks)).toEqual([[1, 3], [1, 2], [2, 3]]);
    expect(sec(usage.busyAfterLastMove)).toBe(6);
  });

  it('host playing black: the opponent’s first think is not the host’s', () => {
    const { usage, thinks } = measure(alternateLog());
    expect(hostThinks(thinks)).toEqual([[1, 5], [2, 2], [1, 4], [2, 1]]);
    expect(usage.busyAfterLastMove).toBe(0);
  });
});

describe('opponent think per move', () => {
  it('runs from the host’s last move on that board, or the game’s start', () => {
    const opp = (log: LogBuilder) =>
      measure(log).thinks.filter((m) => m.by === 'opponent').map((m) => [m.board, sec(m.think)]);
    expect(opp(threeBoardLog())).toEqual([[1, 8], [2, 8], [3, 7], [3, 4], [1, 10], [3, 5]]);
    expect(opp(syncLog())).toEqual([[1, 7], [2, 5]]);
    expect(opp(alternateLog())).toEqual([[2, 6], [1, 4], [2, 4]]);
  });
});
