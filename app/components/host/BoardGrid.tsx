'use client';
// Every board as a mini board framed in its state's colour; a click moves the host there.
// Each cell selects its own board's view: an event redraws the cells of the boards it touched,
// and the one-second clock redraws only the wait times.
import { memo } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { BoardView } from '@/lib/client/board-views';
import type { EndReason } from '@/lib/simul/types';
import { seatedName } from '@/app/words';
import type { SimulView } from '@/lib/client/simul-connection';
import { LOOKS } from '../board-look';
import { ClockTime } from '../ClockTime';
import { MiniBoard } from '../MiniBoard';
import { BotIcon } from '../BotMarker';
import { useWords } from '../language';
import { WaitTime } from '../WaitTime';
import { PresenceBadge } from '../classroom';
import { LAID_OUT_WHEN_NEAR, SCREENFUL, useNearScreen } from '../near-screen';

type Store = StoreApi<SimulView>;

/** The boards whose wait shows: the host's to play (paused too: the wait then stands still). */
function showsWait(view: BoardView): boolean {
  const hostToMove = view.look === 'paused' ? view.fen.split(' ')[1] === view.hostColor : view.look === 'awaiting-host' || view.look === 'host-thinking';
  return hostToMove && view.turnSince !== null;
}

const Cell = memo(function Cell({ store, number, onPick, eager }: { store: Store; number: number; onPick?: (n: number) => void; eager: boolean }) {
  const w = useWords();
  const view = useStore(store, (s) => s.boards.get(number));
  const { ref, drawn } = useNearScreen(eager);
  // An exhibition's waits are on its simulated clock, not this page's.
  const simulated = useStore(store, (s) => s.state.exhibition !== null);
  if (!view) return null;
  const l = LOOKS[view.look];
  const finished = Boolean(view.endReason && view.result) && (view.look === 'win' || view.look === 'draw' || view.look === 'loss');
  const frame = `@container flex min-w-0 flex-col overflow-hidden rounded-md border-2 bg-white text-left dark:bg-slate-900 ${l.frame} ${eager ? '' : LAID_OUT_WHEN_NEAR}`;
  if (!drawn) {
    // Its place kept, its number shown, until it comes near the screen or the page is idle.
    const Frame = onPick ? 'button' : 'div';
    return (
      <Frame className={frame} onClick={onPick && (() => onPick(number))} data-testid={`mini-${number}`} data-look={view.look} data-bot={view.isBot || undefined} data-presence={view.presence ?? undefined}>
        <span className="px-[0.3em] text-[clamp(9px,7cqw,28px)] leading-tight font-bold">{number}</span>
        <div ref={ref} className="aspect-square w-full" />
      </Frame>
    );
  }
  // Type scales with the cell (container query units), so a chip's words fit on one line at any
  // cell from 128 px wide (the narrowest the console and the projector draw) up.
  const content = (
    <>
      <div className="flex items-baseline gap-[0.4em] px-[0.3em] text-[clamp(9px,7cqw,28px)] leading-tight whitespace-nowrap">
        <span className="font-bold">{number}</span>
        {view.drawOfferBy === 'opponent' && (
          <span className="rounded bg-ready px-[0.25em] font-semibold text-slate-950" title={w.game.drawOffered} data-testid={`draw-offer-${number}`}>
            ½?
          </span>
        )}
        <span className="flex min-w-0 flex-1 items-center gap-0.5 text-slate-600 dark:text-slate-300">
          {/* Sized by the type, as the name is: a bot's row is as tall as any other. */}
          {view.isBot && <BotIcon className="h-[1em] w-[1em] shrink-0" />}
          <span className="truncate">{view.isBot ? seatedName(w, number, view) : view.name}</span>
          {view.isBot && <span className="sr-only">{w.bots.marker}</span>}
          {/* The student's clock beside the student's name, the host's at the right. */}
          {view.opponentClock !== null && (
            <span className="shrink-0 pl-[0.3em]" title={w.miniBoard.opponentClockHint}>
              <ClockTime
                store={store}
                left={view.opponentClock}
                running={view.clockRunning === 'opponent'}
                since={view.clockSince ?? 0}
                testId={`opponent-clock-mini-${number}`}
              />
            </span>
          )}
        </span>
        <PresenceBadge store={store} view={view} className="shrink-0" />
        {showsWait(view) && !simulated && (
          <span className="shrink-0" title={w.miniBoard.waitHint}>
            {w.miniBoard.wait} <WaitTime store={store} since={view.turnSince!} className="font-semibold tabular-nums" testId={`wait-mini-${number}`} />
          </span>
        )}
        {view.hostClock !== null && (
          <span className="ml-auto shrink-0" title={w.miniBoard.hostClockHint}>
            {w.miniBoard.hostClock}{' '}
          <ClockTime
            store={store}
            left={view.hostClock}
            running={view.clockRunning === 'host'}
            since={view.clockSince ?? 0}
            testId={`host-clock-mini-${number}`}
          />
          </span>
        )}
      </div>
      <MiniBoard className="shrink-0" fen={view.fen} flipped={view.hostColor === 'b'} lastMove={view.lastMove} />
      <div
        className={`flex items-center gap-[0.3em] px-[0.3em] py-[0.1em] text-[clamp(9px,7cqw,28px)] leading-tight font-semibold whitespace-nowrap ${l.chip}`}
        data-testid={`chip-${number}`}
      >
        {/* A finished game says itself in words ("Host lost on time"), not with a score's digit before them. */}
        {finished ? (
          <span className="min-w-0 truncate" data-testid={`chip-label-${number}`} data-reason={view.endReason}>
            {w.miniBoard.finished(view.look as 'win' | 'draw' | 'loss', view.endReason as EndReason)}
          </span>
        ) : (
          <>
            {l.icon}
            <span className="min-w-0 truncate" data-testid={`chip-label-${number}`}>{w.boardLooks[view.look]}</span>
          </>
        )}
      </div>
    </>
  );
  return onPick ? (
    <button className={frame} onClick={() => onPick(number)} data-testid={`mini-${number}`} data-look={view.look} data-bot={view.isBot || undefined} data-presence={view.presence ?? undefined}>
      {content}
    </button>
  ) : (
    <div className={frame} data-testid={`mini-${number}`} data-look={view.look} data-bot={view.isBot || undefined} data-presence={view.presence ?? undefined}>
      {content}
    </div>
  );
});

/**
 * The console's grid, which scrolls: the boards past the first screenful are drawn whole when
 * they come near the screen or the page is idle, and laid out and painted when they come near.
 */
const SCROLLING_GRID = 'grid-cols-[repeat(auto-fill,minmax(8rem,1fr))]';

export const BoardGrid = memo(function BoardGrid({
  store,
  onPick,
  numbers,
  columns,
  className = '',
}: {
  store: Store;
  onPick?: (n: number) => void;
  /** The boards to show (a projector's page); every board when not given. */
  numbers?: number[];
  /**
   * Fixed columns of this many px (the projector's fitted grid); else as many as fit, 8rem or
   * wider. Rows are always as tall as their cells: a grid shorter than its boards scrolls
   * rather than squashing them.
   */
  columns?: { count: number; cell: number };
  className?: string;
}) {
  const order = useStore(store, (s) => s.state.order);
  const shown = numbers ?? order;
  return (
    <div
      className={`grid auto-rows-max gap-2 ${columns ? '' : SCROLLING_GRID} ${className}`}
      style={columns ? { gridTemplateColumns: `repeat(${columns.count}, ${columns.cell}px)` } : undefined}
      data-testid="board-grid"
    >
      {shown.map((n, i) => (
        // A fitted grid (the projector's page) is all on screen.
        <Cell key={n} store={store} number={n} onPick={onPick} eager={Boolean(columns) || i < SCREENFUL} />
      ))}
    </div>
  );
});
