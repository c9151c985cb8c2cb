// The scrubbed simul agrees with the live screens at every event: its figures with the
// dashboard's (a fold fed the events as they came, read at that moment), its state with the
// state a console folded live, whatever order the moments are asked in.
import { describe, expect, it } from 'vitest';
import { Prng } from '../random';
import { replay } from '../simul/evolve';
import { readyQueue } from '../simul/rotation';
import type { SimulState } from '../simul/types';
import { fixtureLogs } from './fixture-logs';
import { MetricsFold } from './metrics-fold';
import { CHECKPOINT_EVERY, scrubAt, SimulScrubber } from './scrub';
import { lessonLog, threeBoardLog } from './test-logs';

/** What a screen shows of the state: each board's position and status, where the host is, the ready queue. */
function shown(state: SimulState) {
  return {
    phase: state.phase,
    focus: state.focus,
    order: [...state.order],
    ready: readyQueue(state),
    boards: state.order.map((n) => {
      const b = state.boards.get(n)!;
      return { n, fen: b.chess.fen(), status: b.status, moves: b.moveCount, result: b.result, turnSince: b.turnSince, clock: b.clock };
    }),
  };
}

const LOGS = fixtureLogs().map((l) => [l.name, l.events] as const);

describe('SimulScrubber', () => {
  it.each(LOGS)('%s: at every event, the dashboard’s figures and the console’s state', (_name, events) => {
    const scrubber = new SimulScrubber(events);
    const dashboard = new MetricsFold();
    const checks: { k: number; metrics: string; shown: ReturnType<typeof shown> }[] = [];
    events.forEach((e, i) => {
      dashboard.add(e);
      const live = replay(events.slice(0, i + 1));
      checks.push({ k: i + 1, metrics: JSON.stringify(dashboard.at(e.at)), shown: shown(live) });
      const moment = scrubber.atEvent(i + 1);
      expect(JSON.stringify(moment.metrics), `after event ${i + 1} (${e.type})`).toBe(checks[i].metrics);
      expect(shown(moment.state)).toEqual(checks[i].shown);
    });
    // Asked again out of order (back and forth, as a drag goes), the same moments.
    const prng = new Prng(3);
    for (let n = 0; n < 40; n++) {
      const c = checks[prng.int(0, checks.length - 1)];
      const moment = scrubber.atEvent(c.k);
      expect(JSON.stringify(moment.metrics), `again at event ${c.k}`).toBe(c.metrics);
      expect(shown(moment.state)).toEqual(c.shown);
    }
  });

  it.each(LOGS)('%s: at a moment between events, the figures measured to it', (_name, events) => {
    const scrubber = new SimulScrubber(events);
    const times = [...new Set(events.map((e) => e.at))];
    for (const t of [...times.map((t) => t + 500), ...times].reverse()) {
      const sofar = events.filter((e) => e.at <= t);
      const dashboard = new MetricsFold();
      for (const e of sofar) dashboard.add(e);
      const moment = scrubber.at(t);
      expect(moment.count).toBe(sofar.length);
      expect(moment.at).toBe(t);
      expect(JSON.stringify(moment.metrics), `at ${t}`).toBe(JSON.stringify(dashboard.at(t)));
      expect(shown(moment.state)).toEqual(shown(replay(sofar)));
    }
  });

  it('goes back past its saved states on a long log', () => {
    const events = lessonLog('async', 12, 5, 55, 20).events;
    expect(events.length).toBeGreaterThan(2 * CHECKPOINT_EVERY);
    const scrubber = new SimulScrubber(events);
    for (const k of [events.length, CHECKPOINT_EVERY + 7, CHECKPOINT_EVERY, 3, 2 * CHECKPOINT_EVERY + 1, CHECKPOINT_EVERY - 1, events.length]) {
      const sofar = events.slice(0, k);
      const moment = scrubber.atEvent(k);
      const dashboard = new MetricsFold();
      for (const e of sofar) dashboard.add(e);
      expect(JSON.stringify(moment.metrics), `at event ${k}`).toBe(JSON.stringify(dashboard.at(sofar.at(-1)!.at)));
      expect(shown(moment.state)).toEqual(shown(replay(sofar)));
    }
  });

  it('is null before the start and the whole simul after its end', () => {
    const events = threeBoardLog().events;
    const before = scrubAt(events, -1);
    expect(before.count).toBe(0);
    expect(before.metrics).toBeNull();
    expect(before.state.phase).toBe('lobby');
    const scrubber = new SimulScrubber(events);
    expect(scrubber.start).toBe(0);
    expect(scrubber.end).toBe(35_000);
    const after = scrubber.at(99_000);
    expect(after.count).toBe(events.length);
    // A finished simul is measured to its last game's end, as the review measures it.
    expect(after.metrics!.elapsed).toBe(35_000);
    expect(after.state.phase).toBe('finished');
    // Stepping from event to event: the moments something happened, on either side of a moment.
    expect(scrubber.nextMoment(13_000)).toBe(14_000);
    expect(scrubber.nextMoment(14_000)).toBe(15_000);
    expect(scrubber.previousMoment(14_000)).toBe(12_000);
    expect(scrubber.previousMoment(14_500)).toBe(14_000);
    expect(scrubber.previousMoment(0)).toBeNull();
    expect(scrubber.nextMoment(35_000)).toBeNull();
  });

  it('at 13 s of the three-board simul: the positions, where the host was, the ready queue and the waiting set', () => {
    const { state, metrics } = scrubAt(threeBoardLog().events, 13_000);
    // Board 1's opponent replied at 12: it awaits the host, who went to it; 2 and 3 await their opponents.
    expect(state.focus).toBe(1);
    expect(readyQueue(state)).toEqual([1]);
    expect(state.order.filter((n) => state.boards.get(n)!.status === 'playing' && state.boards.get(n)!.chess.turn() === 'b')).toEqual([2, 3]);
    expect(state.boards.get(1)!.chess.fen().split(' ')[0]).toBe('rnbqkb1r/pppppppp/5n2/8/8/5N2/PPPPPPPP/RNBQKB1R');
    // Busy 0-9 and 12-13: 10 s of 13.
    expect(metrics!.busy).toBe(10_000);
    expect(metrics!.elapsed).toBe(13_000);
  });
});
