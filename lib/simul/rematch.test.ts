// Rematch: a finished board plays again on the same seat, colours swapped or kept.
import { describe, expect, it } from 'vitest';
import { LOG_ENDING_RESERVE } from './decide';
import { replay } from './evolve';
import { HOST, SPECTATOR, TestSimul, opponent, snapshot, types } from './test-log';
import { LIMITS, type Actor, type Rejection } from './types';

const KQ = '8/8/8/4k3/8/8/8/3QK3 w - - 0 1';

describe('rematch', () => {
  it('starts a new game on a finished board while the simul goes on, colours swapped', () => {
    const s = new TestSimul({ boards: 2, now: 0 });
    s.seatAndStart('Ada', 'Bo');
    s.ok(opponent(1), { type: 'resign', board: 1 });
    s.tick(1000);
    expect(s.ok(HOST, { type: 'rematch', board: 1, swapColors: true })).toMatchObject([{ type: 'game-restarted', board: 1, hostColor: 'b' }]);
    const b = s.board(1);
    expect(b).toMatchObject({ status: 'playing', game: 2, moveCount: 0, result: null, endReason: null, hostColor: 'b', startedAt: 1000 });
    expect(s.refused(HOST, s.moveCommand(1, 'e4'))).toBe('not-your-turn');
    s.play(1, 'e4');
    expect(s.state.focus).toBe(2);
    expect(snapshot(replay(s.log))).toEqual(snapshot(s.state));
  });

  it('keeps the colours and the board’s start position when asked', () => {
    const s = new TestSimul({ boards: 2, startFen: KQ });
    s.seatAndStart('Ada', 'Bo');
    s.play(1, 'Qd4+');
    s.ok(opponent(1), { type: 'resign', board: 1 });
    expect(s.ok(HOST, { type: 'rematch', board: 1, swapColors: false })).toMatchObject([{ hostColor: 'w', fen: KQ }]);
    expect(s.board(1).chess.fen()).toBe(KQ);
  });

  it('refuses a rematch of a live board, before the start, of an unknown board, and by a student without the host’s leave', () => {
    const lobby = new TestSimul({ boards: 1 });
    lobby.join('Ada');
    expect(lobby.refused(HOST, { type: 'rematch', board: 1, swapColors: true })).toBe('not-started');
    const s = new TestSimul({ boards: 2 });
    s.seatAndStart('Ada', 'Bo');
    expect(s.refused(HOST, { type: 'rematch', board: 1, swapColors: true })).toBe('game-live');
    expect(s.refused(HOST, { type: 'rematch', board: 7, swapColors: true })).toBe('unknown-board');
    s.ok(opponent(1), { type: 'resign', board: 1 });
    expect(s.refused(opponent(1), { type: 'rematch', board: 1, swapColors: true })).toBe('rematch-host-only');
    expect(s.refused(opponent(2), { type: 'rematch', board: 1, swapColors: true })).toBe('not-your-board');
    expect(s.refused(SPECTATOR, { type: 'rematch', board: 1, swapColors: true })).toBe('not-seated');
  });

  it('lets the student rematch when the host allowed it', () => {
    const s = new TestSimul({ boards: 2, studentRematch: true });
    s.seatAndStart('Ada', 'Bo');
    s.ok(opponent(1), { type: 'resign', board: 1 });
    expect(types(s.ok(opponent(1), { type: 'rematch', board: 1, swapColors: false }))).toEqual(['game-restarted']);
  });

  it('queues the rematch in sync mode until the current game ends', () => {
    const s = new TestSimul({ boards: 2, mode: 'sync' });
    s.seatAndStart('Ada', 'Bo');
    expect(types(s.ok(opponent(1), { type: 'resign', board: 1 }))).toEqual(['game-ended', 'game-started']);
    s.ok(HOST, { type: 'rematch', board: 1, swapColors: false });
    expect(s.board(1).status).toBe('queued');
    expect(s.board(1).clock).toBeNull();
    expect(types(s.ok(opponent(2), { type: 'resign', board: 2 }))).toEqual(['game-ended', 'game-started']);
    expect(s.board(1).status).toBe('playing');
    expect(s.state.focus).toBe(1);
  });
});

describe('rematch bounds (a student looping resign + rematch)', () => {
  /** Resigns the board's game as its student, then asks for a rematch: the events, or the refusal. */
  function loop(s: TestSimul, board: number, by: Actor = opponent(board)): Rejection | null {
    if (s.board(board).status === 'playing') s.ok(opponent(board), { type: 'resign', board });
    const before = JSON.stringify(snapshot(s.state));
    const out = s.dispatch(by, { type: 'rematch', board, swapColors: false });
    if (out.ok) return null;
    // A refusal changes nothing.
    expect(JSON.stringify(snapshot(s.state))).toBe(before);
    return out.error;
  }

  it('allows 3 a minute on one board; the 4th is refused with when to ask again, and is accepted then', () => {
    // Board 3 plays on: with every game over the simul would end.
    const s = new TestSimul({ boards: 3, studentRematch: true, now: 0 });
    s.seatAndStart('Ada', 'Bo', 'Chidi');
    for (let i = 0; i < 3; i++) {
      expect(loop(s, 1)).toBeNull();
      s.tick(5_000);
    }
    expect(loop(s, 1)).toEqual({ code: 'rematch-limit', params: { scope: 'minute', perMinute: 3, retryAfterMs: 45_000 } });
    // The host is held to it too; the other board is not.
    expect(loop(s, 1, HOST)).toMatchObject({ code: 'rematch-limit', params: { scope: 'minute' } });
    expect(loop(s, 2)).toBeNull();
    s.tick(44_999);
    expect(loop(s, 1)).toMatchObject({ params: { retryAfterMs: 1 } });
    s.tick(1);
    expect(loop(s, 1)).toBeNull();
    expect(s.board(1).game).toBe(5);
    expect(snapshot(replay(s.log))).toEqual(snapshot(s.state));
  });

  it('allows 30 on one board in the simul and 300 on all boards: a class never meets them, a loop does', () => {
    const boards = LIMITS.rematchesPerSimul / LIMITS.rematchesPerBoard + 1;
    // One more board plays on: with every game over the simul would end.
    const s = new TestSimul({ boards: boards + 1, studentRematch: true, now: 0 });
    s.seatAndStart(...Array.from({ length: boards + 1 }, (_, i) => `Student ${i + 1}`));
    for (let board = 1; board < boards; board++) {
      for (let i = 0; i < LIMITS.rematchesPerBoard; i++) {
        expect(loop(s, board)).toBeNull();
        s.tick(20_000);
      }
      expect(loop(s, board)).toEqual({ code: 'rematch-limit', params: { scope: 'board', max: 30 } });
    }
    // Ten boards made 300: the last board's first rematch is one too many.
    expect(loop(s, boards)).toEqual({ code: 'rematch-limit', params: { scope: 'simul', max: 300 } });
    expect(loop(s, boards, HOST)).toEqual({ code: 'rematch-limit', params: { scope: 'simul', max: 300 } });
  });

  it("bounds the log: near its most only ending goes on, and the end fits", () => {
    const s = new TestSimul({ boards: 3, now: 0 });
    s.seatAndStart('Ada', 'Bo', 'Chidi');
    // As if the simul had played that long (a log of 49,000 events costs seconds to build).
    s.state.seq = LIMITS.maxLogEvents - LOG_ENDING_RESERVE;
    const before = JSON.stringify(snapshot(s.state));
    expect(s.dispatch(HOST, s.moveCommand(1, 'e4'))).toEqual({ ok: false, error: { code: 'log-full', params: { maxEvents: 50_000 } } });
    expect(s.refused(opponent(2), { type: 'resign', board: 2 })).toBe('log-full');
    expect(JSON.stringify(snapshot(s.state))).toBe(before);
    expect(types(s.ok(HOST, { type: 'end-simul' }))).toContain('simul-finished');
    expect(s.state.seq).toBeLessThanOrEqual(LIMITS.maxLogEvents);
  });
});
