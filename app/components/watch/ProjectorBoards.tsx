'use client';
// The projector's mini boards: as large as the box allows with all of them on screen, or a
// page at a time when that would make them too small to read from the back of the room.
import { memo, useRef } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { SimulView } from '@/lib/client/simul-connection';
import { useWords } from '../language';
import { BoardGrid } from '../host/BoardGrid';
import { useBoxSize } from '../use-box-size';
import { fitGrid } from './fit-grid';
import { usePage } from './use-page';

const GAP = 8;
/** A cell's height over its width: the board, a line above it and the chip below it (7cqw type). */
const ASPECT = 1.22;
/** A cell's narrowest width: its type is then 9 px, and a chip's longest words just fit. */
const MIN_CELL = 128;

export const ProjectorBoards = memo(function ProjectorBoards({ store }: { store: StoreApi<SimulView> }) {
  const words = useWords().projector;
  const order = useStore(store, (s) => s.state.order);
  const box = useRef<HTMLDivElement>(null);
  const { width, height } = useBoxSize(box);
  const pageLine = height > 0 ? Math.round(Math.max(14, height * 0.045)) : 0;
  const fit = fitGrid({ count: order.length, width, height: height - pageLine, gap: GAP, aspect: ASPECT, minCell: MIN_CELL });
  const page = usePage(fit.pages);
  const first = page * fit.perPage;
  const shown = order.slice(first, first + fit.perPage);
  return (
    <div ref={box} className="relative min-h-0 flex-1 overflow-hidden" data-testid="projector-boards" data-pages={fit.pages} data-per-page={fit.perPage}>
      {fit.cell > 0 && (
        <>
          {fit.pages > 1 && (
            <p className="font-semibold text-slate-600 dark:text-slate-300" style={{ fontSize: pageLine * 0.8, lineHeight: `${pageLine}px` }} data-testid="projector-page">
              {words.page(first + 1, first + shown.length, order.length)}
            </p>
          )}
          <BoardGrid store={store} numbers={shown} columns={{ count: fit.columns, cell: fit.cell }} className="content-start justify-center" />
        </>
      )}
    </div>
  );
});
