// The seam over chess.js: move lookup, promotion, endings by rule and scoring.
import { describe, expect, it } from 'vitest';
import {
  Chess,
  endingByRule,
  readTypedMove,
  playIfLegal,
  hostScore,
  isPromotionMove,
  isSquare,
  resignationResult,
} from './rules';

/** Plays a line of SAN moves from the start (or a FEN) and returns the game. */
function game(line: string, fen?: string): Chess {
  const chess = fen ? new Chess(fen) : new Chess();
  for (const san of line.split(/\s+/).filter(Boolean)) chess.move(san);
  return chess;
}

// White pawn on e7, kings far away: e8 is a promotion square.
const PROMOTION_FEN = '8/4P3/8/8/8/8/k7/4K3 w - - 0 1';

describe('isSquare', () => {
  it('accepts a1..h8 and nothing else', () => {
    expect(['a1', 'h8', 'e4'].every(isSquare)).toBe(true);
    expect(['i1', 'a9', 'a0', 'E4', 'e44', '', ' e4'].some(isSquare)).toBe(false);
  });
});

describe('playIfLegal', () => {
  it('plays a legal move and describes it', () => {
    const chess = new Chess();
    const m = playIfLegal(chess, 'e2', 'e4');
    expect(m).toMatchObject({ from: 'e2', to: 'e4', san: 'e4', piece: 'p', color: 'w' });
    expect(chess.history()).toEqual(['e4']);
  });

  it('returns null for an illegal move, an empty square, the wrong colour or a non-square, and changes nothing', () => {
    const chess = new Chess();
    const fen = chess.fen();
    expect(playIfLegal(chess, 'e2', 'e5')).toBeNull();
    expect(playIfLegal(chess, 'e4', 'e5')).toBeNull();
    expect(playIfLegal(chess, 'e7', 'e5')).toBeNull(); // black's pawn, white to move
    expect(playIfLegal(chess, 'z9', 'e4')).toBeNull();
    expect(playIfLegal(chess, 'e2', 'e9')).toBeNull();
    expect(chess.fen()).toBe(fen);
    expect(chess.history()).toEqual([]);
  });

  it('defaults a promotion to a queen', () => {
    expect(playIfLegal(new Chess(PROMOTION_FEN), 'e7', 'e8')).toMatchObject({ promotion: 'q', san: 'e8=Q' });
  });

  it('honours an underpromotion', () => {
    expect(playIfLegal(new Chess(PROMOTION_FEN), 'e7', 'e8', 'n')).toMatchObject({ promotion: 'n', san: 'e8=N' });
    expect(playIfLegal(new Chess(PROMOTION_FEN), 'e7', 'e8', 'r')).toMatchObject({ promotion: 'r', san: 'e8=R' });
    expect(playIfLegal(new Chess(PROMOTION_FEN), 'e7', 'e8', 'b')).toMatchObject({ promotion: 'b', san: 'e8=B' });
  });

  it('ignores a promotion piece sent with an ordinary move', () => {
    const m = playIfLegal(new Chess(), 'e2', 'e4', 'n');
    expect(m?.san).toBe('e4');
    expect(m?.promotion).toBeUndefined();
  });
});

describe('isPromotionMove', () => {
  it('is true only for a pawn reaching the last rank', () => {
    const chess = new Chess(PROMOTION_FEN);
    expect(isPromotionMove(chess, 'e7', 'e8')).toBe(true);
    expect(isPromotionMove(chess, 'e1', 'e2')).toBe(false);
    expect(isPromotionMove(new Chess(), 'e2', 'e4')).toBe(false);
    expect(isPromotionMove(chess, 'e7', 'x8')).toBe(false);
  });
});

describe('endingByRule', () => {
  it('is null in the initial position and in an ordinary middlegame', () => {
    expect(endingByRule(new Chess())).toBeNull();
    expect(endingByRule(game('e4 e5 Nf3 Nc6 Bb5'))).toBeNull();
  });

  it("scores fool's mate for black", () => {
    expect(endingByRule(game('f3 e5 g4 Qh4#'))).toEqual({ result: '0-1', reason: 'checkmate' });
  });

  it("scores scholar's mate for white", () => {
    expect(endingByRule(game('e4 e5 Bc4 Nc6 Qh5 Nf6 Qxf7#'))).toEqual({ result: '1-0', reason: 'checkmate' });
  });

  it("finds Sam Loyd's ten-move stalemate", () => {
    const chess = game('e3 a5 Qh5 Ra6 Qxa5 h5 h4 Rah6 Qxc7 f6 Qxd7+ Kf7 Qxb7 Qd3 Qxb8 Qh7 Qxc8 Kg6 Qe6');
    expect(chess.fen()).toBe('5bnr/4p1pq/4Qpkr/7p/7P/4P3/PPPP1PP1/RNB1KBNR b KQ - 2 10');
    expect(endingByRule(chess)).toEqual({ result: '1/2-1/2', reason: 'stalemate' });
  });

  it('finds threefold repetition on the third occurrence, not before', () => {
    const chess = game('Nf3 Nf6 Ng1 Ng8 Nf3 Nf6 Ng1');
    expect(endingByRule(chess)).toBeNull();
    chess.move('Ng8'); // the initial position for the third time
    expect(endingByRule(chess)).toEqual({ result: '1/2-1/2', reason: 'threefold-repetition' });
  });

  it('finds insufficient material after the last rook is taken (K+B v K)', () => {
    const chess = new Chess('4k3/8/8/8/8/8/5r2/4KB2 w - - 0 1');
    expect(endingByRule(chess)).toBeNull();
    chess.move('Kxf2');
    expect(endingByRule(chess)).toEqual({ result: '1/2-1/2', reason: 'insufficient-material' });
  });

  it('finds the fifty-move rule after one quiet move at halfmove clock 99', () => {
    const chess = new Chess('4k3/8/8/8/8/8/8/R3K3 w - - 99 80');
    expect(endingByRule(chess)).toBeNull();
    chess.move('Ra2');
    expect(chess.fen()).toBe('4k3/8/8/8/8/8/R7/4K3 b - - 100 80');
    expect(endingByRule(chess)).toEqual({ result: '1/2-1/2', reason: 'fifty-move-rule' });
  });

  it('does not apply the fifty-move rule when the 100th half-move is a pawn move', () => {
    const chess = new Chess('4k3/8/8/8/8/8/P7/R3K3 w - - 99 80');
    chess.move('a3');
    expect(endingByRule(chess)).toBeNull();
  });

  it('calls checkmate, not the fifty-move rule, when the 100th half-move mates', () => {
    // Back-rank mate with the clock at 99: mate takes precedence.
    const chess = new Chess('6k1/5ppp/8/8/8/8/8/R5K1 w - - 99 80');
    chess.move('Ra8#');
    expect(endingByRule(chess)).toEqual({ result: '1-0', reason: 'checkmate' });
  });
});

describe('resignationResult', () => {
  it('gives the game to the other colour', () => {
    expect(resignationResult('w')).toBe('0-1');
    expect(resignationResult('b')).toBe('1-0');
  });
});

describe('hostScore', () => {
  it('counts from the host colour', () => {
    expect(hostScore('1-0', 'w')).toBe(1);
    expect(hostScore('1-0', 'b')).toBe(0);
    expect(hostScore('0-1', 'w')).toBe(0);
    expect(hostScore('0-1', 'b')).toBe(1);
    expect(hostScore('1/2-1/2', 'w')).toBe(0.5);
    expect(hostScore('1/2-1/2', 'b')).toBe(0.5);
  });
});

describe('readTypedMove', () => {
  const START = new Chess().fen();
  it('reads SAN and UCI, forgiving spaces and a check mark', () => {
    expect(readTypedMove(START, 'Nf3')).toEqual({ from: 'g1', to: 'f3' });
    expect(readTypedMove(START, ' e4 ')).toEqual({ from: 'e2', to: 'e4' });
    expect(readTypedMove(START, 'g1f3')).toEqual({ from: 'g1', to: 'f3' });
    expect(readTypedMove(START, 'E2-E4')).toEqual({ from: 'e2', to: 'e4' });
    const promoting = '8/4P3/8/8/8/8/k7/4K3 w - - 0 1';
    expect(readTypedMove(promoting, 'e8=Q+')).toEqual({ from: 'e7', to: 'e8', promotion: 'q' });
    expect(readTypedMove(promoting, 'e7e8n')).toEqual({ from: 'e7', to: 'e8', promotion: 'n' });
  });

  it('refuses what is not a legal move in the position, and leaves nothing changed', () => {
    for (const typed of ['', 'Nf6', 'e5', 'e2e5', 'hello', 'O-O', 'Ke2']) expect(readTypedMove(START, typed), typed).toBeNull();
  });
});
