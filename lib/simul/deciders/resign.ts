// resign: either player gives up its game.
import { resignationResult } from '../../chess/rules';
import { colorOf } from '../queries';
import { accept, afterGameEnds, isRejection, playerOn, refuse, type Decider } from './common';

export const decideResign: Decider<'resign'> = (state, actor, command) => {
  const player = playerOn(state, actor, command.board);
  if (isRejection(player)) return refuse(player);
  const { board, side } = player;
  return accept(
    { type: 'game-ended', board: board.number, result: resignationResult(colorOf(board, side)), reason: 'resignation', by: side },
    ...afterGameEnds(state, board.number),
  );
};
