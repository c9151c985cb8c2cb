// What the simul's games came to: every game of every board, rematched ones included, and the
// host's tally over all of them. The console, the projector, the phones, the review and the
// exports read these.
import { hostScore } from '../chess/rules';
import type { AbortReason, BoardState, Color, EndReason, Result, SimulState } from './types';

export type GameStatus = 'queued' | 'playing' | 'finished' | 'aborted';

/** One game on a board: the board's game number, the host's colour, how it stands or ended. */
export interface GameResult {
  game: number;
  hostColor: Color;
  status: GameStatus;
  result: Result | null;
  reason: EndReason | AbortReason | null;
  moves: number;
}

/** The board's current game as a result (a board not yet begun: queued). */
function currentGame(board: BoardState): GameResult {
  const status: GameStatus = board.status === 'finished' || board.status === 'aborted' || board.status === 'playing' ? board.status : 'queued';
  return { game: board.game, hostColor: board.hostColor, status, result: board.result, reason: board.endReason, moves: board.moveCount };
}

/** Every game ever played on `board`, in order, the current one last. Empty for a board nobody sits at. */
export function gamesOf(state: SimulState, board: number): GameResult[] {
  const b = state.boards.get(board);
  if (!b || b.status === 'open' || b.status === 'seated') return [];
  return [...b.pastGames, currentGame(b)];
}

export interface Tally {
  wins: number;
  draws: number;
  losses: number;
  unfinished: number;
  playing: number;
}

/** The host's score over every game of every board, counted from the host's side. */
export function tally(state: SimulState): Tally {
  const t: Tally = { wins: 0, draws: 0, losses: 0, unfinished: 0, playing: 0 };
  for (const n of state.order) {
    for (const g of gamesOf(state, n)) {
      if (g.status === 'aborted') t.unfinished++;
      else if (g.status === 'finished' && g.result) {
        const score = hostScore(g.result, g.hostColor);
        if (score === 1) t.wins++;
        else if (score === 0) t.losses++;
        else t.draws++;
      } else t.playing++;
    }
  }
  return t;
}
