'use client';
// "Claim a draw", for the player to move in a simul whose repetition and fifty-move draws are
// claimed: at once when the position allows it, or with the next move (a draw offered, then the
// move that makes the claim valid, as the laws have it). The server judges every claim.
import { claimableByMove, drawClaim, timesNow } from '@/lib/chess/rules';
import type { SimulController } from '@/lib/client/simul-controller';
import { sideToMove } from '@/lib/simul/queries';
import type { BoardState, DrawRules, Side } from '@/lib/simul/types';
import { useWords } from './language';

interface Props {
  board: BoardState;
  side: Side;
  drawRules: DrawRules;
  controller: SimulController;
  className?: string;
}

export function ClaimDraw({ board, side, drawRules, controller, className = '' }: Props) {
  const w = useWords();
  if (drawRules !== 'claimed' || board.status !== 'playing' || sideToMove(board) !== side) return null;
  const button = `rounded-lg border-2 border-draw px-3 py-2 font-semibold ${className}`;
  if (drawClaim(board.chess, timesNow(board.positions, board.chess))) {
    return (
      <button className={button} onClick={() => controller.claimDraw(board.number)} data-testid="claim-draw">
        {w.claims.claim}
      </button>
    );
  }
  if (!claimableByMove(board.chess, board.positions)) return null;
  if (board.drawOfferBy === side) {
    return (
      <p role="status" className={`rounded-lg bg-draw/20 px-3 py-2 text-sm ${className}`} data-testid="claim-pending">
        {w.claims.claimPending}
      </p>
    );
  }
  return (
    <button className={button} onClick={() => controller.offerDraw(board.number)} data-testid="claim-with-move">
      {w.claims.claimWithMove}
    </button>
  );
}
