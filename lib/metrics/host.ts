// The host as the event loop: busy whenever the ready queue is non-empty, idle otherwise
// (METRICS "Per instant"), like performance.eventLoopUtilization().
import type { BusyClock } from './ready-queue';

export interface HostUsage {
  start: number;
  end: number;
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
}

/** `clock` runs from `start` to `end`; `lastHostMove` is the host's last move, or `start`. */
export function hostUsage(start: number, end: number, clock: BusyClock, lastHostMove: number): HostUsage {
  const elapsed = end - start;
  return {
    start,
    end,
    elapsed,
    busy: clock.total,
    idle: elapsed - clock.total,
    utilization: elapsed > 0 ? clock.total / elapsed : 0,
    busyAfterLastMove: clock.total - clock.until(lastHostMove),
  };
}
