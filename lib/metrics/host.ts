// The host as the event loop: busy whenever the ready queue is non-empty, idle otherwise
// (METRICS "Per instant"), like performance.eventLoopUtilization().
import type { ReadyPoint, SimulStates } from './states';

/** Busy time as a running total, so any stretch's busy part is a difference of two reads. */
export interface BusyClock {
  total: number;
  /** Busy time between the simul's start and `t`. */
  until(t: number): number;
}

export function busyClock(readyQueue: readonly ReadyPoint[]): BusyClock {
  const times = readyQueue.map((p) => p.at);
  const before: number[] = [0];
  for (let i = 1; i < readyQueue.length; i++) {
    const p = readyQueue[i - 1];
    before.push(before[i - 1] + (p.length > 0 ? times[i] - p.at : 0));
  }
  const last = times.length - 1;
  return {
    total: before[last] ?? 0,
    until(t) {
      if (last < 0 || t <= times[0]) return 0;
      if (t >= times[last]) return before[last];
      // The last point at or before t, by binary search: moves are read in time order,
      // but the queued spans of a sync simul are not.
      let lo = 0;
      let hi = last;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (times[mid] <= t) lo = mid;
        else hi = mid;
      }
      return before[lo] + (readyQueue[lo].length > 0 ? t - times[lo] : 0);
    },
  };
}

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

export function hostUsage(states: SimulStates, clock: BusyClock): HostUsage {
  const elapsed = states.end - states.start;
  let lastHostMove = states.start;
  for (const m of states.moves) if (m.by === 'host') lastHostMove = m.at;
  return {
    start: states.start,
    end: states.end,
    elapsed,
    busy: clock.total,
    idle: elapsed - clock.total,
    utilization: elapsed > 0 ? clock.total / elapsed : 0,
    busyAfterLastMove: clock.total - clock.until(lastHostMove),
  };
}
