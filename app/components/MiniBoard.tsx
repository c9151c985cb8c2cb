// A light board for grids of up to 100: plain elements from the FEN, no chess engine, no drag.
import { memo } from 'react';

const GLYPHS: Record<string, string> = {
  K: '♔', Q: '♕', R: '♖', B: '♗', N: '♘', P: '♙',
  k: '♚', q: '♛', r: '♜', b: '♝', n: '♞', p: '♟',
};
const FILES = 'abcdefgh';

function squaresOf(fen: string): (string | null)[] {
  const squares: (string | null)[] = [];
  for (const ch of fen.split(' ')[0]) {
    if (ch === '/') continue;
    if (/\d/.test(ch)) for (let i = 0; i < Number(ch); i++) squares.push(null);
    else squares.push(ch);
  }
  return squares; // a8 … h1
}

interface Props {
  fen: string;
  flipped?: boolean;
  lastMove?: string | null; // "e2e4"
  className?: string;
}

export const MiniBoard = memo(function MiniBoard({ fen, flipped = false, lastMove, className = '' }: Props) {
  const squares = squaresOf(fen);
  const highlighted = lastMove ? [lastMove.slice(0, 2), lastMove.slice(2, 4)] : [];
  const cells = [];
  for (let i = 0; i < 64; i++) {
    const idx = flipped ? 63 - i : i;
    const rank = 8 - Math.floor(idx / 8);
    const file = FILES[idx % 8];
    const name = `${file}${rank}`;
    const dark = (Math.floor(idx / 8) + (idx % 8)) % 2 === 1;
    const piece = squares[idx];
    const lit = highlighted.includes(name);
    cells.push(
      <div
        key={name}
        className={`flex items-center justify-center leading-none ${
          lit ? (dark ? 'bg-[#baca2b]' : 'bg-[#f6f669]') : dark ? 'bg-board-dark' : 'bg-board-light'
        }`}
      >
        {piece ? (
          <span className={piece === piece.toUpperCase() ? 'text-white [text-shadow:0_0_1px_#000,0_0_1px_#000]' : 'text-black'}>
            {GLYPHS[piece]}
          </span>
        ) : null}
      </div>,
    );
  }
  return (
    <div
      className={`grid aspect-square grid-cols-8 grid-rows-8 overflow-hidden text-[min(2.2vw,1.1rem)] select-none ${className}`}
      role="img"
      aria-label="board position"
    >
      {cells}
    </div>
  );
});
