import { describe, expect, it } from 'vitest';
import { Chess } from 'chess.js';
import { randomGames } from './testing/random-games';
import { endingAfterTry, hasLegalMove, legalMoves, tryMove } from './fast-moves';
import { endingByRule, firstPosition, recordPosition, timesNow } from './rules';

/** How many times the game's position has appeared, counted as the simul counts (rules.ts). */
function timesOf(game: Chess): number {
  const moves = game.history({ verbose: true });
  const replay = new Chess(moves[0]?.before ?? game.fen());
  const positions = firstPosition(replay);
  for (const m of moves) recordPosition(positions, replay.move(m));
  return timesNow(positions, replay);
}

describe('fast moves agree with chess.js public methods', () => {
  it('the same legal moves', () => {
    for (const game of randomGames(40, 1)) {
      const fast = legalMoves(game).map((m) => `${m.from}${m.to}${m.promotion ?? ''}${m.captured ?? ''}${m.piece}`);
      const slow = game.moves({ verbose: true }).map((m) => `${m.from}${m.to}${m.promotion ?? ''}${m.captured ?? ''}${m.piece}`);
      expect(fast.sort()).toEqual(slow.sort());
    }
  });

  it('whether a legal move is left, as chess.js counts the moves: mates and stalemates too', () => {
    const over = ['k7/1Q6/2K5/8/8/8/8/8 b - - 0 1', '7k/5Q2/6K1/8/8/8/8/8 b - - 0 1', 'rnb1kbnr/pppp1ppp/8/4p3/6Pq/5P2/PPPPP2P/RNBQKBNR w KQkq - 1 3'].map(
      (fen) => new Chess(fen),
    );
    const answers = [...over, ...randomGames(40, 4)].map((game) => [hasLegalMove(game), game.moves().length > 0]);
    for (const [fast, slow] of answers) expect(fast).toBe(slow);
    expect(answers.slice(0, 3).map(([fast]) => fast)).toEqual([false, false, false]);
  });

  it('the same position after a tried move, and the game as it was after it', () => {
    for (const game of randomGames(20, 2)) {
      const fen = game.fen();
      const plies = game.history().length;
      for (const move of legalMoves(game)) {
        const tried = tryMove(game, move, (after) => after.fen());
        const played = new Chess(fen);
        played.move({ from: move.from, to: move.to, promotion: move.promotion });
        expect(tried).toBe(played.fen());
      }
      expect(game.fen()).toBe(fen);
      expect(game.history()).toHaveLength(plies);
    }
  });

  it('the same ending after a tried move as endingByRule after a played one, repetitions included', () => {
    // Games that shuffle their knights come back to the same positions.
    const shuffles = ['Nf3 Nf6 Ng1 Ng8 Nf3 Nf6 Ng1', 'e4 e5 Ke2 Ke7 Ke1 Ke8 Ke2 Ke7 Ke1'].map((line) => {
      const game = new Chess();
      for (const san of line.split(' ')) game.move(san);
      return game;
    });
    const endings = ['6k1/5ppp/8/8/8/8/8/R5K1 w - - 0 1', 'k7/8/2K5/8/8/8/8/1Q6 w - - 0 1', '7k/8/8/8/8/8/5q2/4K3 w - - 0 1', '4k3/8/8/8/8/8/4r3/R3K3 w - - 99 80'].map(
      (fen) => new Chess(fen),
    );
    const seen = new Set<string>();
    for (const game of [...shuffles, ...endings, ...randomGames(20, 3)]) {
      for (const move of legalMoves(game)) {
        const tried = tryMove(game, move, (after) => endingAfterTry(after));
        game.move({ from: move.from, to: move.to, promotion: move.promotion });
        expect(tried, `${move.from}${move.to} to ${game.fen()}`).toEqual(endingByRule(game, timesOf(game)));
        game.undo();
        if (tried) seen.add(tried.reason);
      }
    }
    // The positions above do reach every ending the bots look for.
    expect([...seen].sort()).toEqual(['checkmate', 'fifty-move-rule', 'insufficient-material', 'stalemate', 'threefold-repetition']);
  });
});
