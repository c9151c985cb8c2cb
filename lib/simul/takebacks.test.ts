// Takebacks: the student asks, the host answers; the host takes back its own move.
import { describe, expect, it } from 'vitest';
import { clocksAfterMoves, timeLeft } from './clocks';
import { evolveBoard, replay } from './evolve';
import { fromSnapshot, toSnapshot } from './snapshot';
import { takebacksAllowed } from './takeback-rule';
import { HOST, SPECTATOR, TestSimul, opponent, snapshot, types } from './test-log';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

function started(boards = 1, clock = false) {
  const s = new TestSimul({ boards, now: 0, ...(clock ? { clock: { initialMs: 5 * MINUTE, incrementMs: 0, hostExtraMs: 0 } } : {}) });
  s.seatAndStart(...['Ada', 'Bo', 'Cy'].slice(0, boards));
  return s;
}

describe('a student asks for a takeback', () => {
  it('takes back the student’s move before the host replied (one ply)', () => {
    const s = started();
    s.playLine(1, 'e4 e5');
    expect(s.ok(opponent(1), { type: 'request-takeback', board: 1 })).toMatchObject([{ type: 'takeback-requested', board: 1, by: 'opponent' }]);
    expect(s.board(1).takebackBy).toBe('opponent');
    expect(s.ok(HOST, { type: 'answer-takeback', board: 1, accept: true })).toMatchObject([{ type: 'takeback-accepted', board: 1, plies: 1 }]);
    expect(s.board(1).chess.history()).toEqual(['e4']);
    expect(s.board(1).moveCount).toBe(1);
    expect(s.board(1).takebacks).toBe(1);
    expect(s.board(1).takebackBy).toBeNull();
    expect(s.board(1).lastMove).toEqual({ from: 'e2', to: 'e4' });
    s.play(1, 'c5');
    expect(s.board(1).chess.history()).toEqual(['e4', 'c5']);
    expect(snapshot(replay(s.log))).toEqual(snapshot(s.state));
  });

  it('takes back the host’s reply too once it was made (two plies), the student to move again', () => {
    const s = started();
    s.playLine(1, 'e4 e5 Nf3');
    s.ok(opponent(1), { type: 'request-takeback', board: 1 });
    expect(s.ok(HOST, { type: 'answer-takeback', board: 1, accept: true })).toMatchObject([{ plies: 2 }]);
    expect(s.board(1).chess.history()).toEqual(['e4']);
    expect(s.state.focus).toBeNull(); // the board awaits its student now
  });

  it('keeps the game as it is when the host declines', () => {
    const s = started();
    s.playLine(1, 'e4 e5');
    s.ok(opponent(1), { type: 'request-takeback', board: 1 });
    expect(types(s.ok(HOST, { type: 'answer-takeback', board: 1, accept: false }))).toEqual(['takeback-declined']);
    expect(s.board(1).chess.history()).toEqual(['e4', 'e5']);
    expect(s.refused(HOST, { type: 'answer-takeback', board: 1, accept: true })).toBe('no-takeback-request');
  });

  it('refuses a takeback with nothing to take, twice asked, asked by the host or a spectator, answered by the student', () => {
    const s = started();
    expect(s.refused(opponent(1), { type: 'request-takeback', board: 1 })).toBe('no-takeback');
    s.play(1, 'e4');
    expect(s.refused(opponent(1), { type: 'request-takeback', board: 1 })).toBe('no-takeback');
    s.play(1, 'e5');
    expect(s.refused(HOST, { type: 'request-takeback', board: 1 })).toBe('students-only');
    expect(s.refused(SPECTATOR, { type: 'request-takeback', board: 1 })).toBe('students-only');
    s.ok(opponent(1), { type: 'request-takeback', board: 1 });
    expect(s.refused(opponent(1), { type: 'request-takeback', board: 1 })).toBe('takeback-already-requested');
    expect(s.refused(opponent(1), { type: 'answer-takeback', board: 1, accept: true })).toBe('not-host');
  });

  it('rebuilds the repetition counts: a taken-back repetition no longer counts', () => {
    const s = started();
    s.playLine(1, 'Nf3 Nf6 Ng1 Ng8 Nf3 Nf6 Ng1');
    s.ok(opponent(1), { type: 'request-takeback', board: 1 });
    s.ok(HOST, { type: 'answer-takeback', board: 1, accept: true });
    expect(s.board(1).chess.history()).toEqual(['Nf3', 'Nf6', 'Ng1', 'Ng8', 'Nf3']);
    expect(snapshot(replay(s.log)).boards[0].positions).toEqual(snapshot(s.state).boards[0].positions);
    expect(Math.max(...s.board(1).positions.values())).toBe(2);
  });
});

describe('a takeback on a phone that opened from a snapshot', () => {
  it('reaches the position the event names, though its game has no moves to undo', () => {
    const s = started();
    s.playLine(1, 'e4 e5 Nf3');
    const phone = fromSnapshot(toSnapshot(s.state));
    s.ok(opponent(1), { type: 'request-takeback', board: 1 });
    const [accepted] = s.ok(HOST, { type: 'answer-takeback', board: 1, accept: true });
    evolveBoard(phone.boards.get(1)!, accepted);
    expect(phone.boards.get(1)!.chess.fen()).toBe(s.board(1).chess.fen());
    expect(phone.boards.get(1)!.moveCount).toBe(1);
  });
});

describe('the host takes back its own move', () => {
  it('one ply before the reply, two after it, and refuses before its first move', () => {
    const s = started(2);
    expect(s.refused(HOST, { type: 'take-back', board: 1 })).toBe('no-takeback');
    s.play(1, 'e4');
    expect(s.ok(HOST, { type: 'take-back', board: 1 })).toMatchObject([{ type: 'takeback-accepted', plies: 1, by: 'host' }]);
    expect(s.board(1).chess.history()).toEqual([]);
    s.playLine(1, 'd4 d5');
    expect(s.ok(HOST, { type: 'take-back', board: 1 })).toMatchObject([{ plies: 2, by: 'host' }]);
    expect(s.board(1).moveCount).toBe(0);
    expect(s.refused(opponent(1), { type: 'take-back', board: 1 })).toBe('not-host');
  });

  it('charges the clocks as the time was spent and gives the move back to the side to move', () => {
    const s = started(1, true);
    s.tick(10 * SECOND).play(1, 'e4');
    s.tick(20 * SECOND).play(1, 'e5');
    s.tick(5 * SECOND);
    s.ok(opponent(1), { type: 'request-takeback', board: 1 });
    s.tick(3 * SECOND).ok(HOST, { type: 'answer-takeback', board: 1, accept: true });
    s.tick(7 * SECOND);
    // The host's clock ran 10 s, then 8 s while the request waited; the opponent's 20 s, then 7 s.
    expect(timeLeft(s.board(1).clock!, 'host', s.now)).toBe(5 * MINUTE - 18 * SECOND);
    expect(timeLeft(s.board(1).clock!, 'opponent', s.now)).toBe(5 * MINUTE - 27 * SECOND);
    s.play(1, 'c5');
    expect(clocksAfterMoves(s.log).get(1)).toEqual([5 * MINUTE - 10 * SECOND, 5 * MINUTE - 20 * SECOND, 5 * MINUTE - 27 * SECOND]);
  });
});

describe('takebacks a class can live with (issue 27 rows 7-8, issue 28 row 3)', () => {
  it('row 7: the host’s own takeback charges the host’s clock, not the student’s, and the student is told', () => {
    const s = started(1, true);
    s.tick(2 * SECOND).play(1, 'e4');
    const student = s.board(1).clock!.opponent;
    const host = s.board(1).clock!.host;
    s.tick(3 * SECOND).ok(HOST, { type: 'take-back', board: 1 });
    expect(s.board(1).clock!.opponent).toBe(student);
    expect(s.board(1).clock!.host).toBe(host - 3 * SECOND);
    expect(timeLeft(s.board(1).clock!, 'opponent', s.now + 10 * SECOND)).toBe(student);
    expect(s.board(1).takebackNews).toMatchObject({ outcome: 'host' });
    // The phone that folds only its board's events hears the same.
    expect(snapshot(replay(s.log))).toEqual(snapshot(s.state));
    s.play(1, 'd4');
    expect(s.board(1).takebackNews).toBeNull();
  });

  it('row 8: a refusal is told; the student waits 30 s before asking again', () => {
    const s = started();
    s.playLine(1, 'e4 e5');
    s.ok(opponent(1), { type: 'request-takeback', board: 1 });
    s.tick(SECOND).ok(HOST, { type: 'answer-takeback', board: 1, accept: false });
    expect(s.board(1).takebackNews).toMatchObject({ outcome: 'refused' });
    s.tick(10 * SECOND);
    expect(s.dispatch(opponent(1), { type: 'request-takeback', board: 1 })).toMatchObject({ ok: false, error: { code: 'takeback-wait', params: { retryAfterMs: 20 * SECOND } } });
    s.tick(20 * SECOND - 1);
    expect(s.refused(opponent(1), { type: 'request-takeback', board: 1 })).toBe('takeback-wait');
    s.tick(1);
    s.ok(opponent(1), { type: 'request-takeback', board: 1 });
    s.ok(HOST, { type: 'answer-takeback', board: 1, accept: true });
    expect(s.board(1).takebackNews).toMatchObject({ outcome: 'granted' });
  });

  it('at creation: none offers nothing; one per game allows one, again after a rematch; old logs allow any', () => {
    const none = new TestSimul({ boards: 1, now: 0, takebacks: 'none' });
    none.seatAndStart('Ada');
    none.playLine(1, 'e4 e5');
    expect(takebacksAllowed(none.state, none.board(1))).toBe(false);
    expect(none.refused(opponent(1), { type: 'request-takeback', board: 1 })).toBe('takebacks-off');
    const one = new TestSimul({ boards: 2, now: 0, takebacks: 'one-per-game' });
    one.seatAndStart('Ada', 'Bo');
    one.playLine(1, 'e4 e5');
    one.ok(opponent(1), { type: 'request-takeback', board: 1 });
    one.ok(HOST, { type: 'answer-takeback', board: 1, accept: true });
    one.playLine(1, 'd5 Nf3');
    expect(one.refused(opponent(1), { type: 'request-takeback', board: 1 })).toBe('takeback-used');
    one.ok(opponent(1), { type: 'resign', board: 1 });
    one.ok(HOST, { type: 'rematch', board: 1, swapColors: false });
    one.playLine(1, 'e4 e5');
    one.ok(opponent(1), { type: 'request-takeback', board: 1 });
    const old = started();
    expect(old.state.takebackPolicy).toBe('any');
  });

  it('issue 28 row 3: the host turns takebacks off for a board (host only); a pending request is refused and said', () => {
    const s = started(2);
    s.playLine(1, 'e4 e5');
    s.playLine(2, 'e4 e5');
    s.ok(opponent(1), { type: 'request-takeback', board: 1 });
    expect(s.refused(opponent(1), { type: 'turn-off-takebacks', board: 1 })).toBe('not-host');
    expect(s.ok(HOST, { type: 'turn-off-takebacks', board: 1 })).toMatchObject([{ type: 'takebacks-turned-off', board: 1 }]);
    expect(s.board(1).takebackBy).toBeNull();
    expect(s.board(1).takebackNews).toMatchObject({ outcome: 'off' });
    expect(s.refused(opponent(1), { type: 'request-takeback', board: 1 })).toBe('takebacks-off');
    expect(s.ok(HOST, { type: 'turn-off-takebacks', board: 1 })).toEqual([]);
    // Board 2 still may.
    s.ok(opponent(2), { type: 'request-takeback', board: 2 });
    expect(snapshot(replay(s.log))).toEqual(snapshot(s.state));
  });

  it('also seen: a takeback asked on another student’s finished board answers not-your-board first', () => {
    const s = started(2);
    s.playLine(1, 'e4 e5');
    s.ok(opponent(1), { type: 'resign', board: 1 });
    expect(s.refused(opponent(2), { type: 'request-takeback', board: 1 })).toBe('not-your-board');
  });
});
