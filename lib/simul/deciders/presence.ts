// mark-away and mark-back: the room reports that a seat's student has had no connection for a
// while, or has one again (lib/simul/presence.ts). Only the room sends them; nothing new is
// recorded when the seat is already so.
import { followsPresence } from '../presence';
import { accept, reject, type Decider } from './common';

export const decideMarkAway: Decider<'mark-away'> = (state, _actor, command) => {
  const board = state.boards.get(command.board);
  if (!board) return reject('unknown-board', { board: command.board });
  if (!followsPresence(board)) return reject('not-seated', { board: command.board });
  if (board.awaySince !== null) return accept();
  return accept({ type: 'seat-away', board: board.number, since: command.since });
};

export const decideMarkBack: Decider<'mark-back'> = (state, _actor, command) => {
  const board = state.boards.get(command.board);
  if (!board) return reject('unknown-board', { board: command.board });
  if (!followsPresence(board)) return reject('not-seated', { board: command.board });
  if (board.awaySince === null) return accept();
  return accept({ type: 'seat-back', board: board.number });
};
