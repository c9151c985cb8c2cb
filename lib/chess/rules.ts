// The thin seam over chess.js: every rule question the simul asks goes through here.
import { Chess, type Move, type PieceSymbol } from 'chess.js';
import { hasLegalMove } from './fast-moves';
import type { Color, DrawRules, EndReason, Promotion, Result } from './types';

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

/**
 * A position as the laws of chess compare positions (FIDE 9.2.3): the same pieces on the same
 * squares, the same side to move, the same castling rights and the same en passant capture
 * possible. FEN's first four fields as chess.js writes them: it names an en passant square only
 * when a pawn may legally take there. The move counters are left out.
 */
export function positionKey(chess: Chess): string {
  return keyOfFen(chess.fen());
}

function keyOfFen(fen: string): string {
  let end = -1;
  for (let i = 0; i < 4; i++) end = fen.indexOf(' ', end + 1);
  return fen.slice(0, end);
}

/**
 * How many times each position has appeared since the last capture or pawn move: no position
 * from before one can appear again, so the counts are kept for this run only.
 */
export type PositionCounts = Map<string, number>;

/** The counts of a game that starts in `chess`'s position. */
export function firstPosition(chess: Chess): PositionCounts {
  return new Map([[positionKey(chess), 1]]);
}

/** What the counts need of a move played: chess.js's Move, or the board's game's (game.ts). */
interface CountedMove {
  piece: PieceSymbol;
  captured?: PieceSymbol;
  /** The FEN after the move. */
  after: string;
}

/** A capture or a pawn move: nothing before it can be repeated, and the fifty-move count starts again. */
function isIrreversible(move: CountedMove): boolean {
  return move.piece === 'p' || Boolean(move.captured);
}

// The key is read from the move's FEN after it (move.after, written as the move is played),
// not from a second chess.fen() on every move.

/** How many times the position after `move` has appeared, counting this time. */
export function timesAfter(positions: PositionCounts, move: CountedMove): number {
  return isIrreversible(move) ? 1 : (positions.get(keyOfFen(move.after)) ?? 0) + 1;
}

/** Counts the position after `move`. */
export function recordPosition(positions: PositionCounts, move: CountedMove): void {
  if (isIrreversible(move)) positions.clear();
  const key = keyOfFen(move.after);
  positions.set(key, (positions.get(key) ?? 0) + 1);
}

/** How many times the current position has appeared. */
export function timesNow(positions: PositionCounts, chess: Chess): number {
  return positions.get(positionKey(chess)) ?? 1;
}

/** Moves by each side since the last capture or pawn move (half-moves / 2, as the laws count them). */
export function quietMoves(chess: Chess): number {
  return Math.floor(halfMoveClock(chess) / 2);
}

function halfMoveClock(chess: Chess): number {
  return Number(chess.fen().split(' ')[4]);
}

export interface Ending {
  result: Result;
  reason: EndReason;
}

const DRAWN = '1/2-1/2';

/**
 * How the game in this position has ended by rule, or null while it goes on. `times`: how many
 * times this position has appeared (see timesAfter). Mate, stalemate, a dead position (no
 * mating material), fivefold repetition and seventy-five moves end it in any case; threefold
 * repetition and fifty moves only when the simul's draws are automatic (else they are claimed).
 */
export function endingByRule(chess: Chess, times: number, drawRules: DrawRules = 'automatic'): Ending | null {
  // This runs on every move: whether any legal move is left is asked piece by piece, stopping
  // at the first (chess.js's isCheckmate and isStalemate generate every move).
  const checked = chess.inCheck();
  if (!hasLegalMove(chess)) {
    return checked ? { result: chess.turn() === 'w' ? '0-1' : '1-0', reason: 'checkmate' } : { result: DRAWN, reason: 'stalemate' };
  }
  if (chess.isInsufficientMaterial()) return { result: DRAWN, reason: 'insufficient-material' };
  if (times >= 5) return { result: DRAWN, reason: 'fivefold-repetition' };
  // The counter is read only past fifty moves: isDrawByFiftyMoves costs nothing, the FEN does.
  const fifty = chess.isDrawByFiftyMoves();
  if (fifty && halfMoveClock(chess) >= 150) return { result: DRAWN, reason: 'seventy-five-move-rule' };
  if (drawRules === 'claimed') return null;
  if (times >= 3) return { result: DRAWN, reason: 'threefold-repetition' };
  if (fifty) return { result: DRAWN, reason: 'fifty-move-rule' };
  return null;
}

type ClaimReason = 'threefold-repetition' | 'fifty-move-rule';

/** The draw the player to move may claim now (FIDE 9.2, 9.3), or null. `times` as for endingByRule. */
export function drawClaim(chess: Chess, times: number): ClaimReason | null {
  if (times >= 3) return 'threefold-repetition';
  if (chess.isDrawByFiftyMoves()) return 'fifty-move-rule';
  return null;
}

/**
 * Whether some legal move of the player to move would make a draw claimable (the position's
 * third appearance, or the fiftieth quiet move): the claim is made by offering a draw and
 * playing that move. For the screens; the server judges the move itself.
 */
export function claimableByMove(chess: Chess, positions: PositionCounts): boolean {
  const nearFifty = halfMoveClock(chess) >= 99;
  const nearRepetition = [...positions.values()].some((n) => n >= 2);
  if (!nearFifty && !nearRepetition) return false;
  for (const move of chess.moves({ verbose: true })) {
    chess.move(move);
    try {
      if (drawClaim(chess, timesAfter(positions, move))) return true;
    } finally {
      chess.undo();
    }
  }
  return false;
}

/**
 * Whether `color` cannot checkmate by any series of legal moves, whatever the other side plays
 * (FIDE 6.9: a flag falling against such a side draws). Sound, not complete: true only for a
 * bare king; a king and one minor piece against a bare king; and kings with bishops all on
 * squares of one colour (no piece of either side can ever stand on the other colour's squares
 * to block a king's flight). In every other case a helpmate may exist, and the answer is false.
 */
export function cannotMate(chess: Chess, color: Color): boolean {
  const mine: string[] = [];
  const theirs: string[] = [];
  const bishopSquareColours = new Set<number>();
  chess.board().forEach((rank, r) =>
    rank.forEach((piece, f) => {
      if (!piece || piece.type === 'k') return;
      (piece.color === color ? mine : theirs).push(piece.type);
      if (piece.type === 'b') bishopSquareColours.add((r + f) % 2);
    }),
  );
  if (mine.length === 0) return true;
  if (mine.length === 1 && (mine[0] === 'n' || mine[0] === 'b') && theirs.length === 0) return true;
  return [...mine, ...theirs].every((p) => p === 'b') && bishopSquareColours.size === 1;
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
