// react-chessboard's own pieces, each named for a screen reader ("white knight"): a piece is a
// drag handle with a button's role, and a button needs a name.
import { defaultPieces } from 'react-chessboard';
import type { ComponentProps } from 'react';
import { pieceName } from '@/app/words';

type Render = (typeof defaultPieces)[string];

export const NAMED_PIECES: Record<string, Render> = Object.fromEntries(
  Object.entries(defaultPieces).map(([type, render]) => [
    type,
    (props?: ComponentProps<'svg'> & Parameters<Render>[0]) => (
      <span role="img" aria-label={pieceName(type)} style={{ display: 'contents' }}>
        {render(props)}
      </span>
    ),
  ]),
);
