// Late joiners: while the host keeps joining open after the start, a student who arrives gets a
// free table as a new board; in async mode its game begins at once, in sync mode it is queued last.
import { describe, expect, it } from 'vitest';
import { replay } from './evolve';
import { tally } from './results';
import { applySummary, summarize } from './summary';
import { fromSnapshot, toSnapshot } from './snapshot';
import { HOST, SPECTATOR, TestSimul, opponent, snapshot, types } from './test-log';

function startedWith(boards: number, mode: 'async' | 'sync', ...names: string[]): TestSimul {
  const s = new TestSimul({ boards, mode, hostColor: 'alternate' });
  s.seatAndStart(...names);
  return s;
}

describe('a late joiner in async mode', () => {
  it('gets the first free table as a new board, last in the rotation, and its game begins at once', () => {
    const s = new TestSimul({ boards: 4, mode: 'async', hostColor: 'alternate' });
    s.join('Ada');
    s.join('Cy', 3);
    s.tick(100).ok(HOST, { type: 'start' });
    expect(s.state.order).toEqual([1, 3]);
    s.tick(5_000);
    const events = s.ok(SPECTATOR, { type: 'join', name: 'Dee', playerId: 'p-dee' });
    expect(events.map(({ seq, ...e }) => e)).toEqual([
      { at: 6_100, type: 'seat-taken', board: 2, name: 'Dee', playerId: 'p-dee' },
      { at: 6_100, type: 'game-started', board: 2 },
    ]);
    expect(s.state.order).toEqual([1, 3, 2]);
    // Alternating: the host plays Black on even tables, so Dee (White) moves first.
    expect(s.board(2)).toMatchObject({
      hostColor: 'b',
      opponent: { name: 'Dee', playerId: 'p-dee' },
      status: 'playing',
      startedAt: 6_100,
      turnSince: 6_100,
    });
    expect(tally(s.state).playing).toBe(3);
    s.play(2, 'e4');
    expect(s.board(2).moveCount).toBe(1);
  });

  it('brings the idle host to the new board when the host moves first there', () => {
    const s = startedWith(3, 'async', 'Ada');
    s.play(1, 'e4');
    expect(s.state.focus).toBe(null);
    s.join('Bob');
    expect(s.board(2).hostColor).toBe('b');
    expect(s.state.focus).toBe(null);
    s.join('Cy');
    expect(s.board(3).hostColor).toBe('w');
    expect(s.state.focus).toBe(3);
  });

  it('refuses once the host closes joining, and accepts again when it is reopened', () => {
    const s = startedWith(3, 'async', 'Ada');
    s.ok(HOST, { type: 'close-joining' });
    expect(s.refused(SPECTATOR, { type: 'join', name: 'Bob', playerId: 'b' })).toBe('already-started');
    s.ok(HOST, { type: 'open-joining' });
    expect(s.join('Bob')).toBe(2);
  });

  it('refuses when every table the host created is taken, a taken or unknown table, and a look-alike name', () => {
    const s = startedWith(2, 'async', 'Ada');
    expect(s.refused(SPECTATOR, { type: 'join', name: 'Bob', board: 1, playerId: 'b' })).toBe('seat-taken');
    expect(s.refused(SPECTATOR, { type: 'join', name: 'Bob', board: 3, playerId: 'b' })).toBe('unknown-board');
    const clash = s.dispatch(SPECTATOR, { type: 'join', name: 'ADA', playerId: 'x' });
    expect(clash).toEqual({ ok: false, error: { code: 'name-taken', params: { name: 'Ada' } } });
    s.join('Bob');
    expect(s.refused(SPECTATOR, { type: 'join', name: 'Cy', playerId: 'c' })).toBe('simul-full');
  });

  it('is refused once the simul has finished', () => {
    const s = startedWith(3, 'async', 'Ada');
    s.ok(HOST, { type: 'end-simul' });
    expect(s.refused(SPECTATOR, { type: 'join', name: 'Bob', playerId: 'b' })).toBe('simul-finished');
  });

  it('keeps the simul going until the late board also ends', () => {
    const s = startedWith(3, 'async', 'Ada');
    s.join('Bob');
    s.ok(opponent(1), { type: 'resign', board: 1 });
    expect(s.state.phase).toBe('playing');
    const events = s.ok(opponent(2), { type: 'resign', board: 2 });
    expect(types(events)).toEqual(['game-ended', 'simul-finished']);
  });
});

describe('a late joiner in sync mode', () => {
  it('is queued last and its game begins when the games before it have ended', () => {
    const s = startedWith(4, 'sync', 'Ada', 'Bob');
    expect(types(s.ok(SPECTATOR, { type: 'join', name: 'Cy', playerId: 'c' }))).toEqual(['seat-taken']);
    expect(s.state.order).toEqual([1, 2, 3]);
    expect(s.board(3).status).toBe('queued');
    expect(types(s.ok(opponent(1), { type: 'resign', board: 1 }))).toEqual(['game-ended', 'game-started']);
    expect(s.board(2).status).toBe('playing');
    expect(s.board(3).status).toBe('queued');
    const events = s.ok(opponent(2), { type: 'resign', board: 2 });
    expect(events.map(({ seq, at, ...e }) => e).at(-1)).toEqual({ type: 'game-started', board: 3 });
    expect(s.state.focus).toBe(3);
    expect(s.board(3).status).toBe('playing');
  });
});

describe('the log with a late joiner', () => {
  it('replays to the same state, and a phone learns the new board from the summary', () => {
    const s = startedWith(3, 'async', 'Ada');
    const phone = fromSnapshot(toSnapshot(s.state));
    s.tick(1_000).join('Bob');
    s.tick(1_000).play(2, 'e4');
    expect(snapshot(replay(s.log))).toEqual(snapshot(s.state));
    applySummary(phone, summarize(s.state), 1);
    expect(phone.order).toEqual([1, 2]);
    expect(phone.boards.get(2)).toMatchObject({ status: 'playing', hostColor: 'b' });
    // Its moves are counted in the final summary (the phone shows them with the results only).
    expect(phone.boards.get(2)!.moveCount).toBe(0);
  });
});
