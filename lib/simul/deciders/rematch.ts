// rematch: a finished (or unfinished) game's board plays again, from the board's start
// position, colours kept or swapped. The host may; its student only when the simul allows it.
// In sync mode the new game waits its turn, queued, like a late joiner's.
// Rematches are bounded where no class goes and a loop of resign + rematch does (LIMITS): a few
// a minute and a few dozen a simul on one board, a few hundred in the simul.
import { isOver } from '../queries';
import { rejection } from '../rejection';
import { LIMITS, type BoardState, type Rejection, type SimulState } from '../types';
import { accept, reject, type Decider } from './common';

const MINUTE_MS = 60_000;

/** Why one more rematch on `board` at `now` would pass a bound, or null. */
function rematchBound(state: SimulState, board: BoardState, now: number): Rejection | null {
  const times = board.rematchTimes;
  if (times.length >= LIMITS.rematchesPerMinute) {
    const oldest = times[times.length - LIMITS.rematchesPerMinute];
    if (now - oldest < MINUTE_MS) {
      return rejection('rematch-limit', { scope: 'minute', perMinute: LIMITS.rematchesPerMinute, retryAfterMs: oldest + MINUTE_MS - now });
    }
  }
  if (board.game - 1 >= LIMITS.rematchesPerBoard) return rejection('rematch-limit', { scope: 'board', max: LIMITS.rematchesPerBoard });
  let all = 0;
  for (const b of state.boards.values()) all += b.game - 1;
  if (all >= LIMITS.rematchesPerSimul) return rejection('rematch-limit', { scope: 'simul', max: LIMITS.rematchesPerSimul });
  return null;
}

export const decideRematch: Decider<'rematch'> = (state, actor, command, now) => {
  if (actor.role === 'spectator') return reject('not-seated');
  if (actor.role === 'opponent') {
    if (actor.board !== command.board) return reject('not-your-board', { board: command.board, yourBoard: actor.board });
    if (!state.studentRematch) return reject('rematch-host-only');
  }
  if (state.phase === 'lobby') return reject('not-started');
  const board = state.boards.get(command.board);
  if (!board) return reject('unknown-board', { board: command.board });
  if (!isOver(board)) return reject('game-live', { board: command.board });
  const bound = rematchBound(state, board, now);
  if (bound) return { ok: false, error: bound };
  const hostColor = command.swapColors ? (board.hostColor === 'w' ? 'b' : 'w') : board.hostColor;
  return accept({
    type: 'game-restarted',
    board: board.number,
    hostColor,
    ...(board.startFen ? { fen: board.startFen } : {}),
    ...(state.mode === 'sync' ? { queued: true as const } : {}),
  });
};
