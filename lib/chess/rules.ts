// The thin seam over chess.js: every rule question the simul asks goes through here.
import { Chess, type Move } from 'chess.js';
import type { Color, EndReason, Promotion, Result } from '../simul/types';

export { Chess };

const SQUARE = /^[a-h][1-8]$/;

export function isSquare(s: string): boolean {
  return SQUARE.test(s);
}

/**
 * Plays the move from `from` to `to` if it is legal and returns it (with its SAN), or returns
 * null and leaves the position as it was. One chess.js call: asking for the legal moves first
 * would compute the notation of every candidate, which costs more than the move itself.
 * A promotion defaults to a queen; a promotion piece sent with an ordinary move is ignored.
 */
export function playIfLegal(chess: Chess, from: string, to: string, promotion?: Promotion): Move | null {
  if (!isSquare(from) || !isSquare(to)) return null;
  try {
    return chess.move({ from, to, promotion: promotion ?? 'q' });
  } catch {
    return null;
  }
}

/** Whether a move from `from` to `to` needs a promotion piece (a pawn reaching the last rank). */
const UCI = /^([a-h][1-8])-?([a-h][1-8])([qrbn])?$/;

/**
 * A move typed on a keyboard, in SAN ("Nf3", "exd5", "O-O", "e8=Q") or UCI ("g1f3", "e7e8q"),
 * read in the position `fen`: its from, to and promotion, or null when it is not a legal move
 * there. Spaces and a trailing check mark are forgiven; the position is not changed.
 */
export function readTypedMove(fen: string, typed: string): { from: string; to: string; promotion?: Promotion } | null {
  const text = typed.trim().replace(/\s+/g, '');
  if (!text) return null;
  const chess = new Chess(fen);
  const uci = UCI.exec(text.toLowerCase());
  const move = uci ? playIfLegal(chess, uci[1], uci[2], uci[3] as Promotion | undefined) : playSan(chess, text);
  if (!move) return null;
  return { from: move.from, to: move.to, ...(move.promotion ? { promotion: move.promotion as Promotion } : {}) };
}

function playSan(chess: Chess, san: string): Move | null {
  try {
    return chess.move(san);
  } catch {
    return null;
  }
}

export function isPromotionMove(chess: Chess, from: string, to: string): boolean {
  if (!isSquare(from) || !isSquare(to)) return false;
  return chess
    .moves({ square: from as never, verbose: true })
    .some((m) => m.to === to && Boolean(m.promotion));
}

/** How the game in this position has ended by rule, or null while it goes on. */
export function endingByRule(chess: Chess): { result: Result; reason: EndReason } | null {
  // One legal-move generation answers mate or stalemate, whichever the check decides can be:
  // this runs on every move. (chess.moves() would also write every move's notation.)
  const checked = chess.inCheck();
  if (checked ? chess.isCheckmate() : chess.isStalemate()) {
    return checked ? { result: chess.turn() === 'w' ? '0-1' : '1-0', reason: 'checkmate' } : { result: '1/2-1/2', reason: 'stalemate' };
  }
  if (chess.isInsufficientMaterial()) return { result: '1/2-1/2', reason: 'insufficient-material' };
  if (chess.isThreefoldRepetition()) return { result: '1/2-1/2', reason: 'threefold-repetition' };
  if (chess.isDrawByFiftyMoves()) return { result: '1/2-1/2', reason: 'fifty-move-rule' };
  return null;
}

/** The result when `loser` resigns. */
export function resignationResult(loser: Color): Result {
  return loser === 'w' ? '0-1' : '1-0';
}

/** Points for the host: 1 win, 0.5 draw, 0 loss. */
export function hostScore(result: Result, hostColor: Color): number {
  if (result === '1/2-1/2') return 0.5;
  const whiteWon = result === '1-0';
  return whiteWon === (hostColor === 'w') ? 1 : 0;
}
