// The one colour language: a board's state, its icon and its colours, for every view (its word:
// the words table's boardLooks).
import type { ReactNode } from 'react';
import { lookOf, type BoardLook } from '@/lib/simul/board-look';
import type { BoardState, SimulState } from '@/lib/simul/types';
import { ICONS } from './icons';

export type { BoardLook };

export function boardLook(state: SimulState, board: BoardState): BoardLook {
  return lookOf(state, board);
}

export const LOOKS: Record<BoardLook, { icon: ReactNode; frame: string; chip: string }> = {
  'seat-open': { icon: ICONS.circle, frame: 'border-dashed border-slate-300 dark:border-slate-600', chip: 'bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300' },
  seated: { icon: ICONS.dot, frame: 'border-slate-400', chip: 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100' },
  'host-thinking': { icon: ICONS.play, frame: 'border-host ring-2 ring-host', chip: 'bg-host text-white' },
  'awaiting-host': { icon: ICONS.diamond, frame: 'border-ready ring-2 ring-ready pulse-ready', chip: 'bg-ready text-slate-950' },
  'opponent-thinking': { icon: ICONS.ellipsis, frame: 'border-waiting', chip: 'bg-waiting text-white' },
  queued: { icon: ICONS.hourglass, frame: 'border-queued queued-stripes', chip: 'bg-queued text-slate-800 queued-stripes' },
  paused: { icon: ICONS.pause, frame: 'border-paused ring-2 ring-paused', chip: 'bg-paused text-slate-950' },
  // White on --color-win is 3.3:1, too faint for a chip's small type: its chip is a darker green (5:1).
  win: { icon: '1', frame: 'border-win', chip: 'bg-green-700 text-white' },
  draw: { icon: '½', frame: 'border-draw', chip: 'bg-draw text-slate-950' },
  loss: { icon: '0', frame: 'border-loss', chip: 'bg-loss text-white' },
  unfinished: { icon: ICONS.cross, frame: 'border-slate-300 opacity-70', chip: 'bg-slate-300 text-slate-800' },
};
