import { describe, expect, it } from 'vitest';
import { Chess } from 'chess.js';
import { endingByRule, firstPosition, recordPosition, timesAfter } from '../chess/rules';
import { Prng } from '../random';
import { chooseMove, type BotMove } from './moves';
import type { BotPolicy } from './spec';

const POLICIES: BotPolicy[] = [
  { strength: 'random' },
  { strength: 'sensible' },
  { strength: 'random', avoidEnding: true },
  { strength: 'sensible', avoidEnding: true },
];

/** Positions from random games, some deep into the game (promotions, castling, en passant). */
function randomPositions(count: number, seed: number): string[] {
  const random = new Prng(seed);
  const fens: string[] = [];
  let game = new Chess();
  while (fens.length < count) {
    const moves = game.moves();
    if (moves.length === 0 || game.isGameOver()) {
      game = new Chess();
      continue;
    }
    game.move(random.pick(moves));
    if (!game.isGameOver() && random.chance(0.3)) fens.push(game.fen());
  }
  return fens;
}

function play(fen: string, move: BotMove): Chess {
  const game = new Chess(fen);
  game.move(move); // throws on an illegal move
  return game;
}

describe('chooseMove', () => {
  it('always returns a legal move, whatever the policy', () => {
    const random = new Prng(11);
    for (const fen of randomPositions(200, 7)) {
      for (const policy of POLICIES) {
        const move = chooseMove(fen, policy, random);
        expect(() => play(fen, move), `${policy.strength} in ${fen}`).not.toThrow();
      }
    }
  });

  it('refuses a position with no legal move', () => {
    expect(() => chooseMove('7k/5Q2/6K1/8/8/8/8/8 b - - 0 1', { strength: 'random' }, new Prng(1))).toThrow(/no legal move/);
  });

  it('draws the same move from the same seed', () => {
    for (const fen of randomPositions(30, 3)) {
      for (const policy of POLICIES) {
        expect(chooseMove(fen, policy, new Prng(99))).toEqual(chooseMove(fen, policy, new Prng(99)));
      }
    }
  });

  it('the sensible bot takes a hanging queen', () => {
    const fen = '4k3/8/8/3q4/8/8/3R4/4K3 w - - 0 1';
    for (let seed = 1; seed <= 20; seed++) {
      expect(chooseMove(fen, { strength: 'sensible' }, new Prng(seed))).toEqual({ from: 'd2', to: 'd5' });
    }
  });

  it('the sensible bot gives mate in one', () => {
    for (const [fen, mate] of [
      ['6k1/5ppp/8/8/8/8/8/R5K1 w - - 0 1', { from: 'a1', to: 'a8' }],
      ['k7/8/2K5/8/8/8/8/1Q6 w - - 0 1', { from: 'b1', to: 'b7' }],
      ['rnbqkbnr/pppp1ppp/8/4p3/6P1/5P2/PPPPP2P/RNBQKBNR b KQkq - 0 2', { from: 'd8', to: 'h4' }],
    ] as const) {
      for (let seed = 1; seed <= 10; seed++) {
        expect(chooseMove(fen, { strength: 'sensible' }, new Prng(seed))).toEqual(mate);
      }
    }
  });

  it('the sensible bot does not hang its queen', () => {
    // The rook on a8 and the bishop on h3 cover many of the queen's squares.
    const fen = 'r3k3/8/8/8/8/7b/8/3QK3 w - - 0 1';
    for (let seed = 1; seed <= 30; seed++) {
      const move = chooseMove(fen, { strength: 'sensible' }, new Prng(seed));
      const after = play(fen, move);
      const queen = after.findPiece({ type: 'q', color: 'w' })[0];
      if (queen) expect(after.isAttacked(queen, 'b'), `${move.from}-${move.to}`).toBe(false);
    }
    // A random bot does hang it, in some of those draws: the position can tell the two apart.
    const hung = Array.from({ length: 30 }, (_, i) => {
      const after = play(fen, chooseMove(fen, { strength: 'random' }, new Prng(i + 1)));
      const queen = after.findPiece({ type: 'q', color: 'w' })[0];
      return queen !== undefined && after.isAttacked(queen, 'b');
    });
    expect(hung).toContain(true);
  });

  it('a bot that avoids ending never mates, stalemates or draws by rule while it can go on', () => {
    const endings = [
      '6k1/5ppp/8/8/8/8/8/R5K1 w - - 0 1', // Ra8 mates
      'k7/8/2K5/8/8/8/8/1Q6 w - - 0 1', // Qb7 mates, Qb6 stalemates
      '7k/8/8/8/8/8/5q2/4K3 w - - 0 1', // Kxf2: insufficient material
    ];
    for (const fen of endings) {
      for (const strength of ['random', 'sensible'] as const) {
        for (let seed = 1; seed <= 25; seed++) {
          const move = chooseMove(fen, { strength, avoidEnding: true }, new Prng(seed));
          // One move from a position with no history: nothing has repeated.
          expect(endingByRule(play(fen, move), 1), `${strength} ${move.from}-${move.to} in ${fen}`).toBeNull();
        }
      }
    }
  });

  it('a bot that avoids ending does not repeat a position a third time, and leaves the game it is given as it was', () => {
    const game = new Chess();
    for (const san of ['Nf3', 'Nf6', 'Ng1', 'Ng8', 'Nf3', 'Nf6', 'Ng1']) game.move(san);
    const fen = game.fen();
    for (const strength of ['random', 'sensible'] as const) {
      for (let seed = 1; seed <= 40; seed++) {
        const move = chooseMove(game, { strength, avoidEnding: true }, new Prng(seed));
        expect(move).not.toEqual({ from: 'f6', to: 'g8' });
        expect(game.fen()).toBe(fen);
        expect(game.history()).toHaveLength(7);
      }
    }
    // Ng8 is one of the moves a bot minding nothing may play.
    const plain = Array.from({ length: 60 }, (_, i) => chooseMove(game, { strength: 'random' }, new Prng(i)));
    expect(plain).toContainEqual({ from: 'f6', to: 'g8' });
  });

  it('bots that avoid ending play games of 30 move pairs to the end (they keep out of forced repetitions)', () => {
    // Two sensible bots once gave perpetual check until the third repetition was forced.
    for (const strength of ['random', 'sensible'] as const) {
      for (let seed = 1; seed <= 20; seed++) {
        const game = new Chess();
        const positions = firstPosition(game);
        for (let ply = 0; ply < 60; ply++) {
          const move = game.move(chooseMove(game, { strength, avoidEnding: true }, new Prng(seed * 100 + ply)));
          const times = timesAfter(positions, move);
          recordPosition(positions, move);
          if (endingByRule(game, times)) expect.fail(`${strength}, seed ${seed}, ply ${ply}: ${game.history().join(' ')}`);
        }
      }
    }
  });

  it('a bot that avoids ending does not go back to a position already seen while it has another move', () => {
    // Two sensible bots' game: black's checks drive the white king back and forth; a second
    // Bc5+ would repeat, and then white's only legal moves repeat a third time.
    const line =
      'Nh3 e5 a3 d5 Nc3 Na6 e3 Nb8 Bb5+ Ke7 Rb1 Kf6 Qf3+ Ke7 Nxd5+ Ke6 c3 Qxd5 Qxd5+ Kxd5 c4+ Kd6 f3 f6 e4 h5 f4 a5 ' +
      'fxe5+ Kxe5 d3 Ke6 Nf4+ Ke7 Nd5+ Kd8 Rf1 Na6 Bf4 Nh6 Bxc7+ Nxc7 a4 Bb4+ Ke2 Bg4+ Ke3 Nxd5+ exd5 Nf5+ Kf2 Bc5+ Ke1 Bb4+ Kf2';
    const game = new Chess();
    for (const san of line.split(' ')) game.move(san);
    for (let seed = 1; seed <= 20; seed++) {
      expect(chooseMove(game, { strength: 'sensible', avoidEnding: true }, new Prng(seed))).not.toEqual({ from: 'b4', to: 'c5' });
    }
  });

  it('when every move ends the game, a bot that avoids ending still moves', () => {
    // The king must take the queen: king against king.
    const move = chooseMove('7k/6Q1/8/8/8/8/8/5K2 b - - 0 1', { strength: 'sensible', avoidEnding: true }, new Prng(5));
    expect(move).toEqual({ from: 'h8', to: 'g7' });
  });

  it('promotes when it moves a pawn to the last rank', () => {
    const move = chooseMove('8/P6k/8/8/8/8/8/K7 w - - 0 1', { strength: 'sensible' }, new Prng(1));
    expect(move).toEqual({ from: 'a7', to: 'a8', promotion: 'q' });
  });
});
