// Where the squares and pieces of a FEN are drawn, for every board (the big board and the mini
// boards): square indexes count from the drawing's top left, a8 on a board seen from White's side,
// h1 on one seen from Black's (flipped).

const FILES = 'abcdefgh';

/** A square's index from the top left as drawn ("e2" on an unflipped board: 52). */
export function indexOf(square: string, flipped: boolean): number {
  const i = (8 - Number(square[1])) * 8 + FILES.indexOf(square[0]);
  return flipped ? 63 - i : i;
}

/** The squares in drawing order, from the top left. */
export function squaresOf(flipped: boolean): string[] {
  const squares: string[] = [];
  for (let i = 0; i < 64; i++) {
    const j = flipped ? 63 - i : i;
    squares.push(`${FILES[j % 8]}${8 - Math.floor(j / 8)}`);
  }
  return squares;
}

/** Pieces as [square index from the top left as drawn, piece letter]. */
export function piecesOf(fen: string, flipped: boolean): [number, string][] {
  const pieces: [number, string][] = [];
  let i = 0;
  for (const ch of fen.split(' ')[0]) {
    if (ch === '/') continue;
    if (ch >= '1' && ch <= '8') i += Number(ch);
    else pieces.push([flipped ? 63 - i++ : i++, ch]);
  }
  return pieces;
}

/** Whether a square is a light one (a8 and h1 are). */
export const isLight = (square: string): boolean => (FILES.indexOf(square[0]) + Number(square[1])) % 2 === 0;
