// Folding the log event by event gives, after every event and at any `now`, exactly the
// figures of the whole-log implementation the fold replaced (whole-log-metrics.ts).
import { describe, expect, it } from 'vitest';
import { evolve, initialState } from '../simul/evolve';
import { awaitingHostInOrder } from '../simul/rotation';
import type { HostColorChoice, Mode, SimulEvent } from '../simul/types';
import { MetricsFold, simulMetrics, type SimulMetrics } from './metrics-fold';
import { alternateLog, lessonLog, randomLog, syncLog, threeBoardLog, LogBuilder } from './test-logs';
import { wholeLogMetrics } from './whole-log-metrics';

/** Deep equality; compared as JSON first, much quicker on the long logs' figures (plain numbers, strings and nulls). */
function expectSame(actual: SimulMetrics | null, expected: SimulMetrics | null, where: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual, where).toEqual(expected);
}

/**
 * Every event folded in turn, read after each (or after every `every`-th, and each of the
 * last `last`): at its last event and a moment later, while the simul may still run.
 */
function expectSameAfterEachEvent(events: readonly SimulEvent[], every = 1, last = 0): void {
  const fold = new MetricsFold();
  const state = initialState();
  events.forEach((e, i) => {
    fold.add(e);
    evolve(state, e);
    if (i % every !== 0 && i < events.length - last) return;
    const sofar = events.slice(0, i + 1);
    for (const now of [undefined, e.at + 700]) {
      expectSame(fold.at(now), wholeLogMetrics(sofar, now, awaitingHostInOrder(state)), `after event ${i + 1} (${e.type}), now ${now}`);
    }
  });
  // Read again past the end, and before it (a server clock behind the log).
  const lastAt = events.at(-1)!.at;
  for (const now of [lastAt - 1_000, lastAt, lastAt + 1, lastAt + 60_000]) {
    expectSame(fold.at(now), wholeLogMetrics(events, now), `at the end, now ${now}`);
  }
}

/** The log up to `seconds`: a simul still running. */
const until = (log: LogBuilder, seconds: number) => log.events.filter((e) => e.at <= seconds * 1000);

describe('MetricsFold', () => {
  it('is null before the start, like the whole log', () => {
    const fold = new MetricsFold();
    for (const e of new LogBuilder({ boards: 3 }).events) fold.add(e);
    expect(fold.at()).toBeNull();
    expect(wholeLogMetrics(new LogBuilder({ boards: 3 }).events)).toBeNull();
  });

  it('the hand-built logs, after every event', () => {
    for (const log of [threeBoardLog(), syncLog(), alternateLog()]) expectSameAfterEachEvent(log.events);
  });

  it('the lesson’s simuls, both modes, after every event', () => {
    for (const mode of ['async', 'sync'] as const) {
      for (const n of [1, 6, 12]) expectSameAfterEachEvent(lessonLog(mode, n, 5, 55, 4).events);
    }
  });

  it('random logs in every mode and colour, after every event', () => {
    const cases: [Mode, HostColorChoice][] = [
      ['async', 'white'],
      ['async', 'black'],
      ['async', 'alternate'],
      ['sync', 'white'],
      ['sync', 'alternate'],
    ];
    for (const [mode, hostColor] of cases) {
      for (let seed = 1; seed <= 30; seed++) expectSameAfterEachEvent(randomLog(seed, mode, hostColor, 1 + (seed % 8)).events);
    }
  });

  it('100 boards of 60 plies, both modes: read after every 200th event and the last 50', () => {
    // Read after every event, the old whole-log side alone would take minutes here.
    expectSameAfterEachEvent(randomLog(11, 'async', 'alternate', 100, 60).events, 200, 50);
    expectSameAfterEachEvent(randomLog(12, 'sync', 'white', 100, 60).events, 200, 50);
  }, 300_000);

  it('a figure read once does not change as more events are folded', () => {
    const events = until(threeBoardLog(), 25);
    const fold = new MetricsFold();
    for (const e of events.slice(0, -4)) fold.add(e);
    const early = fold.at(24_000)!;
    const copy = structuredClone(early);
    for (const e of events.slice(-4)) fold.add(e);
    fold.at(26_000);
    expect(early).toEqual(copy);
  });

  it('simulMetrics is the fold over the whole log', () => {
    const events = until(threeBoardLog(), 25);
    expect(simulMetrics(events, 26_000)).toEqual(wholeLogMetrics(events, 26_000));
  });
});
