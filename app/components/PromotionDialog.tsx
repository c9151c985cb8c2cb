'use client';
// react-chessboard has no promotion dialog: this one asks which piece a pawn becomes.
import type { Promotion } from '@/lib/simul/types';

const CHOICES: { piece: Promotion; name: string; white: string; black: string }[] = [
  { piece: 'q', name: 'Queen', white: '♕', black: '♛' },
  { piece: 'r', name: 'Rook', white: '♖', black: '♜' },
  { piece: 'b', name: 'Bishop', white: '♗', black: '♝' },
  { piece: 'n', name: 'Knight', white: '♘', black: '♞' },
];

export function PromotionDialog({
  color,
  onChoose,
  onCancel,
}: {
  color: 'w' | 'b';
  onChoose: (piece: Promotion) => void;
  onCancel: () => void;
}) {
  return (
    <div
      className="absolute inset-0 z-20 flex items-center justify-center bg-black/50"
      role="dialog"
      aria-modal="true"
      aria-label="Promote the pawn to"
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <div className="rounded-xl bg-white p-4 shadow-xl dark:bg-slate-800">
        <p className="mb-3 text-center font-semibold">Promote to</p>
        <div className="flex gap-2">
          {CHOICES.map((c, i) => (
            <button
              key={c.piece}
              autoFocus={i === 0}
              onClick={() => onChoose(c.piece)}
              className="flex h-16 w-16 flex-col items-center justify-center rounded-lg border border-slate-300 text-4xl hover:bg-slate-100 focus:outline-2 focus:outline-host dark:border-slate-600 dark:hover:bg-slate-700"
              aria-label={c.name}
              title={c.name}
            >
              {color === 'w' ? c.white : c.black}
            </button>
          ))}
        </div>
        <button onClick={onCancel} className="mt-3 w-full text-sm text-slate-500 underline">
          Cancel
        </button>
      </div>
    </div>
  );
}
