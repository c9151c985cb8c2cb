// The seam over chess.js: move lookup, promotion, endings by rule and scoring.
import { describe, expect, it } from 'vitest';
import {
  Chess,
  cannotMate,
  claimableByMove,
  drawClaim,
  endingByRule,
  firstPosition,
  readTypedMove,
  playIfLegal,
  hostScore,
  isPromotionMove,
  isSquare,
  positionKey,
  quietMoves,
  recordPosition,
  resignationResult,
  timesNow,
  type PositionCounts,
} from './rules';
import type { DrawRules } from './types';

/** A game and the counts of its positions, as a board keeps them. */
class Game extends Chess {
  readonly positions: PositionCounts;

  constructor(fen?: string) {
    super(fen);
    this.positions = firstPosition(this);
  }

  /** Plays a line of SAN moves, counting each position. */
  line(moves: string): this {
    for (const san of moves.split(/\s+/).filter(Boolean)) recordPosition(this.positions, this.move(san));
    return this;
  }

  get times(): number {
    return timesNow(this.positions, this);
  }

  ending(drawRules?: DrawRules) {
    return endingByRule(this, this.times, drawRules);
  }

  claim() {
    return drawClaim(this, this.times);
  }
}

/** Plays a line of SAN moves from the start (or a FEN) and returns the game. */
function game(line: string, fen?: string): Game {
  return new Game(fen).line(line);
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
    expect(new Game().ending()).toBeNull();
    expect(game('e4 e5 Nf3 Nc6 Bb5').ending()).toBeNull();
  });

  it("scores fool's mate for black", () => {
    expect(game('f3 e5 g4 Qh4#').ending()).toEqual({ result: '0-1', reason: 'checkmate' });
  });

  it("scores scholar's mate for white", () => {
    expect(game('e4 e5 Bc4 Nc6 Qh5 Nf6 Qxf7#').ending()).toEqual({ result: '1-0', reason: 'checkmate' });
  });

  it("finds Sam Loyd's ten-move stalemate", () => {
    const chess = game('e3 a5 Qh5 Ra6 Qxa5 h5 h4 Rah6 Qxc7 f6 Qxd7+ Kf7 Qxb7 Qd3 Qxb8 Qh7 Qxc8 Kg6 Qe6');
    expect(chess.fen()).toBe('5bnr/4p1pq/4Qpkr/7p/7P/4P3/PPPP1PP1/RNB1KBNR b KQ - 2 10');
    expect(chess.ending()).toEqual({ result: '1/2-1/2', reason: 'stalemate' });
  });

  it('finds threefold repetition on the third occurrence, not before', () => {
    const chess = game('Nf3 Nf6 Ng1 Ng8 Nf3 Nf6 Ng1');
    expect(chess.ending()).toBeNull();
    chess.line('Ng8'); // the initial position for the third time
    expect(chess.ending()).toEqual({ result: '1/2-1/2', reason: 'threefold-repetition' });
  });

  it('finds insufficient material after the last rook is taken (K+B v K)', () => {
    const chess = new Game('4k3/8/8/8/8/8/5r2/4KB2 w - - 0 1');
    expect(chess.ending()).toBeNull();
    chess.line('Kxf2');
    expect(chess.ending()).toEqual({ result: '1/2-1/2', reason: 'insufficient-material' });
  });

  it('finds the fifty-move rule after one quiet move at halfmove clock 99', () => {
    const chess = new Game('4k3/8/8/8/8/8/8/R3K3 w - - 99 80');
    expect(chess.ending()).toBeNull();
    chess.line('Ra2');
    expect(chess.fen()).toBe('4k3/8/8/8/8/8/R7/4K3 b - - 100 80');
    expect(chess.ending()).toEqual({ result: '1/2-1/2', reason: 'fifty-move-rule' });
  });

  it('does not apply the fifty-move rule when the 100th half-move is a pawn move', () => {
    const chess = new Game('4k3/8/8/8/8/8/P7/R3K3 w - - 99 80');
    chess.line('a3');
    expect(chess.ending()).toBeNull();
  });

  it('calls checkmate, not the fifty-move rule, when the 100th half-move mates', () => {
    // Back-rank mate with the clock at 99: mate takes precedence.
    const chess = new Game('6k1/5ppp/8/8/8/8/8/R5K1 w - - 99 80');
    chess.line('Ra8#');
    expect(chess.ending()).toEqual({ result: '1-0', reason: 'checkmate' });
  });
});

describe('the same position, by the laws (FIDE 9.2.3)', () => {
  it('leaves the move counters out: the knight dance returns to the initial position', () => {
    const chess = game('Nf3 Nf6 Ng1 Ng8');
    expect(chess.fen()).not.toBe(new Chess().fen());
    expect(positionKey(chess)).toBe(positionKey(new Chess()));
    expect(chess.times).toBe(2);
  });

  it('leaves out an en passant square no pawn can take on: 1.e4 is the same position when it comes back', () => {
    // After 1.e4 the e3 square was passed (a FEN of the old standard names it), but no black
    // pawn stands beside e4: when the knights have gone out and back, the position is the same.
    const chess = game('e4');
    chess.line('Nc6 Nf3 Nb8 Ng1');
    expect(chess.times).toBe(2);
    chess.line('Nc6 Nf3 Nb8 Ng1');
    expect(chess.times).toBe(3);
    expect(chess.claim()).toBe('threefold-repetition');
  });

  it('leaves out an en passant capture that a pin forbids', () => {
    // ...d5 passes d6 beside the e5 pawn, but the rook on e8 pins it to its king.
    const chess = game('d5', '4r1k1/3p4/8/4P3/8/8/8/4K3 b - - 0 1');
    expect(chess.fen({ forceEnpassantSquare: true }).split(' ')[3]).toBe('d6');
    expect(chess.fen().split(' ')[3]).toBe('-');
    chess.line('Kf1 Kh8 Ke1 Kg8 Kf1 Kh8 Ke1 Kg8');
    expect(chess.times).toBe(3);
    expect(chess.ending()).toEqual({ result: '1/2-1/2', reason: 'threefold-repetition' });
  });

  it('counts an en passant capture that is possible: the position after it is another one', () => {
    // ...d5 beside the free e5 pawn: exd6 is possible now, and not when the kings come back.
    const chess = game('d5', '6k1/3p4/8/4P3/8/8/8/4K3 b - - 0 1');
    expect(chess.fen().split(' ')[3]).toBe('d6');
    chess.line('Kf1 Kh8 Ke1 Kg8 Kf1 Kh8 Ke1 Kg8');
    expect(chess.times).toBe(2);
    expect(chess.ending()).toBeNull();
  });

  it('tells positions apart by castling rights', () => {
    // The rook goes to g1 and back: the pieces stand as at the start, but white cannot castle short.
    const chess = game('Nf3 Nf6 Rg1 Ng8 Rh1 Nf6 Ng1 Ng8');
    expect(chess.fen().split(' ')[0]).toBe(new Chess().fen().split(' ')[0]);
    expect(chess.times).toBe(1);
  });
});

describe('draws claimed by the player to move', () => {
  const DANCE = 'Nf3 Nf6 Ng1 Ng8 Nf3 Nf6 Ng1';

  it('threefold: the third appearance ends nothing by itself; the player to move may claim it', () => {
    const chess = game(DANCE);
    expect(chess.claim()).toBeNull(); // twice so far
    chess.line('Ng8');
    expect(chess.ending('claimed')).toBeNull();
    expect(chess.claim()).toBe('threefold-repetition');
  });

  it('threefold: a claim on the second appearance is not valid', () => {
    expect(game('Nf3 Nf6 Ng1 Ng8').claim()).toBeNull();
  });

  it('threefold: the claim lapses once the position changes', () => {
    const chess = game(`${DANCE} Ng8 Nc3`);
    expect(chess.claim()).toBeNull();
  });

  it('fifty moves: claimable after the hundredth quiet half-move, not before', () => {
    const chess = new Game('4k3/8/8/8/8/8/8/R3K3 w - - 99 80');
    expect(chess.claim()).toBeNull();
    expect(quietMoves(chess)).toBe(49);
    chess.line('Ra2');
    expect(chess.ending('claimed')).toBeNull();
    expect(chess.claim()).toBe('fifty-move-rule');
    expect(chess.ending('automatic')).toEqual({ result: '1/2-1/2', reason: 'fifty-move-rule' });
  });

  it('fifty moves: a capture or a pawn move starts the count again', () => {
    const chess = new Game('4k3/8/8/8/8/8/P7/R3K3 w - - 99 80').line('a3');
    expect(chess.claim()).toBeNull();
  });

  it('sees a move that would make the claim valid, and none when there is none', () => {
    expect(claimableByMove(game(DANCE), game(DANCE).positions)).toBe(true); // ...Ng8 makes the third
    const twice = game('Nf3 Nf6 Ng1 Ng8');
    expect(claimableByMove(twice, twice.positions)).toBe(false);
    const fifty = new Game('4k3/8/8/8/8/8/8/R3K3 w - - 99 80');
    expect(claimableByMove(fifty, fifty.positions)).toBe(true);
    const opening = game('e4 e5');
    expect(claimableByMove(opening, opening.positions)).toBe(false);
  });
});

describe('endings in either mode', () => {
  const FIVE = 'Nf3 Nf6 Ng1 Ng8 Nf3 Nf6 Ng1 Ng8 Nf3 Nf6 Ng1 Ng8 Nf3 Nf6 Ng1 Ng8';

  it('fivefold repetition ends the game though nobody claims', () => {
    const chess = game(FIVE.split(' ').slice(0, -1).join(' '));
    expect(chess.ending('claimed')).toBeNull();
    chess.line('Ng8');
    expect(chess.times).toBe(5);
    expect(chess.ending('claimed')).toEqual({ result: '1/2-1/2', reason: 'fivefold-repetition' });
    expect(chess.ending('automatic')).toEqual({ result: '1/2-1/2', reason: 'fivefold-repetition' });
  });

  it('seventy-five moves end the game though nobody claims', () => {
    const chess = new Game('4k3/8/8/8/8/8/8/R3K3 w - - 149 120');
    expect(chess.ending('claimed')).toBeNull();
    chess.line('Ra2');
    expect(chess.ending('claimed')).toEqual({ result: '1/2-1/2', reason: 'seventy-five-move-rule' });
    expect(chess.ending('automatic')).toEqual({ result: '1/2-1/2', reason: 'seventy-five-move-rule' });
  });

  it('mate on the 150th quiet half-move is mate', () => {
    const chess = new Game('6k1/5ppp/8/8/8/8/8/R5K1 w - - 149 120').line('Ra8#');
    expect(chess.ending('claimed')).toEqual({ result: '1-0', reason: 'checkmate' });
  });

  it('a dead position ends the game: bishops all on squares of one colour', () => {
    // Bishops on c8 and f1, both light squares: no mate can ever happen.
    const chess = new Game('2b1k3/8/8/8/8/8/8/4KB2 w - - 0 1');
    expect(chess.ending('claimed')).toEqual({ result: '1/2-1/2', reason: 'insufficient-material' });
  });
});

describe('cannotMate: whether a side with time left can still win', () => {
  const side = (fen: string, color: 'w' | 'b') => cannotMate(new Chess(fen), color);

  it('a bare king never mates', () => {
    expect(side('4k3/8/8/8/8/8/8/Q3K3 b - - 0 1', 'b')).toBe(true);
  });

  it('a king and a knight or a bishop cannot mate a bare king', () => {
    expect(side('4k3/8/8/8/8/8/8/1N2K3 w - - 0 1', 'w')).toBe(true);
    expect(side('4k3/8/8/8/8/8/8/2B1K3 w - - 0 1', 'w')).toBe(true);
  });

  it('a king and a minor piece may mate when the other side has pieces to block its own king', () => {
    expect(side('4k3/4p3/8/8/8/8/8/1N2K3 w - - 0 1', 'w')).toBe(false);
    expect(side('1n2k3/8/8/8/8/8/8/2B1K3 w - - 0 1', 'w')).toBe(false);
  });

  it('a rook, a queen, a pawn or two minor pieces may mate', () => {
    expect(side('4k3/8/8/8/8/8/8/R3K3 w - - 0 1', 'w')).toBe(false);
    expect(side('4k3/8/8/8/8/8/P7/4K3 w - - 0 1', 'w')).toBe(false);
    expect(side('4k3/8/8/8/8/8/8/1NB1K3 w - - 0 1', 'w')).toBe(false);
  });

  it('bishops all on one colour of square cannot mate', () => {
    expect(side('4k3/8/8/8/8/8/8/2B1KB2 w - - 0 1', 'w')).toBe(false); // c1 dark, f1 light
    expect(side('4k3/8/8/8/2B5/8/8/4KB2 w - - 0 1', 'w')).toBe(true); // c4 and f1: both light
    expect(side('4k3/8/8/8/2B5/8/8/b3KB2 w - - 0 1', 'w')).toBe(false); // and a black bishop on a1, dark
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
