// A board's game: chess.js's, which the server plays once a move. The room decides a move
// (lookAt: is it legal, its notation, the position after it, how the game ends there) and the
// game is as it was when the look returns; then it folds the move (play), and the game, still
// where the look left it, makes the move the look found without searching for it again. A play
// nothing looked at first (a client's fold, a replay) searches once. The look leaves nothing a
// reader can see: a look never played is forgotten at the next look or play, and a play checks
// that the game stands where the look stood.
import { Chess, type PieceSymbol, type Square } from 'chess.js';
import { internals, squareName, type InternalMove } from './fast-moves';
import { isSquare } from './rules';
import type { Promotion } from './types';

/** A move played: its squares, its piece, what it took, and the position after it. */
interface PlayedMove {
  from: Square;
  to: Square;
  promotion?: Promotion;
  piece: PieceSymbol;
  captured?: PieceSymbol;
  /** The FEN after the move (as chess.js's Move.after). */
  after: string;
}

/** A move looked at: as it would be played, with its notation. */
interface LookedMove extends PlayedMove {
  san: string;
}

/** Whether chess.js's move is the one from `from` to `to` (a promotion defaults to a queen; one sent with another move is ignored). */
function matches(move: InternalMove, from: string, to: string, promotion: Promotion | undefined): boolean {
  return squareName(move.from) === from && squareName(move.to) === to && (!move.promotion || move.promotion === (promotion ?? 'q'));
}

function played(move: InternalMove, after: string): PlayedMove {
  return {
    from: squareName(move.from),
    to: squareName(move.to),
    ...(move.promotion ? { promotion: move.promotion as Promotion } : {}),
    piece: move.piece,
    ...(move.captured ? { captured: move.captured } : {}),
    after,
  };
}

export class Game extends Chess {
  #plays = 0;
  /** The last look, and where the game stood then (its position's hash and its number of plies). */
  #looked: { hash: bigint; plies: number; internal: InternalMove; move: LookedMove } | null = null;

  /**
   * How many times a move was searched for on this game (a look, a play nothing looked at) or
   * played or taken back through chess.js's own move() and undo(). The server's move path
   * costs one a move (server/room/one-play-per-move.test.ts).
   */
  get plays(): number {
    return this.#plays;
  }

  override move(...args: Parameters<Chess['move']>): ReturnType<Chess['move']> {
    this.#plays++;
    return super.move(...args);
  }

  override undo(): ReturnType<Chess['undo']> {
    this.#plays++;
    return super.undo();
  }

  /**
   * Looks at the move from `from` to `to`: null when it is not legal, else the move and what
   * `look` saw in the position after it. The game is as it was when this returns. Inside `look`
   * read the position with chess.js's questions (inCheck, isCheckmate, isDrawByFiftyMoves, fen...),
   * never move or undo.
   */
  lookAt<T>(from: string, to: string, promotion: Promotion | undefined, look: (after: Game, move: LookedMove) => T): { move: LookedMove; seen: T } | null {
    const candidates = this.#candidates(from);
    const internal = candidates.find((m) => matches(m, from, to, promotion));
    if (!internal) return null;
    const inside = internals(this);
    const san = inside._moveToSan(internal, candidates);
    const before = { hash: inside._hash, plies: inside._history.length };
    inside._makeMove(internal);
    try {
      const move: LookedMove = { ...played(internal, this.fen()), san };
      const seen = look(this, move);
      this.#looked = { ...before, internal, move };
      return { move, seen };
    } finally {
      inside._undoMove();
    }
  }

  /**
   * Plays the move from `from` to `to` (as chess.js's move() would, without writing its
   * notation): what the last look found, when the game stands where it stood; else searched.
   * Throws when the move is not legal.
   */
  play(from: string, to: string, promotion?: Promotion): PlayedMove {
    const inside = internals(this);
    const looked = this.#looked;
    this.#looked = null;
    if (looked && looked.hash === inside._hash && looked.plies === inside._history.length && matches(looked.internal, from, to, promotion)) {
      inside._makeMove(looked.internal);
      inside._incPositionCount();
      return looked.move;
    }
    const internal = this.#candidates(from).find((m) => matches(m, from, to, promotion));
    if (!internal) throw new Error(`Invalid move: ${from}-${to} in ${this.fen()}`);
    inside._makeMove(internal);
    inside._incPositionCount();
    return played(internal, this.fen());
  }

  /**
   * The legal moves of the kind of piece on `from` (one search, counted): the move is among
   * them, and so is every move its notation must be told apart from. None when that piece is
   * not the side to move's.
   */
  #candidates(from: string): InternalMove[] {
    this.#plays++;
    if (!isSquare(from)) return [];
    const piece = this.get(from as Square);
    if (!piece || piece.color !== this.turn()) return [];
    return internals(this)._moves({ legal: true, piece: piece.type });
  }
}
