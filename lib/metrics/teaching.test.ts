// The figures of a teaching simul on controlled time, against logs computed by hand: a pause,
// a takeback, a rematch, a game from a position, and each rotation rule in the replay.
import { describe, expect, it } from 'vitest';
import { HOST, TestSimul, opponent } from '../simul/test-log';
import { simulMetrics } from './index';
import { replayAsync, type BoardThinks } from './projection';
import { readStates } from './states';

const S = 1000;
const sec = (ms: number) => ms / S;

describe('a pause is charged to no one', () => {
  // Two boards, host white. Host e4 on 1 at 4 s; paused 6 s to 26 s; host d4 on 2 at 30 s;
  // the student on 1 replies at 33 s; host Nf3 on 1 at 35 s; 1 resigns at 36 s, 2 at 40 s.
  function log() {
    const s = new TestSimul({ boards: 2, now: 0 });
    s.seatAndStart('Ada', 'Bo');
    s.tick(4 * S).play(1, 'e4');
    s.tick(2 * S).ok(HOST, { type: 'pause' });
    s.tick(20 * S).ok(HOST, { type: 'resume' });
    s.tick(4 * S).play(2, 'd4');
    s.tick(3 * S).play(1, 'e5');
    s.tick(2 * S).play(1, 'Nf3');
    s.tick(1 * S).ok(opponent(1), { type: 'resign', board: 1 });
    s.tick(4 * S).ok(opponent(2), { type: 'resign', board: 2 });
    return s.log;
  }

  it('leaves the pause out of elapsed, busy, idle, thinks and waits', () => {
    const m = simulMetrics(log())!;
    expect(sec(m.paused)).toBe(20);
    // 40 s from start to end, less the 20 s pause; the ready queue is empty while paused.
    expect([sec(m.elapsed), sec(m.busy), sec(m.idle)]).toEqual([20, 12, 8]);
    expect(m.moves.map((mv) => [mv.san, sec(mv.think)])).toEqual([
      ['e4', 4],
      ['d4', 6],
      ['e5', 9], // 33 - 4 - 20
      ['Nf3', 2],
    ]);
    const [b1, b2] = m.boards;
    expect([sec(b1.wait), sec(b1.longestWait), sec(b1.opponentThink)]).toEqual([6, 4, 9]);
    // Board 2 waited 6 s, then the pause, then 4 s: one unbroken wait of 10 s.
    expect([sec(b2.wait), sec(b2.longestWait)]).toEqual([10, 10]);
  });

  it('draws the pause as its own band on every live board', () => {
    const m = simulMetrics(log())!;
    for (const row of m.timeline) expect(row.segments.find((s) => s.state === 'paused')).toEqual({ board: row.board, state: 'paused', from: 6 * S, to: 26 * S });
    expect(readStates(log())!.pauses).toEqual([{ from: 6 * S, to: 26 * S }]);
    expect(m.readyQueue.filter((p) => p.at >= 6 * S && p.at < 26 * S)).toEqual([{ at: 6 * S, length: 0 }]);
  });

  it('cuts a running pause at now', () => {
    const events = log().slice(0, -7); // up to the pause
    const m = simulMetrics(events, 16 * S)!;
    expect([sec(m.paused), sec(m.elapsed), sec(m.busy)]).toEqual([10, 6, 6]);
  });
});

describe('a takeback: the time charged as it was spent', () => {
  // One board. Host e4 at 2 s; the student e5 at 5 s, asks at 6 s, the host grants at 8 s;
  // the student c5 at 12 s; host Nf3 at 15 s; the student resigns at 20 s.
  function log() {
    const s = new TestSimul({ boards: 1, now: 0 });
    s.seatAndStart('Ada');
    s.tick(2 * S).play(1, 'e4');
    s.tick(3 * S).play(1, 'e5');
    s.tick(1 * S).ok(opponent(1), { type: 'request-takeback', board: 1 });
    s.tick(2 * S).ok(HOST, { type: 'answer-takeback', board: 1, accept: true });
    s.tick(4 * S).play(1, 'c5');
    s.tick(3 * S).play(1, 'Nf3');
    s.tick(5 * S).ok(opponent(1), { type: 'resign', board: 1 });
    return s.log;
  }

  it('counts the taken-back move’s think, the wait for the answer, and the takeback', () => {
    const m = simulMetrics(log())!;
    // Awaiting the host 0–2, 5–8 (the request waits on the host), 12–15.
    expect([sec(m.elapsed), sec(m.busy), sec(m.idle)]).toEqual([20, 8, 12]);
    expect(m.moves.map((mv) => [mv.san, sec(mv.think)])).toEqual([
      ['e4', 2],
      ['e5', 3],
      ['c5', 4], // since the takeback at 8 s
      ['Nf3', 6], // busy (2 s, 15 s]
    ]);
    expect(m.boards[0]).toMatchObject({ takebacks: 1, moves: 4 });
    expect(sec(m.boards[0].wait)).toBe(8);
    const states = readStates(log())!;
    expect(states.moves.map((mv) => mv.takenBack)).toEqual([false, true, false, false]);
    // The replay: the student's two thinks in a row count as one (3 + 4 s).
    expect(sec(m.projection.sync)).toBe(15);
  });
});

describe('a rematch: each game’s waits count on its board', () => {
  // Two boards, host white. 1: host e4 at 1 s, the student resigns at 3 s, the host rematches
  // at 5 s with colours swapped (the student white); the student e4 at 7 s, host e5 at 12 s.
  // 2: host d4 at 2 s, the student d5 at 10 s, host Nf3 at 14 s. Both resign at 15 s and 16 s.
  function log() {
    const s = new TestSimul({ boards: 2, now: 0 });
    s.seatAndStart('Ada', 'Bo');
    s.tick(1 * S).play(1, 'e4');
    s.tick(1 * S).play(2, 'd4');
    s.tick(1 * S).ok(opponent(1), { type: 'resign', board: 1 });
    s.tick(2 * S).ok(HOST, { type: 'rematch', board: 1, swapColors: true });
    s.tick(2 * S).play(1, 'e4');
    s.tick(3 * S).play(2, 'd5');
    s.tick(2 * S).play(1, 'e5');
    s.tick(2 * S).play(2, 'Nf3');
    s.tick(1 * S).ok(opponent(1), { type: 'resign', board: 1 });
    s.tick(1 * S).ok(opponent(2), { type: 'resign', board: 2 });
    return s.log;
  }

  it('adds up both games’ waits and keeps each game’s record', () => {
    const m = simulMetrics(log())!;
    expect([sec(m.elapsed), sec(m.busy)]).toEqual([16, 9]);
    expect(m.moves.map((mv) => sec(mv.think))).toEqual([1, 1, 2, 8, 5, 2]);
    const [b1, b2] = m.boards;
    expect([sec(b1.wait), sec(b2.wait)]).toEqual([6, 6]);
    expect(b1.games.map((g) => [g.game, g.hostColor, g.result, g.startedAt, g.endedAt])).toEqual([
      [1, 'w', '1-0', 0, 3 * S],
      [2, 'b', '0-1', 5 * S, 15 * S],
    ]);
    expect(b1).toMatchObject({ hostColor: 'b', result: '0-1', startedAt: 5 * S, moves: 3 });
  });
});

describe('a game from a position with black to move', () => {
  it('starts with the student thinking when the host has white', () => {
    const s = new TestSimul({ boards: 1, now: 0, startFen: '4k3/R7/1r6/3PK3/8/8/8/8 b - - 0 1' });
    s.seatAndStart('Ada');
    s.tick(7 * S).play(1, 'Rb5');
    s.tick(2 * S).play(1, 'Ke6');
    const m = simulMetrics(s.log)!;
    expect(m.timeline[0].segments.map((x) => [x.state, sec(x.from), sec(x.to)])).toEqual([
      ['opponent-think', 0, 7],
      ['host-think', 7, 9],
      ['opponent-think', 9, 9],
    ].filter(([, from, to]) => from !== to));
    expect(m.moves.map((mv) => [mv.by, sec(mv.think)])).toEqual([
      ['opponent', 7],
      ['host', 2],
    ]);
  });
});

describe('each rotation in the replay', () => {
  // Host think 10 on every board; board 1's student thinks 25, the others 1. After the first
  // lap (t = 40) boards 1 (ready at 35), 2 (21) and 3 (31) await the host.
  const boards: BoardThinks[] = [
    { board: 1, first: 'host', thinks: [10, 25, 10] },
    { board: 2, first: 'host', thinks: [10, 1, 10] },
    { board: 3, first: 'host', thinks: [10, 1, 10] },
    { board: 4, first: 'host', thinks: [10, 1, 10] },
  ];

  it('around the tables: 1, 2, 3, 4 after the lap', () => {
    expect(replayAsync(boards)).toEqual({ total: 80, ends: [50, 60, 70, 80] });
  });

  it('first ready: 2 (ready at 21), 3 (31), 1 (35), 4 (41)', () => {
    expect(replayAsync(boards, { rotation: 'first-ready' })).toEqual({ total: 80, ends: [70, 50, 60, 80] });
  });

  it('most urgent: the lowest host clock, ties in table order after the board served last', () => {
    // Host clocks of 100: at t = 40 deadlines are 1: 35 + 90, 2: 21 + 80, 3: 31 + 70, 4: 41 + 60.
    const clock = { initialMs: 100, incrementMs: 0, hostExtraMs: 0 };
    expect(replayAsync(boards, { rotation: 'most-urgent', clock })).toEqual({ total: 80, ends: [80, 50, 60, 70] });
  });
});
