// abort-game and end-simul: the host leaves one game, or every open game, unfinished.
import { isOver } from '../queries';
import type { SimulEventBody } from '../types';
import { accept, afterGameEnds, reject, type Decider } from './common';

export const decideAbortGame: Decider<'abort-game'> = (state, _actor, command) => {
  if (state.phase === 'lobby') return reject('not-started');
  const board = state.boards.get(command.board);
  if (!board) return reject('unknown-board', { board: command.board });
  if (isOver(board)) return reject('game-over', { board: command.board });
  return accept({ type: 'game-aborted', board: board.number, reason: 'host-aborted' }, ...afterGameEnds(state, board.number));
};

/** The host ends the simul, or the room does (its housekeeping, saying why). */
export const decideEndSimul: Decider<'end-simul'> = (state, actor, command) => {
  const open = state.phase === 'lobby' ? [] : state.order.filter((n) => !isOver(state.boards.get(n)!));
  return accept(
    ...open.map((board): SimulEventBody => ({ type: 'game-aborted', board, reason: 'simul-ended' })),
    actor.role === 'server' ? { type: 'simul-finished', early: true, ending: command.ending ?? 'idle' } : { type: 'simul-finished', early: true },
  );
};
