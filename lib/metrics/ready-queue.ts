// The ready queue's length over time, a step function kept together with the host's busy
// time (METRICS "Per instant": busy whenever the queue is non-empty) up to each step, so
// that the busy part of any stretch is a difference of two reads. Grows event by event.

/** One point of a step function: `length` holds from `at` until the next point. */
export interface ReadyPoint {
  at: number;
  length: number;
}

/** Busy time as a running total, so any stretch's busy part is a difference of two reads. */
export interface BusyClock {
  total: number;
  /** Busy time between the simul's start and `t`. */
  until(t: number): number;
}

export class ReadyQueue {
  private readonly points: ReadyPoint[] = [];
  /** Busy time from the first point to each point. */
  private readonly busyBefore: number[] = [];

  /**
   * The length from `at` on. Several changes at one instant keep only the instant's final
   * length, and only when it differs from the length before.
   */
  record(at: number, length: number): void {
    if (this.points.at(-1)?.at === at) {
      this.points.pop();
      this.busyBefore.pop();
    }
    const last = this.points.at(-1);
    if (last?.length === length) return;
    this.busyBefore.push(last ? this.busyBefore.at(-1)! + (last.length > 0 ? at - last.at : 0) : 0);
    this.points.push({ at, length });
  }

  /** The points so far, and the last length carried on to `end`: a copy. */
  readUntil(end: number): ReadyPoint[] {
    const last = this.points.at(-1);
    return last && last.at < end ? [...this.points, { at: end, length: last.length }] : [...this.points];
  }

  /**
   * The busy clock of `readUntil(end)`, without copying: the last length holds until `end`.
   * Log time for `until`: moves are read in time order, but the queued spans of a sync
   * simul are not.
   */
  clock(end: number): BusyClock {
    const { points, busyBefore } = this;
    const last = points.length - 1;
    const busyAt = (t: number): number => {
      if (last < 0 || t <= points[0].at) return 0;
      if (t >= points[last].at) {
        const p = points[last];
        return busyBefore[last] + (p.length > 0 && p.at < end ? Math.min(t, end) - p.at : 0);
      }
      // The last point at or before t, by binary search.
      let lo = 0;
      let hi = last;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (points[mid].at <= t) lo = mid;
        else hi = mid;
      }
      return busyBefore[lo] + (points[lo].length > 0 ? t - points[lo].at : 0);
    };
    return { total: last < 0 ? 0 : busyAt(Math.max(end, points[last].at)), until: busyAt };
  }
}
