// free-seat and reissue-seat: the host frees a seat (before the start) or re-issues its link.
import { isOver } from '../queries';
import { rejection } from '../rejection';
import type { BoardState, Rejection, SimulState } from '../types';
import { accept, isRejection, refuse, reject, type Decider } from './common';

/** The seated board `number`, or a refusal. */
function seatedBoard(state: SimulState, number: number): BoardState | Rejection {
  const board = state.boards.get(number);
  if (!board) return rejection('unknown-board', { board: number });
  if (!board.opponent) return rejection('not-seated', { board: number });
  return board;
}

export const decideFreeSeat: Decider<'free-seat'> = (state, _actor, command) => {
  if (state.phase !== 'lobby') return reject('already-started', { command: command.type });
  const board = seatedBoard(state, command.board);
  if (isRejection(board)) return refuse(board);
  return accept({ type: 'seat-freed', board: board.number, ...(command.block ? { blocked: true } : {}) });
};

export const decideReissueSeat: Decider<'reissue-seat'> = (state, _actor, command) => {
  const board = seatedBoard(state, command.board);
  if (isRejection(board)) return refuse(board);
  if (isOver(board)) return reject('game-over', { board: command.board });
  if (board.opponent!.bot) return reject('bot-seat', { board: command.board });
  // The new device's student plays again: a bot that played for the student stops.
  if (board.standIn) return accept({ type: 'bot-handed-back', board: board.number, by: 'reissued' }, { type: 'seat-reissued', board: board.number });
  return accept({ type: 'seat-reissued', board: board.number });
};
