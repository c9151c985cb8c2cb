// Sync mode: the host plays one game at a time, in table order.
import { describe, expect, it } from 'vitest';
import { currentSyncBoard } from './queries';
import { tally } from './results';
import { readyQueue } from './rotation';
import { HOST, TestSimul, opponent, types } from './test-log';

const SCHOLARS_MATE = 'e4 e5 Bc4 Nc6 Qh5 Nf6 Qxf7#';

function threeBoards(hostColor: 'white' | 'black' | 'alternate' = 'white') {
  const s = new TestSimul({ boards: 3, mode: 'sync', hostColor, now: 0 });
  s.seatAndStart('Ada', 'Bob', 'Cy');
  return s;
}

describe('sync start', () => {
  it('starts only the first seated board; the others are queued', () => {
    const s = new TestSimul({ boards: 4, mode: 'sync' });
    s.join('Bob', 2);
    s.join('Di', 4);
    const events = s.ok(HOST, { type: 'start' });
    expect(events.map((e) => [e.type, 'board' in e ? e.board : (e as { boards?: number[] }).boards])).toEqual([
      ['simul-started', [2, 4]],
      ['game-started', 2],
    ]);
    expect(s.board(2).status).toBe('playing');
    expect(s.board(4)).toMatchObject({ status: 'queued', startedAt: null, turnSince: null });
    expect(currentSyncBoard(s.state)).toBe(2);
    expect(s.state.focus).toBe(2);
  });

  it('puts the host at the current board even when the opponent moves first', () => {
    const s = threeBoards('black');
    expect(s.state.focus).toBe(1);
    expect(readyQueue(s.state)).toEqual([]);
  });
});

describe('only the current board is live', () => {
  it('refuses moves, resignations, draw offers and focus on a queued board', () => {
    const s = threeBoards();
    const move = { type: 'move', board: 2, from: 'e2', to: 'e4', clientMoveId: 'h' } as const;
    expect(s.refused(HOST, move)).toBe('game-not-live');
    expect(s.refused(opponent(2), { type: 'resign', board: 2 })).toBe('game-not-live');
    expect(s.refused(opponent(2), { type: 'offer-draw', board: 2 })).toBe('game-not-live');
    expect(s.refused(HOST, { type: 'focus', board: 2 })).toBe('game-not-live');
  });

  it('keeps the host at the current board while it plays there', () => {
    const s = threeBoards();
    s.play(1, 'e4');
    expect(s.state.focus).toBe(1);
    s.play(1, 'e5');
    expect(s.state.focus).toBe(1);
    expect(readyQueue(s.state)).toEqual([1]);
  });

  it('counts queued boards as playing in the tally', () => {
    const s = threeBoards();
    expect(tally(s.state)).toEqual({ wins: 0, draws: 0, losses: 0, unfinished: 0, playing: 3 });
  });
});

describe('one game after another', () => {
  it('begins the next game when the current one ends, then finishes after the last', () => {
    const s = threeBoards();
    s.tick(1_000);
    const mate = s.playLine(1, SCHOLARS_MATE);
    expect(types(mate).slice(-3)).toEqual(['move-made', 'game-ended', 'game-started']);
    expect(mate.at(-1)).toMatchObject({ type: 'game-started', board: 2, at: 1_000 });
    expect(s.board(1)).toMatchObject({ status: 'finished', result: '1-0' });
    expect(s.board(2)).toMatchObject({ status: 'playing', startedAt: 1_000, turnSince: 1_000 });
    expect(s.board(3).status).toBe('queued');
    expect(s.state.focus).toBe(2);
    expect(currentSyncBoard(s.state)).toBe(2);

    s.tick(1_000);
    expect(types(s.ok(opponent(2), { type: 'resign', board: 2 }))).toEqual(['game-ended', 'game-started']);
    expect(s.state.focus).toBe(3);
    expect(s.board(3).startedAt).toBe(2_000);

    s.tick(1_000);
    s.ok(opponent(3), { type: 'offer-draw', board: 3 });
    const last = s.ok(HOST, { type: 'answer-draw', board: 3, accept: true });
    expect(last.map(({ seq, at, ...b }) => b)).toEqual([
      { type: 'game-ended', board: 3, result: '1/2-1/2', reason: 'draw-agreed' },
      { type: 'simul-finished', early: false },
    ]);
    expect(s.state).toMatchObject({ phase: 'finished', finishedAt: 3_000, endedEarly: false, focus: null });
    expect(tally(s.state)).toEqual({ wins: 2, draws: 1, losses: 0, unfinished: 0, playing: 0 });
  });

  it('with alternating colours the second game starts with the opponent to move', () => {
    const s = threeBoards('alternate');
    s.ok(opponent(1), { type: 'resign', board: 1 });
    expect(s.board(2).hostColor).toBe('b');
    expect(s.state.focus).toBe(2);
    expect(s.refused(HOST, { type: 'move', board: 2, from: 'e7', to: 'e5', clientMoveId: 'h' })).toBe(
      'not-your-turn',
    );
    s.play(2, 'e4');
    expect(s.state.focus).toBe(2);
  });

  it('aborting the current game begins the next one', () => {
    const s = threeBoards();
    expect(types(s.ok(HOST, { type: 'abort-game', board: 1 }))).toEqual(['game-aborted', 'game-started']);
    expect(s.board(1).status).toBe('aborted');
    expect(currentSyncBoard(s.state)).toBe(2);
    expect(s.state.focus).toBe(2);
  });

  it('aborting a queued game skips it later and leaves the current game alone', () => {
    const s = threeBoards();
    expect(types(s.ok(HOST, { type: 'abort-game', board: 2 }))).toEqual(['game-aborted']);
    expect(s.board(2).status).toBe('aborted');
    expect(currentSyncBoard(s.state)).toBe(1);
    expect(s.state.focus).toBe(1);
    expect(s.ok(opponent(1), { type: 'resign', board: 1 }).at(-1)).toMatchObject({ type: 'game-started', board: 3 });
    expect(s.ok(opponent(3), { type: 'resign', board: 3 }).at(-1)).toMatchObject({ type: 'simul-finished' });
  });
});
