'use client';
// Every board as a mini board framed in its state's colour; a click moves the host there.
// Each cell selects its own board's view: an event redraws the cells of the boards it touched,
// and the one-second clock redraws only the wait times.
import { memo } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { BoardView } from '@/lib/client/board-views';
import type { SimulView } from '@/lib/client/simul-connection';
import { LOOKS } from '../board-look';
import { MiniBoard } from '../MiniBoard';
import { WaitTime } from '../WaitTime';

type Store = StoreApi<SimulView>;

/** The boards whose wait shows: the host's to play. */
function showsWait(view: BoardView): boolean {
  return (view.look === 'awaiting-host' || view.look === 'host-thinking') && view.turnSince !== null;
}

const Cell = memo(function Cell({ store, number, onPick }: { store: Store; number: number; onPick?: (n: number) => void }) {
  const view = useStore(store, (s) => s.boards.get(number));
  // An exhibition's waits are on its simulated clock, not this page's.
  const simulated = useStore(store, (s) => s.state.exhibition !== null);
  if (!view) return null;
  const l = LOOKS[view.look];
  const content = (
    <>
      <div className="flex items-baseline justify-between gap-1 px-1 text-xs">
        <span className="font-bold">{number}</span>
        {view.drawOfferBy === 'opponent' && (
          <span className="rounded bg-ready px-1 font-semibold text-slate-950" title="Draw offered" data-testid={`draw-offer-${number}`}>
            ½?
          </span>
        )}
        <span className="truncate text-slate-500">{view.name}</span>
      </div>
      <MiniBoard fen={view.fen} flipped={view.hostColor === 'b'} lastMove={view.lastMove} />
      <div className={`flex items-center justify-between px-1 py-0.5 text-[11px] font-semibold ${l.chip}`}>
        <span>
          {l.icon} {l.label}
        </span>
        {showsWait(view) && !simulated && <WaitTime store={store} since={view.turnSince!} className="tabular-nums" />}
      </div>
    </>
  );
  const frame = `flex flex-col overflow-hidden rounded-md border-2 bg-white text-left dark:bg-slate-900 ${l.frame}`;
  return onPick ? (
    <button className={frame} onClick={() => onPick(number)} data-testid={`mini-${number}`} data-look={view.look} aria-label={`Board ${number}, ${view.name}: ${l.label}`}>
      {content}
    </button>
  ) : (
    <div className={frame} data-testid={`mini-${number}`} data-look={view.look}>
      {content}
    </div>
  );
});

export const BoardGrid = memo(function BoardGrid({
  store,
  onPick,
  className = '',
}: {
  store: Store;
  onPick?: (n: number) => void;
  className?: string;
}) {
  const order = useStore(store, (s) => s.state.order);
  return (
    <div className={`grid grid-cols-[repeat(auto-fill,minmax(6.5rem,1fr))] gap-2 ${className}`} data-testid="board-grid">
      {order.map((n) => (
        <Cell key={n} store={store} number={n} onPick={onPick} />
      ))}
    </div>
  );
});
