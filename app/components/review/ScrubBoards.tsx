'use client';
// Every board at the scrubbed moment: its position, its state in the one colour language, and
// where the host was. A board out of sight is laid out and painted when it comes near.
import { lookOf } from '@/lib/simul/board-look';
import type { SimulState } from '@/lib/simul/types';
import { useWords } from '../language';
import { LOOKS } from '../board-look';
import { MiniBoard } from '../MiniBoard';

export function ScrubBoards({ state }: { state: SimulState }) {
  const w = useWords();
  const words = w.scrub;
  return (
    <ul className="grid grid-cols-[repeat(auto-fill,minmax(8rem,1fr))] gap-2" aria-label={words.boards} data-testid="scrub-boards">
      {state.order.map((n) => {
        const board = state.boards.get(n)!;
        const look = lookOf(board, state.focus);
        const l = LOOKS[look];
        // The frame's colour only: a faded (unfinished) cell's type would be too faint to read.
        const frame = l.frame.split(' ').filter((c) => !c.startsWith('opacity-')).join(' ');
        const fen = board.chess.fen();
        return (
          <li key={n} className={`flex min-w-0 flex-col overflow-hidden rounded-md border-2 bg-white [contain-intrinsic-size:auto_8rem_auto_11rem] [content-visibility:auto] dark:bg-slate-900 ${frame}`} data-testid={`scrub-board-${n}`} data-look={look} data-fen={fen}>
            <span className="flex items-baseline gap-1 px-1 text-sm leading-tight">
              <span className="font-bold">{n}</span>
              <span className="min-w-0 flex-1 truncate text-slate-600 dark:text-slate-300">{board.opponent?.name ?? ''}</span>
              {state.focus === n && state.phase === 'playing' && <span className="shrink-0 text-xs font-semibold text-host" data-testid={`scrub-host-${n}`}>{words.hostHere}</span>}
            </span>
            <MiniBoard fen={fen} flipped={board.hostColor === 'b'} lastMove={board.lastMove ? board.lastMove.from + board.lastMove.to : null} />
            <span className={`flex items-center gap-1 px-1 text-xs font-semibold ${l.chip}`}>
              {l.icon}
              <span className="min-w-0 truncate">{w.boardLooks[look]}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
