// Test support: the fixture logs every fold is checked on, named (times in s, see test-logs.ts),
// and a simul played with real moves through decide (lib/simul/test-log.ts). Only tests import this.
import { HOST, opponent, TestSimul } from '../simul/test-log';
import type { SimulEvent } from '../simul/types';
import { ruleLog } from './rule-logs';
import { alternateLog, lateJoinLog, lessonLog, randomLog, syncLateJoinLog, syncLog, threeBoardLog } from './test-logs';

interface FixtureLog {
  name: string;
  events: SimulEvent[];
  /**
   * The host always moved where the simul's rotation took it (around the tables, unless the log
   * chose another rule), never idling while a board awaited it: the program, whose host takes the boards by the rule,
   * moves in the log's order.
   */
  byRule: boolean;
}

/** Alternate colours and clocks, the host looking at a board whose opponent thinks, a resignation, a draw and an abort. */
function playedLog(): SimulEvent[] {
  const s = new TestSimul({ boards: 3, hostColor: 'alternate', clock: { initialMs: 600_000, incrementMs: 2_000, hostExtraMs: 60_000 } });
  s.seatAndStart('Ada', 'Bo', 'Cy');
  s.tick(4_000).play(1, 'e4');
  s.tick(3_000).play(2, 'd4');
  s.tick(2_000).play(2, 'Nf6');
  s.tick(1_000).ok(HOST, { type: 'focus', board: 2 });
  s.tick(5_000).play(1, 'e5');
  s.tick(2_000).play(3, 'c4');
  s.tick(6_000).play(3, 'e6');
  s.tick(1_000).ok(opponent(2), { type: 'resign', board: 2 });
  s.tick(3_000).play(1, 'Nf3');
  s.tick(4_000).ok(opponent(1), { type: 'offer-draw', board: 1 });
  s.tick(1_000).ok(HOST, { type: 'answer-draw', board: 1, accept: true });
  s.tick(2_000).ok(HOST, { type: 'abort-game', board: 3 });
  return s.log;
}

export function fixtureLogs(): FixtureLog[] {
  return [
    // Its host moved on board 1 (ready since 25 s) before board 3 (since 24 s).
    { name: 'three boards, async', events: threeBoardLog().events, byRule: false },
    { name: 'two boards, sync', events: syncLog().events, byRule: true },
    { name: 'alternate colours', events: alternateLog().events, byRule: true },
    { name: 'a late joiner, async', events: lateJoinLog().events, byRule: true },
    { name: 'a late joiner, sync', events: syncLateJoinLog().events, byRule: true },
    { name: 'the lesson, 5 boards async', events: lessonLog('async', 5, 5, 55, 3).events, byRule: true },
    { name: 'the lesson, 2 boards async, the host waiting', events: lessonLog('async', 2, 5, 55, 3).events, byRule: true },
    { name: 'the lesson, 3 boards sync', events: lessonLog('sync', 3, 5, 55, 2).events, byRule: true },
    // The host moves on any board that awaits it.
    { name: 'random, async, alternate', events: randomLog(7, 'async', 'alternate', 6).events, byRule: false },
    { name: 'random, sync, black', events: randomLog(11, 'sync', 'black', 4).events, byRule: false },
    // Board 3 awaited the host from the start, board 2 from 7 s: the host moved on 2 first.
    { name: 'played through decide', events: playedLog(), byRule: false },
    // Played through decide by a host that follows each rule, with a pause, takebacks and rematches.
    ...(
      [
        ['around the tables, paused, a takeback', { rotation: 'table-order', seed: 1, pause: { at: 20_000, ms: 30_000 }, takeback: { board: 2, ply: 2 } }],
        ['first ready, the host takes back, a rematch', { rotation: 'first-ready', seed: 2, hostTakeback: { board: 3, ply: 3 }, rematch: { board: 1, swapColors: true } }],
        [
          'most urgent, alternate colours, all three',
          { rotation: 'most-urgent', seed: 3, hostColor: 'alternate', pause: { at: 15_000, ms: 10_000 }, takeback: { board: 1, ply: 4 }, rematch: { board: 2, swapColors: false } },
        ],
        ['first ready, 6 boards', { rotation: 'first-ready', seed: 4, boards: 6 }],
        ['most urgent, 5 boards, paused', { rotation: 'most-urgent', seed: 5, boards: 5, pause: { at: 30_000, ms: 5_000 } }],
        ['sync, paused, a takeback, a rematch', { rotation: 'table-order', seed: 6, mode: 'sync', boards: 3, pause: { at: 10_000, ms: 20_000 }, takeback: { board: 1, ply: 2 }, rematch: { board: 1, swapColors: true } }],
      ] as const
    ).map(([name, opts]) => ({ name, events: ruleLog(opts), byRule: true })),
  ];
}
