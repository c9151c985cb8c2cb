// The dashboard's one call, end to end: the lesson's simul played in both modes, the
// hand-built logs, a running simul, and the cost on a big one.
import { describe, expect, it } from 'vitest';
import { simulMetrics } from './index';
import { LESSON_CASES, LogBuilder, alternateLog, lessonLog, syncLog, threeBoardLog } from './test-logs';

const sec = (ms: number) => ms / 1000;

describe('simulMetrics', () => {
  it('is null before the start', () => {
    expect(simulMetrics(new LogBuilder({ boards: 3 }).events)).toBeNull();
  });

  for (const { n, S, A } of LESSON_CASES) {
    it(`the lesson played with ${n} board(s): live and projected totals agree with the closed form`, () => {
      const busy = n * 30 * 5;
      const async = simulMetrics(lessonLog('async', n, 5, 55, 30).events)!;
      expect([sec(async.elapsed), sec(async.busy), sec(async.idle)]).toEqual([A, busy, A - busy]);
      expect(async.comparison).toEqual({
        actual: { mode: 'async', total: A * 1000 },
        projected: { mode: 'sync', total: S * 1000 },
        sync: S * 1000,
        async: A * 1000,
        speedUp: S / A,
      });
      // Replaying the async simul's own thinks through the rotation gives it back.
      expect(sec(async.projection.async)).toBe(A);

      const sync = simulMetrics(lessonLog('sync', n, 5, 55, 30).events)!;
      expect([sec(sync.elapsed), sec(sync.busy), sec(sync.idle)]).toEqual([S, busy, S - busy]);
      expect(sync.comparison.projected).toEqual({ mode: 'async', total: A * 1000 });
      expect(sync.comparison.speedUp).toBe(S / A);

      for (const m of [async, sync]) {
        expect(new Set(m.moves.map((mv) => sec(mv.think)))).toEqual(new Set([5, 55]));
        expect(m.busyAfterLastMove).toBe(0);
      }
    });
  }

  it('the lesson, async: each opponent waits a lap minus their own move pair per round', () => {
    const m = simulMetrics(lessonLog('async', 24, 5, 55, 30).events)!;
    const [first, , , last] = [m.boards[0], m.boards[1], m.boards[2], m.boards[23]];
    // Board 1: the host's first move (5 s), then 29 rounds of 60 s awaiting + 5 s think.
    expect([sec(first.wait), sec(first.queueWait), sec(first.longestWait)]).toEqual([1_890, 1_740, 65]);
    expect([sec(first.opponentThink), sec(first.hostThink), first.moves]).toEqual([1_650, 150, 60]);
    // Board 24 waits for the 23 boards before it at the start.
    expect(sec(last.longestWait)).toBe(120);
    expect(m.readyQueue[0]).toEqual({ at: 0, length: 24 });
    expect(m.utilization).toBeCloseTo(3_600 / 3_655, 12);
  });

  it('the lesson, sync: a board’s queued time counts as waiting', () => {
    const m = simulMetrics(lessonLog('sync', 24, 5, 55, 30).events)!;
    const last = m.boards[23];
    expect(sec(last.wait)).toBe(23 * 1_800 + 150);
    expect(sec(last.queueWait)).toBe(23 * 150);
    expect(sec(last.longestWait)).toBe(23 * 1_800 + 5);
    expect(m.timeline[23].segments[0]).toMatchObject({ state: 'queued', from: 0, to: 23 * 1_800_000 });
  });

  it('hand-built logs: actual against projected', () => {
    const three = simulMetrics(threeBoardLog().events)!;
    expect(three.comparison).toMatchObject({ sync: 63_000, async: 35_000, speedUp: 1.8 });
    expect(three.projection).toEqual({ sync: 63_000, async: 30_000, speedUp: 2.1 });

    const sync = simulMetrics(syncLog().events)!;
    expect(sync.comparison).toMatchObject({ sync: 26_000, async: 12_000, speedUp: 26 / 12 });

    const alt = simulMetrics(alternateLog().events)!;
    expect(alt.comparison).toMatchObject({ sync: 26_000, async: 20_000, speedUp: 1.3 });
    expect(alt).toMatchObject({ mode: 'async', running: false, endedEarly: false, utilization: 0.6 });
  });

  it('a running simul: measured to now, projected from the moves so far', () => {
    const events = threeBoardLog().events.filter((e) => e.at <= 25_000);
    const m = simulMetrics(events, 26_000)!;
    expect(m).toMatchObject({ running: true, end: 26_000, elapsed: 26_000, busy: 19_000 });
    expect(m.boards.map((b) => b.status)).toEqual(['playing', 'playing', 'playing']);
    expect(m.comparison.actual).toEqual({ mode: 'async', total: 26_000 });
  });

  it('stays quick on a 100-board simul of 60 move pairs a game (12,000 moves)', () => {
    const events = lessonLog('async', 100, 5_000, 55_000, 60).events;
    // Uncontended this takes about 10 ms; the budget only catches a step that grows
    // faster than the log (quadratic would take seconds here), not a busy test machine.
    let best = Infinity;
    let m = simulMetrics(events)!;
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      m = simulMetrics(events)!;
      best = Math.min(best, performance.now() - t0);
    }
    expect(m.moves).toHaveLength(12_000);
    expect(best).toBeLessThan(1_000);
  });
});
