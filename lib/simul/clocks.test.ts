// Clocks derived from the log and the time: the host's clock on a board runs while the board
// awaits the host, wherever the host is; increments; flags; a restart charges no one.
import { describe, expect, it } from 'vitest';
import { clocksAfterMoves, flagTime, timeLeft } from './clocks';
import { replay } from './evolve';
import { HOST, TestSimul, opponent, types } from './test-log';
import type { ClockSettings, Mode } from './types';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const CLOCK: ClockSettings = { initialMs: 5 * MINUTE, incrementMs: 3 * SECOND, hostExtraMs: 2 * MINUTE };
const SERVER = { role: 'server' } as const;

function started(mode: Mode = 'async', boards = 2) {
  const s = new TestSimul({ boards, mode, hostColor: 'white', now: 0, clock: CLOCK });
  s.seatAndStart(...['Ada', 'Bo', 'Cy'].slice(0, boards));
  return s;
}

const left = (s: TestSimul, board: number, side: 'host' | 'opponent') => timeLeft(s.board(board).clock!, side, s.now);

describe('which clock runs', () => {
  it("runs the host's clock on every board awaiting the host, the host at one of them", () => {
    const s = started();
    expect(s.state.focus).toBe(1);
    s.tick(10 * SECOND).play(1, 'e4');
    s.tick(15 * SECOND);
    // Board 2 has awaited the host for all 25 s, though the host was at board 1.
    expect(left(s, 2, 'host')).toBe(7 * MINUTE - 25 * SECOND);
    expect(left(s, 2, 'opponent')).toBe(5 * MINUTE);
    // Board 1: the host used 10 s and got 3 s back; the opponent has thought for 15 s.
    expect(left(s, 1, 'host')).toBe(7 * MINUTE - 7 * SECOND);
    expect(left(s, 1, 'opponent')).toBe(5 * MINUTE - 15 * SECOND);
  });

  it('adds the increment after each move, to the mover', () => {
    const s = started();
    s.tick(2 * SECOND).play(1, 'e4');
    s.tick(1 * SECOND).play(1, 'e5');
    expect(left(s, 1, 'host')).toBe(7 * MINUTE + 1 * SECOND);
    expect(left(s, 1, 'opponent')).toBe(5 * MINUTE + 2 * SECOND);
  });

  it("in sync mode runs only the current game's clocks", () => {
    const s = started('sync');
    s.tick(MINUTE);
    expect(left(s, 1, 'host')).toBe(6 * MINUTE);
    expect(left(s, 2, 'host')).toBe(7 * MINUTE);
    s.ok(opponent(1), { type: 'resign', board: 1 });
    s.tick(10 * SECOND);
    expect(left(s, 1, 'host')).toBe(6 * MINUTE); // stopped at the end
    expect(left(s, 2, 'host')).toBe(7 * MINUTE - 10 * SECOND);
  });

  it('stops both clocks when the game ends', () => {
    const s = started();
    s.tick(5 * SECOND);
    s.ok(opponent(1), { type: 'resign', board: 1 });
    s.tick(MINUTE);
    expect(left(s, 1, 'host')).toBe(7 * MINUTE - 5 * SECOND);
    expect(flagTime(s.board(1).clock!)).toBeNull();
  });
});

describe('flags', () => {
  it('falls at its time: the side with time left wins', () => {
    const s = started();
    s.tick(SECOND).play(1, 'e4');
    expect(flagTime(s.board(1).clock!)).toBe(SECOND + 5 * MINUTE);
    s.tick(5 * MINUTE - 1);
    expect(s.ok(SERVER, { type: 'time-out', board: 1 })).toEqual([]); // a millisecond early: nothing
    s.tick(1);
    expect(s.ok(SERVER, { type: 'time-out', board: 1 })).toMatchObject([
      { type: 'game-ended', board: 1, result: '1-0', reason: 'timeout', by: 'opponent' },
    ]);
    expect(left(s, 1, 'opponent')).toBe(0);
  });

  it('refuses a move, and a claim, once the flag has fallen', () => {
    const s = started();
    s.tick(7 * MINUTE);
    expect(s.refused(HOST, s.moveCommand(2, 'e4'))).toBe('out-of-time');
  });

  it('is a draw when the side with time left cannot mate (a bare king)', () => {
    const s = started();
    // Board 1 comes to an ending: the host (white, to move) has a queen, the opponent a bare king.
    s.board(1).chess.load('4k3/8/8/8/8/8/8/Q3K3 w - - 0 40');
    s.tick(7 * MINUTE);
    expect(s.ok(SERVER, { type: 'time-out', board: 1 })[0]).toMatchObject({
      result: '1/2-1/2',
      reason: 'timeout-vs-insufficient-material',
      by: 'host',
    });
  });

  it("wins for a bare king's opponent when the bare king's flag falls", () => {
    const s = started();
    s.play(1, 'e4');
    // The opponent (black, to move) is left with a bare king against the host's queen.
    s.board(1).chess.load('4k3/8/8/8/8/8/8/Q3K3 b - - 0 40');
    s.tick(5 * MINUTE);
    expect(s.ok(SERVER, { type: 'time-out', board: 1 })[0]).toMatchObject({ result: '1-0', reason: 'timeout' });
  });

  it('comes only from the room itself', () => {
    const s = started();
    s.tick(8 * MINUTE);
    expect(s.refused(HOST, { type: 'time-out', board: 1 })).toBe('bad-payload');
    expect(s.refused(opponent(1), { type: 'time-out', board: 1 })).toBe('bad-payload');
  });

  it('finishes the simul when the last game ends on time', () => {
    const s = started('async', 1);
    s.tick(7 * MINUTE);
    expect(types(s.ok(SERVER, { type: 'time-out', board: 1 }))).toEqual(['game-ended', 'simul-finished']);
  });
});

describe('a restart', () => {
  it('charges no one the time since the last event before it', () => {
    const s = started();
    s.tick(10 * SECOND).play(1, 'e4'); // the last event before the server went down
    s.tick(30 * MINUTE);
    const [restarted] = s.ok(SERVER, { type: 'resume-clocks', downSince: 10 * SECOND });
    expect(restarted).toMatchObject({ type: 'server-restarted', downSince: 10 * SECOND, at: 10 * SECOND + 30 * MINUTE });
    expect(left(s, 1, 'opponent')).toBe(5 * MINUTE);
    expect(left(s, 2, 'host')).toBe(7 * MINUTE - 10 * SECOND);
    s.tick(20 * SECOND);
    expect(left(s, 1, 'opponent')).toBe(5 * MINUTE - 20 * SECOND);
    expect(left(s, 2, 'host')).toBe(7 * MINUTE - 30 * SECOND);
    // The same clocks from the log alone.
    const again = replay(s.log);
    expect(timeLeft(again.boards.get(2)!.clock!, 'host', s.now)).toBe(7 * MINUTE - 30 * SECOND);
  });

  it('records nothing for a simul without clocks or not playing', () => {
    const plain = new TestSimul({ boards: 1 });
    plain.seatAndStart('Ada');
    expect(plain.ok(SERVER, { type: 'resume-clocks', downSince: 0 })).toEqual([]);
    const lobby = new TestSimul({ boards: 1, clock: CLOCK });
    expect(lobby.ok(SERVER, { type: 'resume-clocks', downSince: 0 })).toEqual([]);
  });
});

describe('clocksAfterMoves', () => {
  it("gives each move's time left, for the review and the PGN", () => {
    const s = started();
    s.tick(4 * SECOND).play(1, 'e4');
    s.tick(6 * SECOND).play(1, 'e5');
    s.tick(2 * SECOND).play(2, 'd4');
    expect(clocksAfterMoves(s.log)).toEqual(
      new Map([
        [1, [7 * MINUTE - 1 * SECOND, 5 * MINUTE - 3 * SECOND]],
        [2, [7 * MINUTE - 9 * SECOND]],
      ]),
    );
  });

  it('is empty for a simul without clocks', () => {
    const s = new TestSimul({ boards: 1 });
    s.seatAndStart('Ada');
    s.play(1, 'e4');
    expect(clocksAfterMoves(s.log).size).toBe(0);
  });
});
