// A light board for grids of up to 100: the squares are one painted background, the pieces and
// the last move the only elements on it (a grid of 100 boards would otherwise be 6,400 squares
// to lay out), from the FEN: no chess engine, no drag. The pieces are the main board's set,
// each a reference to its symbol (PieceSprites, drawn once per page).
import { memo } from 'react';
import { useWords } from './language';
import { pieceSymbol } from './PieceSprites';

const FILES = 'abcdefgh';

/** Pieces as [square index from the top left as drawn, piece letter]. */
function piecesOf(fen: string, flipped: boolean): [number, string][] {
  const pieces: [number, string][] = [];
  let i = 0;
  for (const ch of fen.split(' ')[0]) {
    if (ch === '/') continue;
    if (/\d/.test(ch)) i += Number(ch);
    else pieces.push([flipped ? 63 - i++ : i++, ch]);
  }
  return pieces;
}

/** A square's index from the top left as drawn ("e2" on an unflipped board: 52). */
function indexOf(square: string, flipped: boolean): number {
  const i = (8 - Number(square[1])) * 8 + FILES.indexOf(square[0]);
  return flipped ? 63 - i : i;
}

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
  /** False draws the squares alone (a grid's board far off screen, drawn whole when it comes near). */
  pieces?: boolean;
  className?: string;
}

export const MiniBoard = memo(function MiniBoard({ fen, flipped = false, lastMove, pieces = true, className = '' }: Props) {
  const w = useWords();
  const lit = lastMove ? [lastMove.slice(0, 2), lastMove.slice(2, 4)].map((sq) => indexOf(sq, flipped)) : [];
  return (
    <div className={`relative aspect-square overflow-hidden select-none ${className}`} style={SQUARES} role="img" aria-label={w.game.position}>
      {lit.map((i) => (
        <div key={`lit-${i}`} className="absolute bg-[#f6f669]/70" style={place(i)} />
      ))}
      {pieces && (
        <svg viewBox="0 0 8 8" className="absolute inset-0 h-full w-full" aria-hidden focusable="false">
          {piecesOf(fen, flipped).map(([i, piece]) => (
            <use key={i} href={`#${pieceSymbol(piece)}`} x={i % 8} y={Math.floor(i / 8)} width="1" height="1" />
          ))}
        </svg>
      )}
    </div>
  );
});
