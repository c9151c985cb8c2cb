'use client';
// A board's two clocks side by side, the running one lit: the student's phone, the host's
// focused board, the projector's followed board. It selects its board's view only, and the
// running clock alone ticks.
import { memo } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { SimulView } from '@/lib/client/simul-connection';
import type { Side } from '@/lib/simul/types';
import { useWords } from './language';
import { ClockTime } from './ClockTime';

interface Props {
  store: StoreApi<SimulView>;
  number: number;
  /** Whose screen: that side's clock says "You" and comes second. */
  viewer?: Side | null;
  className?: string;
}

export const GameClocks = memo(function GameClocks({ store, number, viewer = null, className = '' }: Props) {
  const w = useWords();
  const view = useStore(store, (s) => s.boards.get(number));
  if (!view || view.hostClock === null || view.opponentClock === null) return null;
  const sides: Side[] = viewer === 'host' ? ['opponent', 'host'] : ['host', 'opponent'];
  const label = (side: Side) =>
    side === viewer ? w.clocks.you : side === 'host' ? w.clocks.host : view.name || w.clocks.opponent;
  return (
    <div className={`grid grid-cols-2 gap-2 ${className}`} data-testid={`clocks-${number}`}>
      {sides.map((side) => {
        const running = view.clockRunning === side;
        return (
          <div
            key={side}
            className={`flex items-baseline justify-between gap-2 rounded-lg border-2 px-3 py-1 ${
              running ? 'border-host bg-host/10' : 'border-slate-300 dark:border-slate-700'
            }`}
          >
            <span className="truncate text-sm">{label(side)}</span>
            <ClockTime
              store={store}
              left={side === 'host' ? view.hostClock! : view.opponentClock!}
              running={running}
              since={view.clockSince ?? 0}
              className="text-[1.5em]"
              testId={`clock-${side}-${number}`}
            />
          </div>
        );
      })}
    </div>
  );
});
