'use client';
// Every board at the scrubbed moment: its position, its state in the one colour language, and
// where the host was. The boards past a screenful are drawn when they come near the screen or
// the page is idle, and laid out and painted when they come near.
import { lookOf } from '@/lib/simul/board-look';
import type { SimulState } from '@/lib/simul/types';
import { seatedName } from '@/app/words';
import { useWords } from '../language';
import { LOOKS } from '../board-look';
import { MiniBoard } from '../MiniBoard';
import { LAID_OUT_WHEN_NEAR, SCREENFUL, useNearScreen } from '../near-screen';

export function ScrubBoards({ state }: { state: SimulState }) {
  const w = useWords();
  const words = w.scrub;
  return (
    <ul className="grid grid-cols-[repeat(auto-fill,minmax(8rem,1fr))] gap-2" aria-label={words.boards} data-testid="scrub-boards">
      {state.order.map((n, i) => (
        <ScrubBoard key={n} state={state} number={n} eager={i < SCREENFUL} />
      ))}
    </ul>
  );
}

function ScrubBoard({ state, number: n, eager }: { state: SimulState; number: number; eager: boolean }) {
  const w = useWords();
  const { ref, drawn } = useNearScreen<HTMLSpanElement>(eager);
  const board = state.boards.get(n)!;
  const look = lookOf(state, board);
  const l = LOOKS[look];
  // The frame's colour only: a faded (unfinished) cell's type would be too faint to read.
  const frame = l.frame.split(' ').filter((c) => !c.startsWith('opacity-')).join(' ');
  const fen = board.chess.fen();
  return (
    <li className={`flex min-w-0 flex-col overflow-hidden rounded-md border-2 bg-white dark:bg-slate-900 ${frame} ${eager ? '' : LAID_OUT_WHEN_NEAR}`} data-testid={`scrub-board-${n}`} data-look={look} data-fen={fen}>
      <span ref={ref} className="flex items-baseline gap-1 px-1 text-sm leading-tight">
        <span className="font-bold">{n}</span>
        {drawn && <span className="min-w-0 flex-1 truncate text-slate-600 dark:text-slate-300">{seatedName(w, n, board.opponent) ?? ''}</span>}
        {drawn && state.focus === n && state.phase === 'playing' && <span className="shrink-0 text-xs font-semibold text-host" data-testid={`scrub-host-${n}`}>{w.scrub.hostHere}</span>}
      </span>
      {drawn ? (
        <>
          <MiniBoard fen={fen} flipped={board.hostColor === 'b'} lastMove={board.lastMove ? board.lastMove.from + board.lastMove.to : null} />
          <span className={`flex items-center gap-1 px-1 text-xs font-semibold ${l.chip}`}>
            {l.icon}
            <span className="min-w-0 truncate">{w.boardLooks[look]}</span>
          </span>
        </>
      ) : (
        <div className="aspect-square w-full" />
      )}
    </li>
  );
}
