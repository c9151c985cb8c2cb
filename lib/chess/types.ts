// The words of chess the seam speaks (rules.ts, fast-moves.ts, positions.ts): sides, results,
// promotions, how a game ends and how draws are made. Pure data; lib/simul's types use them.

export type Color = 'w' | 'b';
export type Result = '1-0' | '0-1' | '1/2-1/2';
export type Promotion = 'q' | 'r' | 'b' | 'n';
export type EndReason =
  | 'checkmate'
  | 'stalemate'
  | 'threefold-repetition'
  | 'fifty-move-rule'
  | 'fivefold-repetition'
  | 'seventy-five-move-rule'
  | 'insufficient-material'
  | 'resignation'
  | 'draw-agreed'
  /** The side to move ran out of time (game-ended's `by`): the other side wins. */
  | 'timeout'
  /** The side to move ran out of time, but the other side cannot mate by any series of legal moves. */
  | 'timeout-vs-insufficient-material';

/**
 * Threefold repetition and the fifty-move rule: the game ends at once ('automatic'), or the
 * player to move may claim the draw ('claimed', as the laws of chess have it). Fivefold
 * repetition and seventy-five moves end the game at once either way.
 */
export type DrawRules = 'automatic' | 'claimed';
