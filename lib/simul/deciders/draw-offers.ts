// offer-draw and answer-draw: a player offers a draw; the other accepts or declines it.
import { accept, afterGameEnds, isRejection, playerOn, refuse, reject, type Decider } from './common';

export const decideOfferDraw: Decider<'offer-draw'> = (state, actor, command) => {
  const player = playerOn(state, actor, command.board);
  if (isRejection(player)) return refuse(player);
  const { board, side } = player;
  if (board.drawOfferBy) return reject('draw-already-offered');
  return accept({ type: 'draw-offered', board: board.number, by: side });
};

export const decideAnswerDraw: Decider<'answer-draw'> = (state, actor, command) => {
  const player = playerOn(state, actor, command.board);
  if (isRejection(player)) return refuse(player);
  const { board, side } = player;
  if (!board.drawOfferBy || board.drawOfferBy === side) return reject('no-draw-offer');
  if (!command.accept) return accept({ type: 'draw-declined', board: board.number, by: side });
  return accept(
    { type: 'game-ended', board: board.number, result: '1/2-1/2', reason: 'draw-agreed' },
    ...afterGameEnds(state, board.number),
  );
};
