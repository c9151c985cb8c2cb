'use client';
// The promotion choice: which piece a pawn becomes. It sits
// along the bottom of the board, away from the far rank where the pawn promotes (the mover
// always sees the board from their own side), so the position stays in view.
import type { Promotion } from '@/lib/simul/types';
import { useWords } from './language';
import { Piece } from './PieceSprites';

const CHOICES: Promotion[] = ['q', 'r', 'b', 'n'];

export function PromotionDialog({
  color,
  onChoose,
  onCancel,
}: {
  color: 'w' | 'b';
  onChoose: (piece: Promotion) => void;
  onCancel: () => void;
}) {
  const w = useWords().moves;
  return (
    <div
      className="absolute inset-x-1 bottom-1 z-20 rounded-xl border border-slate-300 bg-white/95 p-2 shadow-xl dark:border-slate-600 dark:bg-slate-800/95"
      role="dialog"
      aria-modal="true"
      aria-labelledby="promotion-title"
      data-testid="promotion-dialog"
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <div className="mb-1 flex items-baseline justify-between gap-2">
        <p id="promotion-title" className="font-semibold">{w.promotionTitle}</p>
        <button onClick={onCancel} className="text-sm text-slate-600 underline dark:text-slate-300">
          {w.cancel}
        </button>
      </div>
      <div className="grid grid-cols-4 gap-1">
        {CHOICES.map((piece, i) => (
          <button
            key={piece}
            autoFocus={i === 0}
            onClick={() => onChoose(piece)}
            className="flex min-w-0 flex-col items-center rounded-lg border border-slate-300 px-1 py-1 hover:bg-slate-100 focus:outline-2 focus:outline-host dark:border-slate-600 dark:hover:bg-slate-700"
            data-testid={`promote-${piece}`}
          >
            <Piece letter={color === 'w' ? piece.toUpperCase() : piece} className="h-10 w-10" />
            <span className="text-sm font-semibold">{w.promotionNames[piece]}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
