'use client';
// The interactive board: drag or tap to move, legal-move hints, the last move lit,
// a promotion choice, and this screen's move shown at once (the store's optimistic move, see
// lib/client/outbox.ts) so it lands without a flash.
import { useMemo, useState, type CSSProperties } from 'react';
import { Chess, isPromotionMove, playIfLegal } from '@/lib/chess/rules';
import type { OptimisticMove, Problem } from '@/lib/client/simul-connection';
import type { Promotion } from '@/lib/simul/types';
import { refusalText } from '@/app/words';
import { useWords } from './language';
import { ChessBoard } from './ChessBoard';
import { sideOf } from './PieceSprites';
import { PromotionDialog } from './PromotionDialog';

interface Props {
  id: string;
  fen: string;
  orientation: 'white' | 'black';
  /** The colour this viewer may move now, or null when it may not move. */
  movable: 'w' | 'b' | null;
  lastMove: { from: string; to: string } | null;
  /** The move this screen sent on this board, shown until the server's position changes. */
  optimistic?: OptimisticMove;
  onMove: (from: string, to: string, promotion?: Promotion) => Promise<Problem | null>;
}

const HINT: CSSProperties = { background: 'radial-gradient(circle, rgba(0,0,0,.25) 22%, transparent 24%)' };
const CAPTURE_HINT: CSSProperties = { background: 'radial-gradient(circle, transparent 58%, rgba(0,0,0,.25) 60%)' };
const LAST: CSSProperties = { backgroundColor: 'rgba(255, 235, 59, 0.5)' };
const SELECTED: CSSProperties = { backgroundColor: 'rgba(37, 99, 235, 0.45)' };
const CHECK: CSSProperties = { background: 'radial-gradient(circle, rgba(220,38,38,.85) 0%, rgba(220,38,38,.3) 60%, transparent 75%)' };

export function PlayBoard({ id, fen, orientation, movable, lastMove, optimistic, onMove }: Props) {
  const w = useWords();
  const [selected, setSelected] = useState<string | null>(null);
  const [promotion, setPromotion] = useState<{ from: string; to: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The host's board moves on to another game under the same squares: what was chosen on the
  // last one (a piece, a promotion, a refusal) is not carried over.
  const [boardId, setBoardId] = useState(id);
  if (boardId !== id) {
    setBoardId(id);
    setSelected(null);
    setPromotion(null);
    setNotice(null);
  }

  // The optimistic move holds only until the server's position changes.
  const live = optimistic && optimistic.basedOn === fen ? optimistic : null;
  const shownFen = live ? live.fen : fen;
  const chess = useMemo(() => new Chess(shownFen), [shownFen]);
  const canMove = movable !== null && !live && chess.turn() === movable;

  const targets = useMemo(() => {
    if (!selected || !canMove) return [];
    return chess.moves({ square: selected as never, verbose: true });
  }, [chess, selected, canMove]);

  function attempt(from: string, to: string, piece?: Promotion): boolean {
    setSelected(null);
    const game = new Chess(fen);
    if (!piece && isPromotionMove(game, from, to)) {
      setPromotion({ from, to });
      return false;
    }
    const move = playIfLegal(game, from, to, piece);
    if (!move) {
      setNotice(refusalText(w, { code: 'illegal-move', params: { from, to } }));
      return false;
    }
    setNotice(null);
    // A refused move goes back (the outbox drops it); why is shown where the screen shows every refusal.
    void onMove(from, to, move.promotion as Promotion | undefined);
    return true;
  }

  function onSquareClick(square: string, piece: string | null) {
    if (!canMove) return;
    const own = piece !== null && sideOf(piece) === movable;
    if (selected && selected !== square && !own) {
      attempt(selected, square);
      return;
    }
    setSelected(own && selected !== square ? square : null);
  }

  const squareStyles: Record<string, CSSProperties> = {};
  const last = live ? { from: live.from, to: live.to } : lastMove;
  if (last) {
    squareStyles[last.from] = LAST;
    squareStyles[last.to] = LAST;
  }
  if (chess.inCheck()) {
    const king = chess.findPiece({ type: 'k', color: chess.turn() })[0];
    if (king) squareStyles[king] = CHECK;
  }
  if (selected) squareStyles[selected] = SELECTED;
  for (const m of targets) squareStyles[m.to] = m.captured ? CAPTURE_HINT : HINT;

  return (
    <div className="relative w-full" data-testid={`${id}-container`} data-fen={fen}>
      <div className="aspect-square w-full">
        <ChessBoard
          id={id}
          fen={shownFen}
          orientation={orientation}
          squareStyles={squareStyles}
          canDrag={(piece) => canMove && sideOf(piece) === movable}
          onDrop={(from, to) => attempt(from, to)}
          onSquareClick={onSquareClick}
        />
      </div>
      {promotion && movable && (
        <PromotionDialog
          color={movable}
          onChoose={(piece) => {
            const p = promotion;
            setPromotion(null);
            attempt(p.from, p.to, piece);
          }}
          onCancel={() => setPromotion(null)}
        />
      )}
      <p role="status" aria-live="polite" className="pointer-events-none min-h-6 pt-1 text-center text-sm text-loss">
        {notice}
      </p>
    </div>
  );
}
