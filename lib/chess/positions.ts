// Start positions: a FEN checked before any game starts from it, and the short list of named
// positions the app ships (endgame drills and well-known openings; their names are in
// the word tables, app/words/en.ts and es.ts). Pure and browser-safe.
import { Chess, validateFen } from 'chess.js';
import { endingByRule } from './rules';
import type { EndReason } from './types';

/** What is wrong with a start position: the FEN's form, a position no game can reach, or a game already over. */
export type PositionProblem =
  | { kind: 'format'; field: 'fields' | 'counters' | 'en-passant' | 'castling' | 'side-to-move' | 'placement' }
  | { kind: 'kings' }
  | { kind: 'pawns-on-edge' }
  | { kind: 'too-many-pieces' }
  /** The side that is not to move is in check: the side to move could take its king. */
  | { kind: 'in-check' }
  | { kind: 'over'; reason: EndReason };

/** chess.js's complaint about a FEN's form, as a problem of ours (its words stay out of the app). */
function formatProblem(error: string): PositionProblem {
  if (error.includes('six')) return { kind: 'format', field: 'fields' };
  if (error.includes('move number') || error.includes('half move')) return { kind: 'format', field: 'counters' };
  if (error.includes('en-passant')) return { kind: 'format', field: 'en-passant' };
  if (error.includes('castling')) return { kind: 'format', field: 'castling' };
  if (error.includes('side-to-move')) return { kind: 'format', field: 'side-to-move' };
  if (error.includes('king')) return { kind: 'kings' };
  if (error.includes('edge rows')) return { kind: 'pawns-on-edge' };
  return { kind: 'format', field: 'placement' };
}

/**
 * A start position, checked: its FEN as chess.js writes it (so two spellings of one position
 * are one), or what is wrong with it. A game can start from it only if the side not to move is
 * not in check and the game is not over by rule (mate, stalemate, a dead position, 75 moves).
 */
export function checkPosition(raw: string): { ok: true; fen: string } | { ok: false; problem: PositionProblem } {
  const text = raw.trim().replace(/\s+/g, ' ');
  const form = validateFen(text);
  if (!form.ok) return { ok: false, problem: formatProblem(form.error ?? '') };
  const chess = new Chess(text);
  let white = 0;
  let black = 0;
  const pawns = { w: 0, b: 0 };
  for (const rank of chess.board())
    for (const piece of rank) {
      if (!piece) continue;
      if (piece.color === 'w') white++;
      else black++;
      if (piece.type === 'p') pawns[piece.color]++;
    }
  if (white > 16 || black > 16 || pawns.w > 8 || pawns.b > 8) return { ok: false, problem: { kind: 'too-many-pieces' } };
  // The side to move may not leave its opponent in check: swap the side and ask.
  const parts = text.split(' ');
  parts[1] = parts[1] === 'w' ? 'b' : 'w';
  parts[3] = '-';
  if (new Chess(parts.join(' '), { skipValidation: true }).inCheck()) return { ok: false, problem: { kind: 'in-check' } };
  const ending = endingByRule(chess, 1, 'claimed');
  if (ending) return { ok: false, problem: { kind: 'over', reason: ending.reason } };
  return { ok: true, fen: chess.fen() };
}

/** What a drill asks of its players: which side plays for what. */
export type DrillGoal = 'white-wins' | 'black-draws';

/** The named positions the app ships: id, kind, FEN (checked by positions.test.ts), and a drill's goal. */
export const NAMED_POSITIONS = [
  { id: 'queen-mate', kind: 'endgame', fen: '8/8/8/4k3/8/8/8/3QK3 w - - 0 1', goal: 'white-wins' },
  { id: 'rook-mate', kind: 'endgame', fen: '8/8/8/4k3/8/8/8/R3K3 w - - 0 1', goal: 'white-wins' },
  { id: 'king-and-pawn', kind: 'endgame', fen: '4k3/8/8/8/8/8/4P3/4K3 w - - 0 1', goal: 'white-wins' },
  { id: 'lucena', kind: 'endgame', fen: '1K1k4/1P6/8/8/8/8/r7/2R5 w - - 0 1', goal: 'white-wins' },
  { id: 'philidor', kind: 'endgame', fen: '4k3/R7/1r6/3PK3/8/8/8/8 b - - 0 1', goal: 'black-draws' },
  { id: 'italian', kind: 'opening', fen: 'r1bqk1nr/pppp1ppp/2n5/2b1p3/2B1P3/5N2/PPPP1PPP/RNBQK2R w KQkq - 4 4' },
  { id: 'ruy-lopez', kind: 'opening', fen: 'r1bqkbnr/pppp1ppp/2n5/1B2p3/4P3/5N2/PPPP1PPP/RNBQK2R b KQkq - 3 3' },
  { id: 'sicilian', kind: 'opening', fen: 'rnbqkbnr/pp1ppppp/8/2p5/4P3/8/PPPP1PPP/RNBQKBNR w KQkq - 0 2' },
  { id: 'french', kind: 'opening', fen: 'rnbqkbnr/pppp1ppp/4p3/8/4P3/8/PPPP1PPP/RNBQKBNR w KQkq - 0 2' },
  { id: 'queens-gambit', kind: 'opening', fen: 'rnbqkbnr/ppp1pppp/8/3p4/2PP4/8/PP2PPPP/RNBQKBNR b KQkq - 0 2' },
] as const;

export type NamedPositionId = (typeof NAMED_POSITIONS)[number]['id'];

/** The goal of the named drill a game starts from, or null (an opening, the initial or an unnamed position). */
export function drillGoal(fen: string | null | undefined): DrillGoal | null {
  const named = fen ? NAMED_POSITIONS.find((p) => p.fen === fen) : undefined;
  return named && 'goal' in named ? named.goal : null;
}
