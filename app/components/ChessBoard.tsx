'use client';
// The big board a person moves on: 64 squares, each piece a reference to the page's piece
// drawings (PieceSprites), a tap on a square or a drag of a piece. A square is drawn again only when
// what stands on it or its colour changes, so a move redraws the two to four squares it touched,
// and the host's board moving on to the next game keeps its 64 squares and redraws what differs.
// A drag moves the piece under the finger by a transform, with no redraw until it is dropped.
// Each square is a button: Tab reaches the board (one square at a time is in the tab order), the
// arrow keys move between squares while a square has the keyboard's focus, and Enter or Space
// acts as a tap.
import { memo, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent } from 'react';
import { pieceName, type Words } from '@/app/words';
import { useWords } from './language';
import { indexOf, isLight, piecesOf, squaresOf } from './board-squares';
import { pieceSymbol, pieceType } from './PieceSprites';

/** How far a press must move before it is a drag and not a tap (px). */
const DRAG_FROM_PX = 4;

/** A coordinate along the board's edge, dark on both colours of square, sized with the board. */
const MARK = 'pointer-events-none absolute text-[clamp(9px,2.6cqw,15px)] font-semibold leading-none text-slate-950';

interface SquareProps {
  id: string;
  square: string;
  index: number;
  piece: string | undefined;
  /** The one square in the tab order. */
  tabbable: boolean;
  style: CSSProperties | undefined;
  /** The file's letter when the square is on the bottom row, the rank's number on the left column. */
  fileMark: string | null;
  rankMark: string | null;
  words: Words;
}

const Square = memo(function Square({ id, square, index, piece, tabbable, style, fileMark, rankMark, words }: SquareProps) {
  const light = isLight(square);
  return (
    <button
      type="button"
      id={`${id}-square-${square}`}
      data-square={square}
      data-index={index}
      tabIndex={tabbable ? 0 : -1}
      aria-label={words.moves.square(square, piece ? pieceName(words, pieceType(piece)) : null)}
      className={`relative focus-visible:z-10 focus-visible:outline-4 focus-visible:-outline-offset-4 focus-visible:outline-blue-700 ${light ? 'bg-board-light' : 'bg-board-dark'}`}
    >
      {style && <div className="absolute inset-0" style={style} />}
      {rankMark && <span aria-hidden className={`left-0.5 top-0 ${MARK}`}>{rankMark}</span>}
      {fileMark && <span aria-hidden className={`bottom-0 right-0.5 ${MARK}`}>{fileMark}</span>}
      {piece && (
        <svg viewBox="0 0 45 45" className="absolute inset-0 h-full w-full" data-piece={piece} aria-hidden focusable="false">
          <use href={`#${pieceSymbol(piece)}`} />
        </svg>
      )}
    </button>
  );
});

/** Where an arrow key goes from square `i` of the drawing (from the top left), or null at the edge. */
function stepFrom(i: number, key: string): number | null {
  const row = Math.floor(i / 8);
  const col = i % 8;
  if (key === 'ArrowLeft') return col > 0 ? i - 1 : null;
  if (key === 'ArrowRight') return col < 7 ? i + 1 : null;
  if (key === 'ArrowUp') return row > 0 ? i - 8 : null;
  if (key === 'ArrowDown') return row < 7 ? i + 8 : null;
  return null;
}

interface Props {
  id: string;
  fen: string;
  orientation: 'white' | 'black';
  /** Extra look of some squares (the last move, a selection, hints, a king in check). */
  squareStyles: Record<string, CSSProperties>;
  /** Whether the piece on a square may be dragged now (a FEN letter). */
  canDrag: (piece: string) => boolean;
  onSquareClick: (square: string, piece: string | null) => void;
  onDrop: (from: string, to: string) => void;
}

interface Drag {
  from: string;
  pointerId: number;
  x: number;
  y: number;
  piece: SVGElement;
  moving: boolean;
}

export function ChessBoard({ id, fen, orientation, squareStyles, canDrag, onSquareClick, onDrop }: Props) {
  const words = useWords();
  const flipped = orientation === 'black';
  const squares = squaresOf(flipped);
  // What stands on each square, by its index in the drawing.
  const at: (string | undefined)[] = new Array(64);
  for (const [i, piece] of piecesOf(fen, flipped)) at[i] = piece;
  const pieceOn = (square: string | null) => (square === null ? undefined : at[indexOf(square, flipped)]);
  const drag = useRef<Drag | null>(null);
  // A drag ends with a click on the square it started from: that click is the drag's, not a tap.
  const dragged = useRef(false);
  // The square that Tab reaches: the last one the keys or a tap were on.
  const [tabbable, setTabbable] = useState(0);

  // Whether the square with focus got it from the keyboard: only then are the arrows the board's.
  // A square clicked with the mouse leaves them to the page (the console's ←/→ step through the
  // boards). Read as :focus-visible when the focus comes, and not at a key press, since a browser
  // may make a clicked square :focus-visible at its first key press.
  const keyboardFocus = useRef(false);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    // A square acted on with the keys (Enter, Space) is in the keyboard's hands too.
    if (e.key === 'Enter' || e.key === ' ') keyboardFocus.current = true;
    if (!keyboardFocus.current) return;
    const from = Number((e.target as HTMLElement).dataset.index);
    const to = Number.isInteger(from) ? stepFrom(from, e.key) : null;
    if (to === null) return;
    e.preventDefault();
    setTabbable(to);
    e.currentTarget.querySelector<HTMLElement>(`[data-index="${to}"]`)?.focus();
  }

  const squareAt = (target: EventTarget | null): string | null =>
    (target instanceof Element ? target.closest<HTMLElement>('[data-square]')?.dataset.square : undefined) ?? null;

  function onPointerDown(e: PointerEvent<HTMLDivElement>) {
    keyboardFocus.current = false;
    dragged.current = false;
    if (e.button !== 0) return;
    const from = squareAt(e.target);
    const piece = pieceOn(from);
    const drawn = from ? e.currentTarget.querySelector<SVGElement>(`#${CSS.escape(`${id}-square-${from}`)} [data-piece]`) : null;
    if (!from || !piece || !drawn || !canDrag(piece)) return;
    drag.current = { from, pointerId: e.pointerId, x: e.clientX, y: e.clientY, piece: drawn, moving: false };
  }

  function onPointerMove(e: PointerEvent<HTMLDivElement>) {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moving) {
      if (Math.hypot(dx, dy) < DRAG_FROM_PX) return;
      d.moving = true;
      e.currentTarget.setPointerCapture(e.pointerId);
      // Above the other squares, and out of the way of the square it is dropped on.
      Object.assign(d.piece.style, { zIndex: '10', pointerEvents: 'none', cursor: 'grabbing' });
    }
    d.piece.style.transform = `translate(${dx}px, ${dy}px) scale(1.1)`;
  }

  function endDrag(e: PointerEvent<HTMLDivElement>, drop: boolean) {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    drag.current = null;
    if (!d.moving) return;
    dragged.current = true;
    Object.assign(d.piece.style, { zIndex: '', pointerEvents: '', cursor: '', transform: '' });
    const to = drop ? squareAt(document.elementFromPoint(e.clientX, e.clientY)) : null;
    if (to && to !== d.from) onDrop(d.from, to);
  }

  return (
    <div
      className="grid aspect-square w-full select-none grid-cols-8 grid-rows-8 overflow-hidden rounded [container-type:inline-size]"
      // While a piece may be dragged, a finger on the board drags it instead of scrolling the page.
      style={{ touchAction: at.some((piece) => piece !== undefined && canDrag(piece)) ? 'none' : undefined }}
      data-testid={`${id}-squares`}
      role="group"
      aria-label={words.moves.board}
      onKeyDown={onKeyDown}
      onFocus={(e) => (keyboardFocus.current = e.target.matches(':focus-visible'))}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={(e) => endDrag(e, true)}
      onPointerCancel={(e) => endDrag(e, false)}
      onClick={(e) => {
        if (dragged.current) {
          dragged.current = false;
          return;
        }
        const square = squareAt(e.target);
        if (!square) return;
        setTabbable(indexOf(square, flipped));
        onSquareClick(square, pieceOn(square) ?? null);
      }}
    >
      {squares.map((square, i) => (
        <Square
          key={i}
          id={id}
          square={square}
          index={i}
          piece={at[i]}
          tabbable={i === tabbable}
          style={squareStyles[square]}
          fileMark={i >= 56 ? square[0] : null}
          rankMark={i % 8 === 0 ? square[1] : null}
          words={words}
        />
      ))}
    </div>
  );
}
