// The end: all games over, a single game aborted, the simul ended early, and nothing after.
import { describe, expect, it } from 'vitest';
import { replay } from './evolve';
import { tally } from './results';
import { HOST, SPECTATOR, TestSimul, opponent, types } from './test-log';
import type { Command } from './types';

function started(boards = 3, mode: 'async' | 'sync' = 'async') {
  const s = new TestSimul({ boards, mode, hostColor: 'white', now: 0 });
  s.seatAndStart(...['Ada', 'Bob', 'Cy', 'Di'].slice(0, boards));
  return s;
}

describe('the simul finishes when every game has ended', () => {
  it('emits simul-finished (not early) with the last game-ended, at its time', () => {
    const s = started(2);
    s.ok(opponent(1), { type: 'resign', board: 1 });
    expect(s.state.phase).toBe('playing');
    s.tick(60_000);
    const events = s.ok(opponent(2), { type: 'resign', board: 2 });
    expect(types(events)).toEqual(['game-ended', 'simul-finished']);
    expect(events[1]).toMatchObject({ early: false, at: 60_000 });
    expect(s.state).toMatchObject({ phase: 'finished', finishedAt: 60_000, endedEarly: false, focus: null });
  });

  it('finishes when the last game ends by checkmate', () => {
    const s = started(1);
    const events = s.playLine(1, 'e4 e5 Bc4 Nc6 Qh5 Nf6 Qxf7#');
    expect(types(events).slice(-3)).toEqual(['move-made', 'game-ended', 'simul-finished']);
  });
});

describe('aborting a game', () => {
  it('records it as aborted, with no result', () => {
    const s = started(3);
    s.tick(5_000);
    expect(s.ok(HOST, { type: 'abort-game', board: 2 }).map(({ seq, ...e }) => e)).toEqual([
      { at: 5_000, type: 'game-aborted', board: 2, reason: 'host-aborted' },
    ]);
    expect(s.board(2)).toMatchObject({ status: 'aborted', result: null, endReason: 'host-aborted', endedAt: 5_000, turnSince: null });
    expect(tally(s.state)).toEqual({ wins: 0, draws: 0, losses: 0, unfinished: 1, playing: 2 });
  });

  it('moves the focus on when the focused game is aborted', () => {
    const s = started(3);
    expect(s.state.focus).toBe(1);
    s.ok(HOST, { type: 'abort-game', board: 1 });
    expect(s.state.focus).toBe(2);
  });

  it('refuses moves on an aborted game, and aborting it twice', () => {
    const s = started(2);
    s.ok(HOST, { type: 'abort-game', board: 1 });
    expect(s.refused(HOST, { type: 'move', board: 1, from: 'e2', to: 'e4', clientMoveId: 'x' })).toBe('game-over');
    expect(s.refused(HOST, { type: 'abort-game', board: 1 })).toBe('game-over');
  });

  it('refuses an unknown board', () => {
    const s = started(2);
    expect(s.refused(HOST, { type: 'abort-game', board: 7 })).toBe('unknown-board');
  });

  it('finishes the simul (not early) when the last open game is aborted', () => {
    const s = started(2);
    s.ok(opponent(1), { type: 'resign', board: 1 });
    expect(types(s.ok(HOST, { type: 'abort-game', board: 2 }))).toEqual(['game-aborted', 'simul-finished']);
    expect(s.state.endedEarly).toBe(false);
  });
});

describe('a log written before aborts carried their reason', () => {
  it('replays an abort without a reason as the host aborting it', () => {
    const s = started(2);
    const old = replay([...s.log, { seq: s.state.seq + 1, at: 9_000, type: 'game-aborted', board: 1 }]);
    expect(old.boards.get(1)).toMatchObject({ status: 'aborted', endReason: 'host-aborted' });
  });
});

describe('ending the simul early', () => {
  it('aborts every open game (not the finished ones) and finishes early', () => {
    const s = started(3);
    s.ok(opponent(2), { type: 'resign', board: 2 });
    s.tick(9_000);
    const events = s.ok(HOST, { type: 'end-simul' });
    expect(events.map(({ seq, at, ...e }) => e)).toEqual([
      { type: 'game-aborted', board: 1, reason: 'simul-ended' },
      { type: 'game-aborted', board: 3, reason: 'simul-ended' },
      { type: 'simul-finished', early: true },
    ]);
    expect([1, 2, 3].map((n) => s.board(n).status)).toEqual(['aborted', 'finished', 'aborted']);
    expect([1, 3].map((n) => s.board(n).endReason)).toEqual(['simul-ended', 'simul-ended']);
    expect(s.state).toMatchObject({ phase: 'finished', endedEarly: true, finishedAt: 9_000, focus: null, serverEnding: null });
    expect(tally(s.state)).toEqual({ wins: 1, draws: 0, losses: 0, unfinished: 2, playing: 0 });
  });

  it('in sync mode aborts the current and the queued games without starting any', () => {
    const s = started(3, 'sync');
    const events = s.ok(HOST, { type: 'end-simul' });
    expect(types(events)).toEqual(['game-aborted', 'game-aborted', 'game-aborted', 'simul-finished']);
    expect([1, 2, 3].map((n) => s.board(n).status)).toEqual(['aborted', 'aborted', 'aborted']);
  });

  it('in the lobby just finishes, and the tally shows nothing in play', () => {
    const s = new TestSimul({ boards: 3 });
    s.join('Ada');
    expect(s.ok(HOST, { type: 'end-simul' }).map(({ seq, at, ...e }) => e)).toEqual([
      { type: 'simul-finished', early: true },
    ]);
    expect(s.state).toMatchObject({ phase: 'finished', endedEarly: true, joiningClosed: true });
    expect(tally(s.state)).toEqual({ wins: 0, draws: 0, losses: 0, unfinished: 0, playing: 0 });
  });
});

describe('after the finish', () => {
  const commands: Command[] = [
    { type: 'join', name: 'Late', playerId: 'late' },
    { type: 'start' },
    { type: 'move', board: 1, from: 'e2', to: 'e4', clientMoveId: 'z' },
    { type: 'resign', board: 1 },
    { type: 'offer-draw', board: 1 },
    { type: 'answer-draw', board: 1, accept: true },
    { type: 'focus', board: 1 },
    { type: 'abort-game', board: 1 },
    { type: 'reissue-seat', board: 1 },
    { type: 'end-simul' },
    { type: 'open-joining' },
  ];

  for (const command of commands) {
    it(`refuses ${command.type} from anyone with simul-finished`, () => {
      const s = started(2);
      s.ok(HOST, { type: 'end-simul' });
      expect(s.refused(HOST, command)).toBe('simul-finished');
      expect(s.refused(opponent(1), command)).toBe('simul-finished');
      expect(s.refused(SPECTATOR, command)).toBe('simul-finished');
    });
  }
});
