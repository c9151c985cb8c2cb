// Takebacks: the student asks, the host grants or refuses; the host may take back its own last
// move. Taking back a side's last move takes back the reply to it too when one was made, so the
// side that asked is to move again.
import { sideToMove } from '../queries';
import { rejection } from '../rejection';
import type { BoardState, Rejection, Side, SimulState } from '../types';
import { accept, flagFallen, isRejection, playerOn, refuse, reject, type Decider } from './common';

/** How many plies take back `side`'s last move on `board`, or a refusal when it has made none in this game. */
function pliesFor(board: BoardState, side: Side): number | Rejection {
  const plies = sideToMove(board) === side ? 2 : 1;
  if (board.moveCount < plies) return rejection('no-takeback', { board: board.number, who: side });
  return plies;
}

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

/** The live board, not past a fallen flag (the timer's decision comes first). */
function takebackBoard(state: SimulState, board: BoardState, now: number): Rejection | null {
  if (flagFallen(board, sideToMove(board), now)) return rejection('out-of-time', { board: board.number });
  return state.phase === 'playing' ? null : rejection('not-started');
}

export const decideRequestTakeback: Decider<'request-takeback'> = (state, actor, command, now) => {
  if (actor.role !== 'opponent') return reject('students-only');
  const player = playerOn(state, actor, command.board);
  if (isRejection(player)) return refuse(player);
  const { board } = player;
  const problem = takebackBoard(state, board, now);
  if (problem) return refuse(problem);
  if (board.takebackBy) return reject('takeback-already-requested');
  const plies = pliesFor(board, 'opponent');
  if (isRejection(plies)) return refuse(plies);
  return accept({ type: 'takeback-requested', board: board.number, by: 'opponent' });
};

export const decideAnswerTakeback: Decider<'answer-takeback'> = (state, actor, command, now) => {
  const player = playerOn(state, actor, command.board);
  if (isRejection(player)) return refuse(player);
  const { board } = player;
  if (board.takebackBy !== 'opponent') return reject('no-takeback-request');
  if (!command.accept) return accept({ type: 'takeback-declined', board: board.number });
  const problem = takebackBoard(state, board, now);
  if (problem) return refuse(problem);
  const plies = pliesFor(board, 'opponent');
  if (isRejection(plies)) return refuse(plies);
  return accept({ type: 'takeback-accepted', board: board.number, plies, fen: fenBefore(board, plies) });
};

export const decideTakeBack: Decider<'take-back'> = (state, actor, command, now) => {
  const player = playerOn(state, actor, command.board);
  if (isRejection(player)) return refuse(player);
  const { board } = player;
  const problem = takebackBoard(state, board, now);
  if (problem) return refuse(problem);
  const plies = pliesFor(board, 'host');
  if (isRejection(plies)) return refuse(plies);
  return accept({ type: 'takeback-accepted', board: board.number, plies, fen: fenBefore(board, plies), by: 'host' });
};
