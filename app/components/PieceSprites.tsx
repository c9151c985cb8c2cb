'use client';
// The one piece set, drawn once per page: the main board's own (react-chessboard's default
// pieces, MIT licensed with the package), as SVG symbols the mini boards and the promotion
// choices reference with <use>, so a grid of 100 boards does not repeat every piece's paths.
import { defaultPieces } from 'react-chessboard';

/** The symbol id of a piece given as a FEN letter ("K" white king, "n" black knight). */
export function pieceSymbol(letter: string): string {
  return `piece-${letter === letter.toUpperCase() ? 'w' : 'b'}${letter.toUpperCase()}`;
}

const LETTERS = ['K', 'Q', 'R', 'B', 'N', 'P', 'k', 'q', 'r', 'b', 'n', 'p'];

export function PieceSprites() {
  return (
    <svg width="0" height="0" className="absolute" aria-hidden focusable="false">
      <defs>
        {LETTERS.map((letter) => {
          const id = pieceSymbol(letter);
          return (
            <symbol key={id} id={id} viewBox="0 0 45 45">
              {defaultPieces[id.slice('piece-'.length)]()}
            </symbol>
          );
        })}
      </defs>
    </svg>
  );
}

/** One piece, standalone (a promotion choice): a reference to its symbol. */
export function Piece({ letter, className = '' }: { letter: string; className?: string }) {
  return (
    <svg viewBox="0 0 45 45" className={className} aria-hidden focusable="false">
      <use href={`#${pieceSymbol(letter)}`} />
    </svg>
  );
}
