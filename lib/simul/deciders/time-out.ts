// time-out (the room's own, on its timer): the flag of the side to move has fallen.
import { cannotMate, resignationResult, type Ending } from '../../chess/rules';
import { colorOf, sideToMove } from '../queries';
import { accept, afterGameEnds, flagFallen, isRejection, liveBoard, refuse, type Decider } from './common';

export const decideTimeOut: Decider<'time-out'> = (state, _actor, command, now) => {
  const board = liveBoard(state, command.board);
  if (isRejection(board)) return refuse(board);
  const side = sideToMove(board);
  // A timer for a flag that has not fallen (the side moved in time): nothing happens.
  if (!flagFallen(board, side, now)) return accept();
  const loser = colorOf(board, side);
  const ending: Ending = cannotMate(board.chess, loser === 'w' ? 'b' : 'w')
    ? { result: '1/2-1/2', reason: 'timeout-vs-insufficient-material' }
    : { result: resignationResult(loser), reason: 'timeout' };
  return accept({ type: 'game-ended', board: board.number, ...ending, by: side }, ...afterGameEnds(state, board.number));
};
