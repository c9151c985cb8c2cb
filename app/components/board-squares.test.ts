// Where squares and pieces are drawn, from either side of the board.
import { describe, expect, it } from 'vitest';
import { indexOf, isLight, piecesOf, squaresOf } from './board-squares';

const AFTER_E4 = 'rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR b KQkq - 0 1';

describe('board squares', () => {
  it('draws a8 first from White’s side and h1 first from Black’s', () => {
    expect(squaresOf(false).slice(0, 2)).toEqual(['a8', 'b8']);
    expect(squaresOf(false)[63]).toBe('h1');
    expect(squaresOf(true).slice(0, 2)).toEqual(['h1', 'g1']);
    expect(squaresOf(true)[63]).toBe('a8');
  });

  it('places each square and each piece at the same index, either side', () => {
    for (const flipped of [false, true]) {
      const squares = squaresOf(flipped);
      squares.forEach((square, i) => expect(indexOf(square, flipped)).toBe(i));
      const on = new Map(piecesOf(AFTER_E4, flipped).map(([i, piece]) => [squares[i], piece]));
      expect(on.get('e4')).toBe('P');
      expect(on.has('e2')).toBe(false);
      expect(on.get('e8')).toBe('k');
      expect(on.size).toBe(32);
    }
  });

  it('knows the light squares', () => {
    expect(['a8', 'h1', 'e4', 'd5'].map(isLight)).toEqual([true, true, true, true]);
    expect(['a1', 'h8', 'e5', 'd4'].map(isLight)).toEqual([false, false, false, false]);
  });
});
