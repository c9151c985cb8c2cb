import { describe, expect, it } from 'vitest';
import { Chess } from 'chess.js';
import { randomGames } from './testing/random-games';
import { Game } from './game';
import type { Promotion } from './types';

function asArgs(m: { from: string; to: string; promotion?: string }): [string, string, Promotion | undefined] {
  return [m.from, m.to, m.promotion as Promotion | undefined];
}

/** Everything of a game a reader can see: position, history, and the position counts chess.js keeps. */
function seen(game: Chess) {
  return { fen: game.fen(), pgn: game.pgn(), threefold: game.isThreefoldRepetition(), history: game.history() };
}

describe("the board's game agrees with chess.js's move()", () => {
  it('a look finds the same move, notation and position after it; a play the same position', () => {
    for (const game of randomGames(15, 7, () => new Game())) {
      const slow = new Chess();
      slow.loadPgn(game.pgn());
      const fold = new Game();
      fold.loadPgn(game.pgn());
      for (const m of game.moves({ verbose: true })) {
        const expected = slow.move({ from: m.from, to: m.to, promotion: m.promotion });
        const looked = game.lookAt(...asArgs(m), (after) => after.fen());
        expect(looked?.move).toMatchObject({ from: expected.from, to: expected.to, san: expected.san, after: expected.after, piece: expected.piece });
        expect(looked?.move.captured).toBe(expected.captured);
        expect(looked?.move.promotion).toBe(expected.promotion);
        expect(looked?.seen).toBe(expected.after);
        expect(fold.play(...asArgs(m)).after).toBe(expected.after);
        expect(fold.isThreefoldRepetition()).toBe(slow.isThreefoldRepetition());
        expect(fold.fen()).toBe(slow.fen());
        slow.undo();
        fold.undo();
      }
      expect(seen(fold)).toEqual(seen(slow));
    }
  });

  it('a promotion defaults to a queen; a promotion piece sent with another move is ignored', () => {
    const game = new Game('7k/P7/8/8/8/8/8/4K3 w - - 0 1');
    expect(game.lookAt('a7', 'a8', undefined, () => null)?.move.san).toBe('a8=Q+');
    expect(game.lookAt('a7', 'a8', 'n', () => null)?.move.san).toBe('a8=N');
    expect(game.lookAt('e1', 'e2', 'q', () => null)?.move).toMatchObject({ san: 'Ke2' });
    expect(game.lookAt('e1', 'e2', 'q', () => null)?.move.promotion).toBeUndefined();
  });

  it('refuses what is not a legal move of the side to move, and a play of one throws', () => {
    const game = new Game();
    for (const [from, to] of [['e2', 'e5'], ['e4', 'e5'], ['e7', 'e5'], ['z9', 'e4'], ['e2', 'e9'], ['', '']]) {
      expect(game.lookAt(from, to, undefined, () => 1)).toBeNull();
      expect(() => game.play(from, to)).toThrow(/Invalid move/);
    }
    expect(seen(game)).toEqual(seen(new Chess()));
  });
});

describe('a look leaves nothing; the play after it does not search again', () => {
  it('the game is as it was after a look, whatever the look saw', () => {
    for (const game of randomGames(6, 8, () => new Game())) {
      const before = seen(game);
      for (const m of game.moves({ verbose: true })) game.lookAt(...asArgs(m), (after) => after.isCheckmate());
      expect(seen(game)).toEqual(before);
    }
  });

  it('one search a move when the play follows its look, one when nothing looked', () => {
    const server = new Game();
    const client = new Game();
    const line = ['e2e4', 'e7e5', 'g1f3', 'b8c6', 'f1b5', 'a7a6', 'b5c6', 'd7c6', 'e1g1', 'f7f6'];
    for (const uci of line) {
      const [from, to] = [uci.slice(0, 2), uci.slice(2)];
      const looked = server.lookAt(from, to, undefined, () => null)!;
      expect(server.play(from, to)).toBe(looked.move);
      expect(client.play(from, to)).toEqual({ ...looked.move, san: undefined });
    }
    expect(server.plays).toBe(line.length);
    expect(client.plays).toBe(line.length);
    expect(seen(server)).toEqual(seen(client));
    // chess.js's own move() and undo() are counted too.
    server.move('d2d4');
    server.undo();
    expect(server.plays).toBe(line.length + 2);
  });

  it('a look not followed by its play is forgotten: another move, or the same after the game moved on, is searched', () => {
    const game = new Game();
    game.lookAt('e2', 'e4', undefined, () => null);
    expect(game.play('d2', 'd4').after).toBe(new Chess('rnbqkbnr/pppppppp/8/8/3P4/8/PPP1PPPP/RNBQKBNR b KQkq - 0 1').fen());
    expect(game.plays).toBe(2);

    // The same position at another ply (the knights went out and back): the look stood elsewhere.
    const back = new Game();
    back.lookAt('g1', 'f3', undefined, () => null);
    for (const uci of ['g1f3', 'g8f6', 'f3g1', 'f6g8']) back.play(uci.slice(0, 2), uci.slice(2));
    const searches = back.plays;
    back.play('g1', 'f3');
    expect(back.plays).toBe(searches + 1);
    expect(back.isThreefoldRepetition()).toBe(false);
    back.play('g8', 'f6');
    back.play('f3', 'g1');
    back.play('f6', 'g8');
    expect(back.isThreefoldRepetition()).toBe(true);
  });

  it('a position loaded over the game is not the one looked at', () => {
    const game = new Game();
    game.lookAt('e2', 'e4', undefined, () => null);
    game.load('4k3/8/8/8/8/8/4P3/4K3 w - - 0 1');
    expect(game.play('e2', 'e4').after).toBe('4k3/8/8/8/4P3/8/8/4K3 b - - 0 1');
  });
});
