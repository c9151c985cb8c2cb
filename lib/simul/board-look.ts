// A board's state as every view shows it (the one colour language's keys): from the board and
// where the host is, or that the class is paused. The words and colours for each are the app's.
import { hostScore } from '../chess/rules';
import { awaitsHost } from './queries';
import type { BoardState } from './types';

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

export function lookOf(board: BoardState, focus: number | null): BoardLook {
  switch (board.status) {
    case 'open':
      return 'seat-open';
    case 'seated':
      return 'seated';
    case 'queued':
      return 'queued';
    case 'aborted':
      return 'unfinished';
    case 'finished': {
      const score = hostScore(board.result!, board.hostColor);
      return score === 1 ? 'win' : score === 0 ? 'loss' : 'draw';
    }
    case 'playing':
      // The class is paused: nobody's turn runs, on any board.
      if (board.paused) return 'paused';
      if (!awaitsHost(board)) return 'opponent-thinking';
      return focus === board.number ? 'host-thinking' : 'awaiting-host';
  }
}
