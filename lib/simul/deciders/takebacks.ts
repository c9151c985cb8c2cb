// Takebacks: the student asks, the host grants or refuses; the host may take back its own last
// move, or turn takebacks off for a board. The rule is takeback-rule.ts. Taking back a side's
// last move takes back the reply to it too when one was made, so the side that asked is to move.
import { takebackPlies, takebackRefusal } from '../takeback-rule';
import type { BoardState } from '../types';
import { accept, isRejection, liveBoard, playerOn, refuse, reject, type Decider } from './common';

/** The position `plies` moves back, read by taking them back and playing them again: the state is as it was. */
function fenBefore(board: BoardState, plies: number): string {
  const undone = [];
  try {
    for (let i = 0; i < plies; i++) undone.push(board.chess.undo()!);
    return board.chess.fen();
  } finally {
    for (const move of undone.reverse()) board.chess.move(move);
  }
}

export const decideRequestTakeback: Decider<'request-takeback'> = (state, actor, command, now) => {
  if (actor.role !== 'opponent') return reject('students-only');
  const player = playerOn(state, actor, command.board);
  if (isRejection(player)) return refuse(player);
  const problem = takebackRefusal(state, actor, player.board, now);
  if (problem) return refuse(problem);
  return accept({ type: 'takeback-requested', board: command.board, by: 'opponent' });
};

export const decideAnswerTakeback: Decider<'answer-takeback'> = (state, actor, command, now) => {
  const player = playerOn(state, actor, command.board);
  if (isRejection(player)) return refuse(player);
  const { board } = player;
  if (board.takebackBy !== 'opponent') return reject('no-takeback-request');
  if (!command.accept) return accept({ type: 'takeback-declined', board: board.number });
  // The request stands: the rule's other checks (the flag, a move to take back) still apply.
  const problem = takebackRefusal(state, { role: 'opponent', board: board.number }, { ...board, takebackBy: null }, now);
  if (problem) return refuse(problem);
  const plies = takebackPlies(board, 'opponent');
  return accept({ type: 'takeback-accepted', board: board.number, plies, fen: fenBefore(board, plies) });
};

export const decideTakeBack: Decider<'take-back'> = (state, actor, command, now) => {
  const player = playerOn(state, actor, command.board);
  if (isRejection(player)) return refuse(player);
  const { board } = player;
  const problem = takebackRefusal(state, actor, board, now);
  if (problem) return refuse(problem);
  const plies = takebackPlies(board, 'host');
  return accept({ type: 'takeback-accepted', board: board.number, plies, fen: fenBefore(board, plies), by: 'host' });
};

export const decideTurnOffTakebacks: Decider<'turn-off-takebacks'> = (state, _actor, command) => {
  const board = liveBoard(state, command.board);
  if (isRejection(board)) return refuse(board);
  if (board.takebacksOff) return accept();
  return accept({ type: 'takebacks-turned-off', board: board.number });
};
