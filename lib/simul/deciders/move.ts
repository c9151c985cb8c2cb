// move: the side to move plays; the move may end the game by rule.
import { drawClaim, endingByRule, timesAfter, type Ending } from '../../chess/rules';
import type { BoardState, Side, SimulEventBody, SimulState } from '../types';
import { accept, afterGameEnds, isRejection, moverOn, refuse, reject, type Decider } from './common';

/**
 * An exhibition's game is agreed drawn once both sides have made its number of moves (the
 * lesson's m move pairs), with the move that completes them.
 */
function exhibitionEnding(state: SimulState, board: BoardState): { result: '1/2-1/2'; reason: 'draw-agreed'; movePairs: number } | null {
  const pairs = state.exhibition?.movePairs;
  if (!pairs || board.moveCount + 1 < 2 * pairs) return null;
  return { result: '1/2-1/2', reason: 'draw-agreed', movePairs: pairs };
}

export const decideMove: Decider<'move'> = (state, actor, command, now) => {
  const mover = moverOn(state, actor, command.board, now);
  if (isRejection(mover)) return refuse(mover);
  const { board, side } = mover;
  // The look leaves the game as it was (decide changes nothing); the fold then plays what it found.
  const looked = board.chess.lookAt(command.from, command.to, command.promotion, (after, move) => {
    const times = timesAfter(board.positions, move);
    const ending: (Ending & { by?: Side; movePairs?: number }) | null = endingByRule(after, times, state.drawRules) ?? exhibitionEnding(state, board);
    // A draw offered, then a move that makes it claimable: the laws' claim with a move.
    const claim = !ending && state.drawRules === 'claimed' && board.drawOfferBy === side ? drawClaim(after, times) : null;
    return claim ? { result: '1/2-1/2' as const, reason: claim, by: side } : ending;
  });
  if (!looked) return reject('illegal-move', { from: command.from, to: command.to });
  const { move, seen: ending } = looked;
  const moved: SimulEventBody = {
    type: 'move-made',
    board: board.number,
    by: side,
    san: move.san,
    from: move.from,
    to: move.to,
    ...(move.promotion ? { promotion: move.promotion } : {}),
    clientMoveId: command.clientMoveId,
  };
  if (!ending) return accept(moved);
  return accept(moved, { type: 'game-ended', board: board.number, ...ending }, ...afterGameEnds(state, board.number));
};
