// Pausing the class: every clock and the rotation stop; nobody moves; the pause is charged to no one.
import { describe, expect, it } from 'vitest';
import { clocksAfterMoves, flagTime, timeLeft } from './clocks';
import { turnRefusal } from './decide';
import { replay } from './evolve';
import { hostWhere, phoneStatus } from './phone-status';
import { HOST, TestSimul, opponent, snapshot, types } from './test-log';
import type { ClockSettings } from './types';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const CLOCK: ClockSettings = { initialMs: 5 * MINUTE, incrementMs: 0, hostExtraMs: 0 };

function started(clock?: ClockSettings) {
  const s = new TestSimul({ boards: 2, now: 0, ...(clock ? { clock } : {}) });
  s.seatAndStart('Ada', 'Bo');
  return s;
}

describe('pause and resume', () => {
  it('stops every clock while paused and charges the pause to no one', () => {
    const s = started(CLOCK);
    s.tick(10 * SECOND).play(1, 'e4');
    s.tick(5 * SECOND);
    expect(types(s.ok(HOST, { type: 'pause' }))).toEqual(['simul-paused']);
    expect(s.state.pausedSince).toBe(15 * SECOND);
    expect(flagTime(s.board(1).clock!)).toBeNull();
    s.tick(60 * SECOND);
    expect(timeLeft(s.board(1).clock!, 'opponent', s.now)).toBe(5 * MINUTE - 5 * SECOND);
    expect(timeLeft(s.board(2).clock!, 'host', s.now)).toBe(5 * MINUTE - 15 * SECOND);
    const [resumed] = s.ok(HOST, { type: 'resume' });
    expect(resumed).toMatchObject({ type: 'simul-resumed', since: 15 * SECOND });
    s.tick(4 * SECOND);
    expect(timeLeft(s.board(1).clock!, 'opponent', s.now)).toBe(5 * MINUTE - 9 * SECOND);
    // The opponent got the move at 10 s; 60 s of pause later it is as if at 70 s.
    expect(s.board(1).turnSince).toBe(70 * SECOND);
    s.play(1, 'e5');
    expect(clocksAfterMoves(s.log).get(1)).toEqual([5 * MINUTE - 10 * SECOND, 5 * MINUTE - 9 * SECOND]);
    expect(snapshot(replay(s.log))).toEqual(snapshot(s.state));
  });

  it('refuses moves, draws, takebacks and rematches while paused, and lets the host end the simul', () => {
    const s = started();
    s.ok(HOST, { type: 'pause' });
    expect(s.refused(HOST, s.moveCommand(1, 'e4'))).toBe('simul-paused');
    expect(s.refused(opponent(1), { type: 'offer-draw', board: 1 })).toBe('simul-paused');
    expect(s.refused(opponent(1), { type: 'resign', board: 1 })).toBe('simul-paused');
    expect(s.refused(HOST, { type: 'abort-game', board: 1 })).toBe('simul-paused');
    expect(types(s.ok(HOST, { type: 'end-simul' }))).toEqual(['game-aborted', 'game-aborted', 'simul-finished']);
    expect(s.state.pausedSince).toBeNull();
  });

  it('refuses pausing twice, resuming when not paused, pausing before the start and by anyone but the host', () => {
    const lobby = new TestSimul({ boards: 1 });
    expect(lobby.refused(HOST, { type: 'pause' })).toBe('not-started');
    const s = started();
    expect(s.refused(HOST, { type: 'resume' })).toBe('not-paused');
    expect(s.refused(opponent(1), { type: 'pause' })).toBe('not-host');
    s.ok(HOST, { type: 'pause' });
    expect(s.refused(HOST, { type: 'pause' })).toBe('already-paused');
    expect(s.refused(opponent(1), { type: 'resume' })).toBe('not-host');
  });

  it('keeps the host where it was: the rotation goes on after the resume', () => {
    const s = started();
    s.play(1, 'e4');
    expect(s.state.focus).toBe(2);
    s.ok(HOST, { type: 'pause' });
    s.ok(HOST, { type: 'resume' });
    expect(s.state.focus).toBe(2);
    s.play(2, 'd4');
    expect(s.state.focus).toBe(null);
  });
});

describe('the pause comes first (issue 27 rows 4-5, decided once)', () => {
  it('row 4: a move typed on a board where it is the host’s move, while paused: "paused", not "not your move"', () => {
    const s = started();
    s.ok(HOST, { type: 'pause' });
    expect(turnRefusal(s.state, HOST, 1, s.now)).toEqual({ code: 'simul-paused' });
    expect(s.refused(HOST, s.moveCommand(1, 'e4'))).toBe('simul-paused');
    // Who asks still comes first: a student on another's board.
    expect(turnRefusal(s.state, opponent(2), 1, s.now)).toMatchObject({ code: 'not-your-board' });
    expect(s.refused(opponent(2), { type: 'resign', board: 1 })).toBe('not-your-board');
    s.ok(HOST, { type: 'resume' });
    expect(turnRefusal(s.state, HOST, 1, s.now)).toBeNull();
    expect(turnRefusal(s.state, opponent(1), 1, s.now)).toEqual({ code: 'not-your-turn' });
  });

  it('row 5: paused on a student’s move, the phone says the pause (its move when the class resumes), nothing about the host', () => {
    const s = started();
    s.play(1, 'e4');
    s.ok(HOST, { type: 'pause' });
    expect(phoneStatus(s.board(1), hostWhere(s.state))).toEqual({ kind: 'paused', yourMove: true });
    expect(phoneStatus(s.board(2), hostWhere(s.state))).toEqual({ kind: 'paused', yourMove: false });
    s.ok(HOST, { type: 'resume' });
    expect(phoneStatus(s.board(1), hostWhere(s.state))).toEqual({ kind: 'your-move' });
  });
});
