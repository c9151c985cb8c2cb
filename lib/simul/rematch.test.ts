// Rematch: a finished board plays again on the same seat, colours swapped or kept.
import { describe, expect, it } from 'vitest';
import { replay } from './evolve';
import { HOST, SPECTATOR, TestSimul, opponent, snapshot, types } from './test-log';

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
