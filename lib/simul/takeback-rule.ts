// The one takeback rule: who may ask, when, and what the host allowed. The decider refuses with
// it and the screens show or hide their buttons with it, so they can never disagree.
//
// A student asks to take back its last move (with the host's reply, if made); the host grants or
// refuses. At creation the host allows takebacks ('any'), one per game for each student, or none;
// it may turn them off for one board. After a refusal the student waits TAKEBACK_WAIT_MS before
// asking again. The host takes back its own last move whenever it has one.
import { flagFallen } from './clocks';
import { sideToMove } from './queries';
import { rejection, type Rejection } from './rejection';
import type { Actor, BoardState, Side, SimulState } from './types';

/** How long a student waits after a refusal before asking again. */
const TAKEBACK_WAIT_MS = 30_000;

/** Whether a student may ever ask on this board (the phone shows no button when not). */
export function takebacksAllowed(state: Pick<SimulState, 'takebackPolicy'>, board: BoardState): boolean {
  return state.takebackPolicy !== 'none' && !board.takebacksOff;
}

/** How many plies take back `side`'s last move on `board` (its reply too, when made); 0 when it has made none. */
export function takebackPlies(board: BoardState, side: Side): number {
  const plies = sideToMove(board) === side ? 2 : 1;
  return board.moveCount < plies ? 0 : plies;
}

/**
 * Why `actor` may not take back (a student: ask for) its last move on `board` at `now`, or null
 * when it may. The game must be live (the class not paused: decide checks that first); the
 * board, game and player are the caller's (playerOn) to check.
 */
export function takebackRefusal(state: SimulState, actor: Actor, board: BoardState, now: number): Rejection | null {
  if (flagFallen(board, sideToMove(board), now)) return rejection('out-of-time', { board: board.number });
  if (state.phase !== 'playing') return rejection('not-started');
  const side: Side = actor.role === 'host' ? 'host' : 'opponent';
  if (side === 'opponent') {
    if (!takebacksAllowed(state, board)) return rejection('takebacks-off', { board: board.number });
    if (state.takebackPolicy === 'one-per-game' && board.studentTakebacks >= 1) return rejection('takeback-used', { board: board.number });
    if (board.takebackBy) return rejection('takeback-already-requested');
    const waited = board.takebackDeclinedAt === null ? Infinity : now - board.takebackDeclinedAt;
    if (waited < TAKEBACK_WAIT_MS) return rejection('takeback-wait', { retryAfterMs: TAKEBACK_WAIT_MS - waited });
  }
  if (takebackPlies(board, side) === 0) return rejection('no-takeback', { board: board.number, who: side });
  return null;
}
