// Test helper: simuls played through lib/simul (decide → evolve with a controlled clock),
// whose logs the export tests read. Only tests import this.
import { HOST, TestSimul, opponent } from '../simul/test-log';

/** 2025-03-14 23:58:00 UTC: late enough that a later game starts on the next UTC day. */
export const T0 = Date.UTC(2025, 2, 14, 23, 58, 0);

export const SCHOLARS_MATE = ['e4', 'e5', 'Bc4', 'Nc6', 'Qh5', 'Nf6', 'Qxf7#'];
/** The start position comes back a third time after the eighth ply. */
export const KNIGHT_DANCE = ['Nf3', 'Nf6', 'Ng1', 'Ng8', 'Nf3', 'Nf6', 'Ng1', 'Ng8'];
export const FOOLS_MATE = ['f3', 'e5', 'g4', 'Qh4#'];

/** A name with everything a PGN tag or a CSV field must escape. */
export const AWKWARD_NAME = 'Zoë "Rook" \\ Ng';
export const COMMA_NAME = 'Lee, Ann';
export const FORMULA_NAME = '=1+1';

/**
 * Async, alternating colours, five tables, board 5 left empty (dropped at the start):
 * 1 Ada (host white): scholar's mate, 1-0.
 * 2 AWKWARD_NAME (host black): 1. d4 d5 2. c4, then the opponent (white) resigns: 0-1.
 * 3 COMMA_NAME (host white): the knight dance, a draw by threefold repetition.
 * 4 FORMULA_NAME (host black): 1. e4, then the host aborts the game.
 * The host's and the opponents' moves interleave as in a real rotation.
 */
export function asyncSimul(): TestSimul {
  const s = new TestSimul({
    boards: 5,
    mode: 'async',
    hostColor: 'alternate',
    title: 'Period 3 "Chess" \\ club',
    now: T0,
  });
  s.join('Ada', 1);
  s.join(AWKWARD_NAME, 2);
  s.join(COMMA_NAME, 3);
  s.join(FORMULA_NAME, 4);
  s.ok(HOST, { type: 'start' });

  const step = (wait: number, board: number, san: string) => s.tick(wait).play(board, san);
  step(5_000, 1, 'e4'); //   host     1: +5 s   (since the start)
  step(3_000, 3, 'Nf3'); //  host     3: +8 s
  step(4_000, 2, 'd4'); //   opponent 2: +12 s
  step(1_000, 4, 'e4'); //   opponent 4: +13 s
  step(4_000, 1, 'e5'); //   opponent 1: +12 s  (since the host's e4)
  step(6_000, 2, 'd5'); //   host     2: +11 s  (since d4)
  step(2_000, 1, 'Bc4'); //  host     1: +6 s
  s.tick(1_000).ok(HOST, { type: 'abort-game', board: 4 });
  step(2_000, 3, 'Nf6'); //  opponent 3: +19 s
  step(3_000, 3, 'Ng1'); //  host     3: +3 s
  step(1_000, 1, 'Nc6'); //  opponent 1: +7 s
  step(2_000, 1, 'Qh5'); //  host     1: +2 s
  step(9_000, 2, 'c4'); //   opponent 2: +23 s
  s.tick(1_000).ok(opponent(2), { type: 'resign', board: 2 });
  step(1_000, 3, 'Ng8');
  step(1_000, 3, 'Nf3');
  step(1_000, 1, 'Nf6');
  step(1_000, 1, 'Qxf7#');
  step(1_000, 3, 'Nf6');
  step(1_000, 3, 'Ng1');
  step(1_000, 3, 'Ng8'); //  threefold: the game and the simul end
  return s;
}

/**
 * Sync, host white, three tables: board 1 (Ada) is the fool's mate (the host loses, 0-1)
 * and ends after midnight UTC, so board 2 (Bob) starts on the next day; board 2 gets two
 * moves, then the host ends the simul early: board 2 is aborted, board 3 (Cy) never began.
 */
export function syncSimul(): TestSimul {
  const s = new TestSimul({ boards: 3, mode: 'sync', hostColor: 'white', title: 'Sync demo', now: T0 });
  s.seatAndStart('Ada', 'Bob', 'Cy');
  s.tick(60_000).play(1, 'f3');
  s.tick(60_000).play(1, 'e5');
  s.tick(1_000).play(1, 'g4');
  s.tick(5_000).play(1, 'Qh4#'); // 00:00:06 UTC on the 15th: board 2 starts now
  s.tick(3_723_000).play(2, 'd4'); // 1 h 2 min 3 s
  s.tick(500).play(2, 'Nf6'); // half a second: rounds to 0:00:01
  s.tick(10_000).ok(HOST, { type: 'end-simul' });
  return s;
}

/** Async, host white, two tables, still running: board 1 has two moves, board 2 none. */
export function runningSimul(): TestSimul {
  const s = new TestSimul({ boards: 2, mode: 'async', hostColor: 'white', title: 'Running', now: T0 });
  s.seatAndStart('Ada', 'Bob');
  s.tick(2_000).play(1, 'e4');
  s.tick(3_000).play(1, 'c5');
  return s;
}

/**
 * Async, host white played by a bot, three tables: a bot at board 1, Ada (a person) at
 * board 2, a bot seated at board 3 and taken out again (the board is dropped at the start).
 * One move pair on boards 1 and 2.
 */
export function botSimul(): TestSimul {
  const bot = { strength: 'random', think: { meanMs: 1000, spreadMs: 0 } } as const;
  const s = new TestSimul({ boards: 3, mode: 'async', hostColor: 'white', now: T0, hostBot: bot });
  s.ok(HOST, { type: 'seat-bot', board: 1, name: 'Bot 1', bot });
  s.join('Ada', 2);
  s.ok(HOST, { type: 'seat-bot', board: 3, name: 'Bot 3', bot });
  s.ok(HOST, { type: 'free-seat', board: 3 });
  s.ok(HOST, { type: 'start' });
  s.tick(1_000).play(1, 'e4');
  s.tick(1_000).play(2, 'd4');
  s.tick(1_000).play(1, 'e5');
  s.tick(1_000).play(2, 'd5');
  return s;
}
