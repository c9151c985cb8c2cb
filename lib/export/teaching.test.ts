// The exports of a teaching simul: a game from a position (SetUp, FEN), the line as finally
// played after a takeback, a rematched board's games, and every move in the timings.
import { Chess } from 'chess.js';
import { describe, expect, it } from 'vitest';
import { HOST, TestSimul, opponent } from '../simul/test-log';
import { moveTimingsCsv } from './csv';
import { readGames } from './games';
import { simulPgn } from './pgn';

const S = 1000;
const BLACK_TO_MOVE = '4k3/R7/1r6/3PK3/8/8/8/8 b - - 0 1';

function teachingLog() {
  const s = new TestSimul({ boards: 2, now: Date.UTC(2026, 11, 1), boardFens: { 2: BLACK_TO_MOVE } });
  s.seatAndStart('Ada', 'Bo');
  // Board 1: e4 e5, taken back at the student's asking, then c5 Nf3; resigned; rematched.
  s.tick(2 * S).play(1, 'e4');
  s.tick(3 * S).play(1, 'e5');
  s.ok(opponent(1), { type: 'request-takeback', board: 1 });
  s.tick(1 * S).ok(HOST, { type: 'answer-takeback', board: 1, accept: true });
  s.tick(4 * S).play(1, 'c5');
  s.tick(1 * S).play(1, 'Nf3');
  s.ok(opponent(1), { type: 'resign', board: 1 });
  s.ok(HOST, { type: 'rematch', board: 1, swapColors: true });
  s.tick(2 * S).play(1, 'd4');
  // Board 2 from a position, black (the student) to move.
  s.tick(1 * S).play(2, 'Rb5');
  s.tick(1 * S).play(2, 'Kd6');
  return s;
}

describe('the exports of a teaching simul', () => {
  it('writes every game: the line as finally played, a rematch as a sub-round, a position with SetUp and FEN', () => {
    const pgn = simulPgn(teachingLog().log, 'test');
    const games = pgn.split(/\n(?=\[Event )/);
    expect(games).toHaveLength(3);
    expect(games[0]).toContain('[Round "1"]');
    expect(games[0]).toMatch(/1\. e4 \{\[%emt 0:00:02\]\} 1\.\.\. c5 \{\[%emt 0:00:04\]\} 2\. Nf3/);
    expect(games[0]).not.toContain('e5');
    expect(games[1]).toContain('[Round "1.2"]');
    expect(games[1]).toContain('[White "Ada"]');
    expect(games[1]).toMatch(/1\. d4 \{\[%emt 0:00:02\] Game still in progress\.\} \*/);
    expect(games[2]).toContain('[SetUp "1"]');
    expect(games[2]).toContain(`[FEN "${BLACK_TO_MOVE}"]`);
    expect(games[2]).toMatch(/1\.\.\. Rb5 \{\[%emt 0:00:14\]\} 2\. Kd6/);
    // Every game reads back in chess.js to the position the simul reached.
    const s = teachingLog();
    const fens = [null, s.board(1).chess.fen(), s.board(2).chess.fen()];
    games.forEach((game, i) => {
      const chess = new Chess();
      chess.loadPgn(game);
      if (fens[i]) expect(chess.fen()).toBe(fens[i]);
      else expect(chess.history()).toEqual(['e4', 'c5', 'Nf3']);
    });
  });

  it('keeps the taken-back move in the list of every move and counts the takeback', () => {
    const simul = readGames(teachingLog().log);
    expect(simul.games.map((g) => [g.board, g.game, g.takebacks, g.moves.length])).toEqual([
      [1, 1, 1, 3],
      [1, 2, 0, 1],
      [2, 1, 0, 2],
    ]);
    expect(simul.moves.map((m) => [m.board, m.game, m.ply, m.san, m.takenBack])).toEqual([
      [1, 1, 1, 'e4', false],
      [1, 1, 2, 'e5', true],
      [1, 1, 2, 'c5', false],
      [1, 1, 3, 'Nf3', false],
      [1, 2, 1, 'd4', false],
      [2, 1, 1, 'Rb5', false],
      [2, 1, 2, 'Kd6', false],
    ]);
    const csv = moveTimingsCsv(teachingLog().log).trim().split('\r\n');
    expect(csv).toHaveLength(8);
    expect(csv[0].endsWith(',game,taken_back')).toBe(true);
    expect(csv[2]).toMatch(/,e5,.*,1,yes$/);
    expect(csv[5]).toMatch(/,d4,.*,2,no$/);
  });
});
