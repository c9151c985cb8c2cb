// claim-draw: the player to move claims a draw by threefold repetition or the fifty-move rule.
import { drawClaim, quietMoves, timesNow } from '../../chess/rules';
import { accept, afterGameEnds, isRejection, moverOn, refuse, reject, type Decider } from './common';

export const decideClaimDraw: Decider<'claim-draw'> = (state, actor, command, now) => {
  const mover = moverOn(state, actor, command.board, now);
  if (isRejection(mover)) return refuse(mover);
  const { board, side } = mover;
  const times = timesNow(board.positions, board.chess);
  const claim = drawClaim(board.chess, times);
  if (!claim) return reject('no-draw-claim', { repetitions: times, quietMoves: quietMoves(board.chess) });
  return accept(
    { type: 'game-ended', board: board.number, result: '1/2-1/2', reason: claim, by: side },
    ...afterGameEnds(state, board.number),
  );
};
