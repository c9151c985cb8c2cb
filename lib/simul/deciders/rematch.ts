// rematch: a finished (or unfinished) game's board plays again, from the board's start
// position, colours kept or swapped. The host may; its student only when the simul allows it.
// In sync mode the new game waits its turn, queued, like a late joiner's.
import { isOver } from '../queries';
import { accept, reject, type Decider } from './common';

export const decideRematch: Decider<'rematch'> = (state, actor, command) => {
  if (actor.role === 'spectator') return reject('not-seated');
  if (actor.role === 'opponent') {
    if (actor.board !== command.board) return reject('not-your-board', { board: command.board, yourBoard: actor.board });
    if (!state.studentRematch) return reject('rematch-host-only');
  }
  if (state.phase === 'lobby') return reject('not-started');
  const board = state.boards.get(command.board);
  if (!board) return reject('unknown-board', { board: command.board });
  if (!isOver(board)) return reject('game-live', { board: command.board });
  const hostColor = command.swapColors ? (board.hostColor === 'w' ? 'b' : 'w') : board.hostColor;
  return accept({
    type: 'game-restarted',
    board: board.number,
    hostColor,
    ...(board.startFen ? { fen: board.startFen } : {}),
    ...(state.mode === 'sync' ? { queued: true as const } : {}),
  });
};
