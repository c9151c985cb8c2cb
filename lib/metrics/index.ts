// Everything the dashboard shows, from the event log alone (docs/METRICS.md). Pure and
// browser-safe: the server and the browser compute the same figures.
import type { Mode, SimulEvent } from '../simul/types';
import { boardRows, type BoardRow } from './boards';
import { busyClock, hostUsage, type HostUsage } from './host';
import { boardThinks, projection, type Projection } from './projection';
import { readStates, type ReadyPoint } from './states';
import { moveThinks, type MoveThink } from './thinks';
import { boardTimelines, type BoardTimeline } from './timeline';

export * from './boards';
export * from './format';
export * from './host';
export * from './lesson';
export * from './projection';
export * from './states';
export * from './thinks';
export * from './timeline';

/** The two totals shown side by side: the mode that was played, and the other projected. */
export interface Comparison {
  actual: { mode: Mode; total: number };
  projected: { mode: Mode; total: number };
  sync: number;
  async: number;
  /** sync / async; null while async is 0. */
  speedUp: number | null;
}

export interface SimulMetrics extends HostUsage {
  mode: Mode;
  running: boolean;
  endedEarly: boolean;
  /** Every move with its think time, in log order. */
  moves: MoveThink[];
  /** Table order. */
  boards: BoardRow[];
  /** Table order. */
  timeline: BoardTimeline[];
  readyQueue: ReadyPoint[];
  comparison: Comparison;
  /** Both modes replayed from the recorded think times (the projected side comes from here). */
  projection: Projection;
}

/**
 * All the dashboard's figures. `now` (ms, server time) measures a running simul up to
 * the present; a finished one ends at its last game's end. Null before the start.
 * Linear passes over the log, plus a log-time lookup per move.
 */
export function simulMetrics(events: readonly SimulEvent[], now?: number): SimulMetrics | null {
  const states = readStates(events, now);
  if (!states) return null;
  const clock = busyClock(states.readyQueue);
  const usage = hostUsage(states, clock);
  const moves = moveThinks(states, clock);
  const timeline = boardTimelines(states);
  const projected = projection(boardThinks(states, moves));
  const other: Mode = states.mode === 'async' ? 'sync' : 'async';
  const sync = states.mode === 'sync' ? usage.elapsed : projected.sync;
  const async = states.mode === 'async' ? usage.elapsed : projected.async;
  return {
    ...usage,
    mode: states.mode,
    running: states.running,
    endedEarly: states.endedEarly,
    moves,
    boards: boardRows(states, timeline, moves, clock),
    timeline,
    readyQueue: states.readyQueue,
    comparison: {
      actual: { mode: states.mode, total: usage.elapsed },
      projected: { mode: other, total: projected[other] },
      sync,
      async,
      speedUp: async > 0 ? sync / async : null,
    },
    projection: projected,
  };
}
