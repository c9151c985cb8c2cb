// Trying and playing moves fast, for the bots and the board's game (game.ts). chess.js's public
// move(), undo() and moves({ verbose }) each write the notation and two FENs of every move they
// return or play, which costs a full legal-move generation per move: looking one ply ahead
// through them costs milliseconds. Here the same chess.js game is driven through the move
// generation those methods use inside (chess.js 1.x: _moves, _makeMove, _undoMove,
// _moveToSan, _incPositionCount, _getPositionCount, _hash, _history; fast-moves.test.ts and
// game.test.ts check that this agrees with the public methods, so a chess.js upgrade that
// changes them fails there).
import type { Chess, PieceSymbol, Square } from 'chess.js';
import type { EndReason, Promotion, Result } from './types';

export interface InternalMove {
  from: number;
  to: number;
  piece: PieceSymbol;
  captured?: PieceSymbol;
  promotion?: PieceSymbol;
}

interface Internals {
  _moves(options: { legal: boolean; piece?: PieceSymbol; square?: Square }): InternalMove[];
  _makeMove(move: InternalMove): void;
  _undoMove(): unknown;
  /** The move's notation; `moves`: the legal moves it must be told apart from (the same kind of piece's, at least). */
  _moveToSan(move: InternalMove, moves: InternalMove[]): string;
  /** Counts the current position (chess.js's move() does after _makeMove; its repetition questions read the counts). */
  _incPositionCount(): void;
  _getPositionCount(hash: bigint): number;
  _hash: bigint;
  /** One entry per move played. */
  _history: unknown[];
}

export function internals(game: Chess): Internals {
  return game as unknown as Internals;
}

/** A legal move as the bots see it: squares, the piece, what it takes and what it becomes. */
export interface TriedMove {
  from: Square;
  to: Square;
  piece: PieceSymbol;
  captured?: PieceSymbol;
  promotion?: Promotion;
  /** chess.js's own move, to play it back with tryMove. */
  readonly internal: InternalMove;
}

/** chess.js numbers squares 0x88: rank from the top in the high nibble, file in the low one. */
export function squareName(square0x88: number): Square {
  return ('abcdefgh'[square0x88 & 0xf] + '87654321'[square0x88 >> 4]) as Square;
}

/** Every legal move of the side to move (no notation written). */
export function legalMoves(game: Chess): TriedMove[] {
  return internals(game)
    ._moves({ legal: true })
    .map((internal) => ({
      from: squareName(internal.from),
      to: squareName(internal.to),
      piece: internal.piece,
      ...(internal.captured ? { captured: internal.captured } : {}),
      ...(internal.promotion ? { promotion: internal.promotion as Promotion } : {}),
      internal,
    }));
}

/**
 * Whether the side to move has a legal move: its pieces' squares one at a time, stopping at the
 * first with a move, so that a full move generation is made only when there is none (mate or
 * stalemate). chess.js's isCheckmate and isStalemate generate every move.
 */
export function hasLegalMove(game: Chess): boolean {
  const inside = internals(game);
  const us = game.turn();
  for (const rank of game.board()) {
    for (const piece of rank) {
      if (piece?.color === us && inside._moves({ legal: true, square: piece.square }).length > 0) return true;
    }
  }
  return false;
}

/**
 * Plays `move` on `game`, asks `look` about the position after it, and takes the move back:
 * the game is as it was when this returns. Inside `look` read the position with chess.js's
 * questions (inCheck, isAttacked, attackers, board, get...) and endingAfterTry, never
 * isThreefoldRepetition (a tried position is not counted) nor move or undo.
 */
export function tryMove<T>(game: Chess, move: TriedMove, look: (game: Chess) => T): T {
  const inside = internals(game);
  inside._makeMove(move.internal);
  try {
    return look(game);
  } finally {
    inside._undoMove();
  }
}

/** Whether the position a tryMove reached was on the board before in this game. */
export function seenBefore(game: Chess): boolean {
  const inside = internals(game);
  return inside._getPositionCount(inside._hash) >= 1;
}

/**
 * How the game ends in the position a tryMove reached, or null (as endingByRule in rules.ts).
 * `stalemate: false` leaves out the one question that costs a move generation when the side to
 * move is not in check: whether it has any move at all.
 */
export function endingAfterTry(game: Chess, { stalemate = true } = {}): { result: Result; reason: EndReason } | null {
  const inside = internals(game);
  const checked = game.inCheck();
  if ((checked || stalemate) && !hasLegalMove(game)) {
    return checked ? { result: game.turn() === 'w' ? '0-1' : '1-0', reason: 'checkmate' } : { result: '1/2-1/2', reason: 'stalemate' };
  }
  if (game.isInsufficientMaterial()) return { result: '1/2-1/2', reason: 'insufficient-material' };
  // The position tried is not yet counted: two earlier visits make this one the third.
  if (inside._getPositionCount(inside._hash) >= 2) return { result: '1/2-1/2', reason: 'threefold-repetition' };
  if (game.isDrawByFiftyMoves()) return { result: '1/2-1/2', reason: 'fifty-move-rule' };
  return null;
}
