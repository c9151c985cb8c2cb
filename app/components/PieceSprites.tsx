// The one piece set, drawn for this project (MIT, like the rest: public/LICENSES.md): plain
// silhouettes of a few shapes each, with a thick outline, so that a piece still reads on a
// mini board of 40 and from the back of the room. Drawn once per page as SVG symbols; the main
// board (ChessBoard.tsx), the mini boards and the promotion choices reference them with <use>,
// so a grid of 100 boards does not repeat every piece's paths.

/** The side a FEN letter's piece plays ("n": black). */
export const sideOf = (letter: string): 'w' | 'b' => (letter === letter.toUpperCase() ? 'w' : 'b');

/** A piece's type from its FEN letter ("N" is "wN", "n" is "bN"). */
export const pieceType = (letter: string): string => `${sideOf(letter)}${letter.toUpperCase()}`;

/** The symbol id of a piece given as a FEN letter ("K" white king, "n" black knight). */
export function pieceSymbol(letter: string): string {
  return `piece-${pieceType(letter)}`;
}

/** The colours of each side: fill, outline, and the inner lines (on black pieces, light). */
const SIDES = {
  w: { fill: '#ffffff', outline: '#1f2937', detail: '#1f2937' },
  b: { fill: '#1f2937', outline: '#111827', detail: '#e5e7eb' },
} as const;

/** The plinth every piece but the pawn stands on. */
const BASE = <path d="M9.5 39h26v-3.5a1.5 1.5 0 0 0-1.5-1.5h-23a1.5 1.5 0 0 0-1.5 1.5z" />;
/** The collar between a piece's body and its plinth. */
const COLLAR = <rect x="12" y="30.5" width="21" height="3.5" rx="1" />;

/** Each piece in a 45 × 45 box: its body (filled and outlined) and its inner lines. */
const SHAPES: Record<'K' | 'Q' | 'R' | 'B' | 'N' | 'P', { body: React.ReactNode; lines?: React.ReactNode }> = {
  K: {
    body: (
      <>
        <path d="M21 3h3v3.5h3.5v3H24V14h-3V9.5h-3.5v-3H21z" />
        <path d="M12 30.5c-5.5-6-3.5-14 3.5-13.5 2-3.5 12-3.5 14 0 7-.5 9 7.5 3.5 13.5z" />
        {COLLAR}
        {BASE}
      </>
    ),
    lines: <path d="M22.5 16.5v13M12.5 30.5h20M11 34h23" />,
  },
  Q: {
    body: (
      <>
        <path d="M12 30.5 9 14l6 10 1.5-14 4 12.5 2-14.5 2 14.5 4-12.5 1.5 14 6-10-3 16.5z" />
        <circle cx="9" cy="13" r="2.3" />
        <circle cx="16.5" cy="9" r="2.3" />
        <circle cx="22.5" cy="7" r="2.3" />
        <circle cx="28.5" cy="9" r="2.3" />
        <circle cx="36" cy="13" r="2.3" />
        {COLLAR}
        {BASE}
      </>
    ),
    lines: <path d="M12.5 30.5h20M11 34h23" />,
  },
  R: {
    body: (
      <>
        <path d="M11 8h5v3.5h4V8h5v3.5h4V8h5v9H11z" />
        <path d="M14 17h17v13.5H14z" />
        {COLLAR}
        {BASE}
      </>
    ),
    lines: <path d="M12 17h21M12.5 30.5h20M11 34h23" />,
  },
  B: {
    body: (
      <>
        <circle cx="22.5" cy="7" r="2.8" />
        <path d="M22.5 9.5c-7 5.5-9 13.5-5.5 21h11c3.5-7.5 1.5-15.5-5.5-21z" />
        {COLLAR}
        {BASE}
      </>
    ),
    lines: <path d="m26 14.5-5 6.5M19.5 25.5h6M12.5 30.5h20M11 34h23" />,
  },
  N: {
    body: (
      <>
        <path d="M13 34c0-6 3-9.5 6.5-12.5-3 .5-6 2-9 3.5-2 .5-3.5-1.5-2.5-3.5 3-5.5 6.5-9.5 9-12.5l-.5-4.5 3.5 3 2-3.5 1.5 4c8 1.5 13 9 12 28.5z" />
        {BASE}
      </>
    ),
    lines: (
      <>
        <circle cx="17.5" cy="14.5" r="1" />
        <path d="M24 11c4 3 6 8 6 14M11 34h23" />
      </>
    ),
  },
  P: {
    body: (
      <>
        <circle cx="22.5" cy="12" r="5" />
        <path d="M16.5 20h12l-1.5 2c1.5 4 3 7.5 5.5 11h-20c2.5-3.5 4-7 5.5-11z" />
        <path d="M11.5 39h22v-3.5a2.5 2.5 0 0 0-2.5-2.5H14a2.5 2.5 0 0 0-2.5 2.5z" />
      </>
    ),
  },
};

/** A piece by its type ("wN"), drawn in its side's colours. */
function Drawing({ type }: { type: string }) {
  const side = SIDES[type[0] as 'w' | 'b'];
  const shape = SHAPES[type[1] as keyof typeof SHAPES];
  return (
    <>
      <g fill={side.fill} stroke={side.outline} strokeWidth="1.5" strokeLinejoin="round">
        {shape.body}
      </g>
      {shape.lines && (
        <g fill="none" stroke={side.detail} strokeWidth="1.5" strokeLinecap="round">
          {shape.lines}
        </g>
      )}
    </>
  );
}

/** Every piece type: "wK" … "bP". */
export const PIECE_TYPES: string[] = ['w', 'b'].flatMap((side) => Object.keys(SHAPES).map((piece) => `${side}${piece}`));

export function PieceSprites() {
  return (
    <svg width="0" height="0" className="absolute" aria-hidden focusable="false">
      <defs>
        {PIECE_TYPES.map((type) => (
          <symbol key={type} id={`piece-${type}`} viewBox="0 0 45 45">
            <Drawing type={type} />
          </symbol>
        ))}
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
