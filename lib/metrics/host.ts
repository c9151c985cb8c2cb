// The host as the event loop: busy whenever the ready queue is non-empty, idle otherwise
// (METRICS "Per instant"), like performance.eventLoopUtilization().
import type { BusyClock } from './ready-queue';

export interface HostUsage {
  start: number;
  end: number;
  /** end - start, less the time the class was paused: charged to no one. */
  elapsed: number;
  busy: number;
  idle: number;
  /** busy / (busy + idle); 0 before any time has passed. */
  utilization: number;
  /**
   * Busy time after the host's last move: waits that ended by a resignation, a draw or an
   * abort, or are still open. The host think times of all moves sum to busy minus this.
   */
  busyAfterLastMove: number;
  /** The time the class was paused between start and end. */
  paused: number;
}

/**
 * `clock` runs from `start` to `end`; `lastHostMove` is the host's last move, or `start`;
 * `paused`: the pauses' total in between (the ready queue is empty while paused, so none is busy).
 */
export function hostUsage(start: number, end: number, clock: BusyClock, lastHostMove: number, paused = 0): HostUsage {
  const elapsed = end - start - paused;
  return {
    start,
    end,
    elapsed,
    busy: clock.total,
    idle: elapsed - clock.total,
    utilization: elapsed > 0 ? clock.total / elapsed : 0,
    busyAfterLastMove: clock.total - clock.until(lastHostMove),
    paused,
  };
}
