// A board's state as every view shows it (the one colour language's keys): from the board and
// where the host is, or that the class is paused. The words and colours for each are the app's.
import { hostScore } from '../chess/rules';
import { awaitsHost } from './queries';
import { hostThinkingOn } from './rotation';
import type { GameResult } from './results';
import type { BoardState, SimulState } from './types';

export type BoardLook =
  | 'seat-open'
  | 'seated'
  | 'host-thinking'
  | 'awaiting-host'
  | 'opponent-thinking'
  | 'queued'
  | 'paused'
  | 'win'
  | 'draw'
  | 'loss'
  | 'unfinished';

/** The look of `board` in `state`: the host thinks on the board rotation.ts's hostThinkingOn names. */
export function lookOf(state: SimulState, board: BoardState): BoardLook {
  switch (board.status) {
    case 'open':
      return 'seat-open';
    case 'seated':
      return 'seated';
    case 'queued':
      return 'queued';
    case 'aborted':
    case 'finished':
      return gameLook({ status: board.status, result: board.result, hostColor: board.hostColor });
    case 'playing':
      // The class is paused: nobody's turn runs, on any board.
      if (board.paused) return 'paused';
      if (!awaitsHost(board)) return 'opponent-thinking';
      return hostThinkingOn(state) === board.number ? 'host-thinking' : 'awaiting-host';
  }
}

/** The look of a finished or unfinished game (a board's current one, or an earlier one: results.ts). */
export function gameLook(game: Pick<GameResult, 'status' | 'result' | 'hostColor'>): 'win' | 'draw' | 'loss' | 'unfinished' {
  if (game.status !== 'finished' || !game.result) return 'unfinished';
  const score = hostScore(game.result, game.hostColor);
  return score === 1 ? 'win' : score === 0 ? 'loss' : 'draw';
}
