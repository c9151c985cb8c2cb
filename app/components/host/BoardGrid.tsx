'use client';
// Every board as a mini board framed in its state's colour; a click moves the host there.
import { memo } from 'react';
import { formatDuration } from '@/lib/metrics/format';
import type { BoardState, SimulState } from '@/lib/simul/types';
import { boardLook, LOOKS, type BoardLook } from '../board-look';
import { MiniBoard } from '../MiniBoard';

interface CellProps {
  number: number;
  name: string;
  fen: string;
  flipped: boolean;
  lastMove: string | null;
  look: BoardLook;
  waitedSeconds: number | null;
  /** The opponent offers a draw: the host sees it without going to the board. */
  drawOffered: boolean;
  onPick?: (n: number) => void;
}

const Cell = memo(function Cell({ number, name, fen, flipped, lastMove, look, waitedSeconds, drawOffered, onPick }: CellProps) {
  const l = LOOKS[look];
  const content = (
    <>
      <div className="flex items-baseline justify-between gap-1 px-1 text-xs">
        <span className="font-bold">{number}</span>
        {drawOffered && (
          <span className="rounded bg-ready px-1 font-semibold text-slate-950" title="Draw offered" data-testid={`draw-offer-${number}`}>
            ½?
          </span>
        )}
        <span className="truncate text-slate-500">{name}</span>
      </div>
      <MiniBoard fen={fen} flipped={flipped} lastMove={lastMove} />
      <div className={`flex items-center justify-between px-1 py-0.5 text-[11px] font-semibold ${l.chip}`}>
        <span>
          {l.icon} {l.label}
        </span>
        {waitedSeconds !== null && <span className="tabular-nums">{formatDuration(waitedSeconds * 1000)}</span>}
      </div>
    </>
  );
  const frame = `flex flex-col overflow-hidden rounded-md border-2 bg-white text-left dark:bg-slate-900 ${l.frame}`;
  return onPick ? (
    <button className={frame} onClick={() => onPick(number)} data-testid={`mini-${number}`} data-look={look} aria-label={`Board ${number}, ${name}: ${l.label}`}>
      {content}
    </button>
  ) : (
    <div className={frame} data-testid={`mini-${number}`} data-look={look}>
      {content}
    </div>
  );
});

function waited(board: BoardState, look: BoardLook, now: number): number | null {
  if ((look !== 'awaiting-host' && look !== 'host-thinking') || board.turnSince === null) return null;
  return Math.max(0, Math.floor((now - board.turnSince) / 1000));
}

export function BoardGrid({
  state,
  now,
  onPick,
  className = '',
}: {
  state: SimulState;
  now: number;
  onPick?: (n: number) => void;
  className?: string;
}) {
  return (
    <div className={`grid grid-cols-[repeat(auto-fill,minmax(6.5rem,1fr))] gap-2 ${className}`} data-testid="board-grid">
      {state.order.map((n) => {
        const b = state.boards.get(n)!;
        const look = boardLook(state, b);
        return (
          <Cell
            key={n}
            number={n}
            name={b.opponent?.name ?? ''}
            fen={b.chess.fen()}
            flipped={b.hostColor === 'b'}
            lastMove={b.lastMove ? b.lastMove.from + b.lastMove.to : null}
            look={look}
            waitedSeconds={waited(b, look, now)}
            drawOffered={b.drawOfferBy === 'opponent'}
            onPick={onPick}
          />
        );
      })}
    </div>
  );
}
