// Async mode: every board is live and the host rotates over the boards that await it.
import { describe, expect, it } from 'vitest';
import { awaitsHost, currentSyncBoard } from './queries';
import { boardsBefore, nextAwaitingHost, readyQueue } from './rotation';
import { HOST, TestSimul, opponent, types } from './test-log';

function fourBoards(hostColor: 'white' | 'black' | 'alternate' = 'white') {
  const s = new TestSimul({ boards: 4, mode: 'async', hostColor });
  s.seatAndStart('Ada', 'Bob', 'Cy', 'Di');
  return s;
}

describe('async start', () => {
  it('starts every game at once', () => {
    const s = fourBoards();
    expect([1, 2, 3, 4].map((n) => s.board(n).status)).toEqual(['playing', 'playing', 'playing', 'playing']);
    expect(currentSyncBoard(s.state)).toBeNull();
  });

  it('focuses the first board awaiting the host (host white: board 1)', () => {
    const s = fourBoards('white');
    expect(s.state.focus).toBe(1);
    expect(readyQueue(s.state)).toEqual([2, 3, 4, 1]);
  });

  it('with alternate colours focuses board 1 and queues only the odd boards', () => {
    const s = fourBoards('alternate');
    expect(s.state.focus).toBe(1);
    expect(readyQueue(s.state)).toEqual([3, 1]);
  });

  it('with the host black has no focus until an opponent moves', () => {
    const s = fourBoards('black');
    expect(s.state.focus).toBeNull();
    expect(readyQueue(s.state)).toEqual([]);
  });
});

describe('focus rotation', () => {
  it('after each host move goes to the next board awaiting the host, in table order', () => {
    const s = fourBoards();
    s.play(1, 'e4');
    expect(s.state.focus).toBe(2);
    s.play(2, 'd4');
    expect(s.state.focus).toBe(3);
    s.play(3, 'c4');
    expect(s.state.focus).toBe(4);
  });

  it('skips boards that await their opponent and wraps around the table', () => {
    const s = fourBoards();
    s.play(1, 'e4');
    s.play(2, 'e4');
    s.play(3, 'e4');
    s.play(1, 'e5'); // Ada replies while the host is at board 3
    expect(s.state.focus).toBe(4);
    s.play(4, 'e4');
    // Boards 2 and 3 await their opponents: the host wraps to board 1.
    expect(s.state.focus).toBe(1);
  });

  it('is null when no board awaits the host', () => {
    const s = fourBoards();
    for (const n of [1, 2, 3, 4]) s.play(n, 'e4');
    expect(s.state.focus).toBeNull();
    expect(readyQueue(s.state)).toEqual([]);
    expect([1, 2, 3, 4].some((n) => awaitsHost(s.board(n)))).toBe(false);
  });

  it('when null, goes to the first board that becomes ready, and stays there as others become ready', () => {
    const s = fourBoards();
    for (const n of [1, 2, 3, 4]) s.play(n, 'e4');
    s.play(3, 'e5');
    expect(s.state.focus).toBe(3);
    s.play(1, 'e5');
    s.play(4, 'e5');
    expect(s.state.focus).toBe(3);
    s.play(3, 'Nf3');
    expect(s.state.focus).toBe(4);
    s.play(4, 'Nf3');
    expect(s.state.focus).toBe(1);
  });

  it('with the host black, follows the opponents as they move first', () => {
    const s = fourBoards('black');
    s.play(2, 'e4');
    expect(s.state.focus).toBe(2);
    s.play(1, 'd4');
    expect(s.state.focus).toBe(2);
    s.play(2, 'e5');
    expect(s.state.focus).toBe(1);
    s.play(1, 'd5');
    expect(s.state.focus).toBeNull();
  });

  it('follows the board the host actually moved on, not the focused one', () => {
    const s = fourBoards();
    expect(s.state.focus).toBe(1);
    s.play(3, 'e4'); // the host plays board 3 while focused on board 1
    expect(s.state.focus).toBe(4);
  });

  it('moves on when the focused game ends, and stays put when another game ends', () => {
    const s = fourBoards();
    s.ok(opponent(3), { type: 'resign', board: 3 });
    expect(s.state.focus).toBe(1);
    s.ok(opponent(1), { type: 'resign', board: 1 });
    expect(s.state.focus).toBe(2);
    expect(readyQueue(s.state)).toEqual([4, 2]);
  });

  it('moves on after the opponent mates the host on the board it was about to reach', () => {
    const s = new TestSimul({ boards: 2, hostColor: 'white' });
    s.seatAndStart('Ada', 'Bob');
    s.playLine(1, 'f3 e5 g4'); // focus: 1 -> 2 -> 1 -> 2 ...
    s.play(2, 'e4');
    expect(s.state.focus).toBeNull();
    s.play(1, 'Qh4#');
    expect(s.board(1).status).toBe('finished');
    expect(s.state.focus).toBeNull();
  });
});

describe('the focus command', () => {
  it('lets the host go to any live board, including one awaiting its opponent', () => {
    const s = fourBoards();
    s.play(1, 'e4');
    expect(s.state.focus).toBe(2);
    expect(s.ok(HOST, { type: 'focus', board: 4 })).toMatchObject([{ type: 'host-focused', board: 4 }]);
    expect(s.state.focus).toBe(4);
    expect(types(s.ok(HOST, { type: 'focus', board: 1 }))).toEqual(['host-focused']);
    expect(s.state.focus).toBe(1);
  });

  it('is a no-op (no event) when the host is already there', () => {
    const s = fourBoards();
    const seq = s.state.seq;
    expect(s.ok(HOST, { type: 'focus', board: 1 })).toEqual([]);
    expect(s.state.seq).toBe(seq);
  });

  it('refuses a finished board and a board not in play', () => {
    const s = new TestSimul({ boards: 4 });
    s.join('Ada', 1);
    s.join('Bob', 2);
    s.join('Cy', 3);
    s.ok(HOST, { type: 'start' });
    s.ok(opponent(2), { type: 'resign', board: 2 });
    expect(s.refused(HOST, { type: 'focus', board: 2 })).toBe('game-over');
    expect(s.refused(HOST, { type: 'focus', board: 4 })).toBe('unknown-board');
  });

  it('the rotation continues from the focused board', () => {
    const s = fourBoards();
    s.ok(HOST, { type: 'focus', board: 3 });
    expect(readyQueue(s.state)).toEqual([4, 1, 2, 3]);
    s.play(3, 'e4');
    expect(s.state.focus).toBe(4);
  });
});

describe('readyQueue and nextAwaitingHost', () => {
  it('lists the boards awaiting the host in table order after the focus, the focus last', () => {
    const s = fourBoards();
    s.play(1, 'e4');
    s.play(2, 'e4');
    // focus 3; boards 3 and 4 await the host; 1 and 2 await their opponents
    expect(s.state.focus).toBe(3);
    expect(readyQueue(s.state)).toEqual([4, 3]);
    s.play(1, 'e5');
    expect(readyQueue(s.state)).toEqual([4, 1, 3]);
  });

  it('takes an explicit starting point, and null means from the first table', () => {
    const s = fourBoards();
    expect(readyQueue(s.state, 2)).toEqual([3, 4, 1, 2]);
    expect(readyQueue(s.state, null)).toEqual([1, 2, 3, 4]);
    expect(nextAwaitingHost(s.state, 4)).toBe(1);
    expect(nextAwaitingHost(s.state, 1)).toBe(2);
  });

  it('returns the board itself last, and null when nothing awaits', () => {
    const s = new TestSimul({ boards: 2 });
    s.seatAndStart('Ada', 'Bob');
    s.play(2, 'e4');
    expect(nextAwaitingHost(s.state, 1)).toBe(1);
    s.play(1, 'e4');
    expect(nextAwaitingHost(s.state, 1)).toBeNull();
  });

  it('only counts the seated boards', () => {
    const s = new TestSimul({ boards: 6 });
    s.join('Ada', 2);
    s.join('Bob', 5);
    s.ok(HOST, { type: 'start' });
    expect(s.state.focus).toBe(2);
    expect(readyQueue(s.state)).toEqual([5, 2]);
    s.play(2, 'e4');
    expect(s.state.focus).toBe(5);
  });
});

describe('boardsBefore ("N boards before yours")', () => {
  it('is 0 at the focused board and counts the ready boards the host reaches first', () => {
    const s = fourBoards();
    expect([1, 2, 3, 4].map((n) => boardsBefore(s.state, n))).toEqual([0, 1, 2, 3]);
    s.play(1, 'e4');
    // host at 2; board 1 awaits its opponent
    expect([1, 2, 3, 4].map((n) => boardsBefore(s.state, n))).toEqual([null, 0, 1, 2]);
  });

  it('counts a board that becomes ready behind the host, wrapping', () => {
    const s = fourBoards();
    s.play(1, 'e4');
    s.play(2, 'e4');
    s.play(1, 'e5'); // board 1 is ready again; the host is at 3
    expect([1, 2, 3, 4].map((n) => boardsBefore(s.state, n))).toEqual([2, null, 0, 1]);
  });

  it('is null for every board when nothing awaits the host', () => {
    const s = fourBoards();
    for (const n of [1, 2, 3, 4]) s.play(n, 'e4');
    expect([1, 2, 3, 4].map((n) => boardsBefore(s.state, n))).toEqual([null, null, null, null]);
  });

  it('when the host has focused a board awaiting its opponent, counts from there', () => {
    const s = fourBoards();
    s.play(1, 'e4');
    s.ok(HOST, { type: 'focus', board: 1 });
    expect([1, 2, 3, 4].map((n) => boardsBefore(s.state, n))).toEqual([null, 0, 1, 2]);
    s.ok(HOST, { type: 'focus', board: 3 });
    expect([1, 2, 3, 4].map((n) => boardsBefore(s.state, n))).toEqual([null, 2, 0, 1]);
  });
});
