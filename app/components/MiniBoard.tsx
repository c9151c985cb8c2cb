// A light board for grids of up to 100: the squares are one painted background, the last move
// two squares lit on it, the pieces one canvas (mini-board-paint.ts), from the FEN: no chess
// engine, no drag, a handful of elements per board however many pieces stand on it.
import { memo, useEffect, useLayoutEffect, useRef } from 'react';
import { useWords } from './language';
import { indexOf, piecesOf } from './board-squares';
import { paintPieces, watchWidth } from './mini-board-paint';

/** Where square `i` sits, in percent of the board. */
function place(i: number): React.CSSProperties {
  return { left: `${(i % 8) * 12.5}%`, top: `${Math.floor(i / 8) * 12.5}%`, width: '12.5%', height: '12.5%' };
}

// The top-left square of every 2x2 tile is light (a8, or h1 when flipped).
const SQUARES: React.CSSProperties = {
  background:
    'repeating-conic-gradient(var(--color-board-dark) 0 25%, var(--color-board-light) 0 50%) 0 0 / 25% 25%',
};

interface Props {
  fen: string;
  flipped?: boolean;
  lastMove?: string | null; // "e2e4"
  className?: string;
}

/** The canvas's pieces, painted again when the position or the board's width changes. */
function usePieces(fen: string, flipped: boolean) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const width = useRef(0);
  const shown = useRef({ fen, flipped });
  shown.current = { fen, flipped };
  const paint = () => {
    const { fen, flipped } = shown.current;
    if (canvas.current && width.current > 0) paintPieces(canvas.current, width.current, piecesOf(fen, flipped));
  };
  // The width is known once laid out (and a board out of sight is not laid out yet).
  useEffect(() => watchWidth(canvas.current!, (w) => {
    width.current = w;
    paint();
  }), []);
  // A new position in the same frame as the rest of the cell.
  useLayoutEffect(paint, [fen, flipped]);
  return canvas;
}

export const MiniBoard = memo(function MiniBoard({ fen, flipped = false, lastMove, className = '' }: Props) {
  const w = useWords();
  const canvas = usePieces(fen, flipped);
  const lit = lastMove ? [lastMove.slice(0, 2), lastMove.slice(2, 4)].map((sq) => indexOf(sq, flipped)) : [];
  return (
    <div className={`relative aspect-square overflow-hidden select-none ${className}`} style={SQUARES} role="img" aria-label={w.game.position}>
      {lit.map((i) => (
        <div key={`lit-${i}`} className="absolute bg-[#f6f669]/70" style={place(i)} />
      ))}
      <canvas ref={canvas} className="absolute inset-0 h-full w-full [contain:strict]" aria-hidden />
    </div>
  );
});
