// The board's pieces (PieceSprites' set), each named for a screen reader ("white knight"): a
// piece is a drag handle with a button's role, and a button needs a name.
import type { ComponentProps } from 'react';
import { pieceName, type Words } from '@/app/words';
import { PIECE_TYPES } from './PieceSprites';

type Render = (props?: ComponentProps<'svg'> & { fill?: string; svgStyle?: React.CSSProperties }) => React.JSX.Element;

/** react-chessboard's pieces option, in this page's language. */
export function namedPieces(w: Words): Record<string, Render> {
  return Object.fromEntries(
    PIECE_TYPES.map((type) => [
      type,
      (props) => (
        <span role="img" aria-label={pieceName(w, type)} style={{ display: 'contents' }}>
          <svg viewBox="0 0 45 45" width="100%" height="100%" style={props?.svgStyle} aria-hidden focusable="false">
            <use href={`#piece-${type}`} />
          </svg>
        </span>
      ),
    ]),
  );
}
