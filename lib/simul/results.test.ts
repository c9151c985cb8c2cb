// Results: every game of every board, rematched ones included, and the tally over them (issue 27 row 6).
import { describe, expect, it } from 'vitest';
import { replay } from './evolve';
import { gamesOf, tally } from './results';
import { summarize, applySummary } from './summary';
import { fromSnapshot, toSnapshot } from './snapshot';
import { HOST, TestSimul, opponent } from './test-log';

describe('results over every game', () => {
  it('row 6: a student resigns games 1 and 2, plays game 3 after two rematches; the simul ends', () => {
    const s = new TestSimul({ boards: 2, now: 0 });
    s.seatAndStart('Ada', 'Bo');
    s.ok(opponent(2), { type: 'resign', board: 2 });
    s.ok(HOST, { type: 'rematch', board: 2, swapColors: true });
    s.ok(opponent(2), { type: 'resign', board: 2 });
    s.ok(HOST, { type: 'rematch', board: 2, swapColors: true });
    s.play(2, 'e4'); // game 3: the host is white again
    s.ok(HOST, { type: 'end-simul' });
    expect(gamesOf(s.state, 2).map((g) => [g.game, g.hostColor, g.status, g.result, g.reason])).toEqual([
      [1, 'w', 'finished', '1-0', 'resignation'],
      [2, 'b', 'finished', '0-1', 'resignation'],
      [3, 'w', 'aborted', null, 'simul-ended'],
    ]);
    expect(tally(s.state)).toEqual({ wins: 2, draws: 0, losses: 0, unfinished: 2, playing: 0 });
    // The same from the log replayed, a snapshot, and a phone's final summary.
    expect(gamesOf(replay(s.log), 2)).toEqual(gamesOf(s.state, 2));
    expect(gamesOf(fromSnapshot(toSnapshot(s.state)), 2)).toEqual(gamesOf(s.state, 2));
    const phone = replay(s.log.slice(0, 3));
    applySummary(phone, summarize(s.state), 1);
    expect(gamesOf(phone, 2).slice(0, 2)).toEqual(gamesOf(s.state, 2).slice(0, 2));
  });
});
