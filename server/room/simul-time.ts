// The time a simul runs on, and timers on that time. Rooms read time only through a Clock, so
// a test (ManualClock) or a simulated run decides when things happen, not the wall clock.

export interface Clock {
  /** Milliseconds since the epoch, on this clock. */
  now(): number;
  /** Runs `task` once this clock reaches `time` (soon, when it already has). Returns a cancel. */
  at(time: number, task: () => void): () => void;
}

/** setTimeout's longest delay; a longer wait is taken in steps. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/** Real time: `now` (Date.now, or what a test gives) with Node's timers. */
export function realClock(now: () => number = Date.now): Clock {
  return {
    now,
    at(time, task) {
      let timer: NodeJS.Timeout;
      const arm = () => {
        const wait = time - now();
        // Woken early (a long wait taken in steps, or a `now` that did not move): wait again.
        if (wait > 0) timer = setTimeout(arm, Math.min(wait, MAX_DELAY_MS)).unref();
        else task();
      };
      timer = setTimeout(arm, Math.min(Math.max(0, time - now()), MAX_DELAY_MS)).unref();
      return () => clearTimeout(timer);
    },
  };
}

interface Timer {
  time: number;
  order: number;
  task: () => void;
}

/**
 * A clock that moves only when told: tests that need exact durations, and runs whose time is
 * simulated (advanced from one timer to the next). Timers run in time order, each with now()
 * at its own time.
 */
export class ManualClock implements Clock {
  private timers: Timer[] = [];
  private made = 0;

  constructor(private t: number) {}

  now = (): number => this.t;

  at(time: number, task: () => void): () => void {
    const timer = { time, order: this.made++, task };
    this.timers.push(timer);
    return () => {
      const i = this.timers.indexOf(timer);
      if (i >= 0) this.timers.splice(i, 1);
    };
  }

  /** The time of the next timer, if any. */
  nextTimer(): number | undefined {
    return this.earliest()?.time;
  }

  /** Moves the clock `ms` forward, running every timer that falls due on the way. */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new Error('advance needs a non-negative number of ms');
    return this.advanceTo(this.t + ms);
  }

  /** Moves the clock to `time` (never back), running due timers in order. */
  advanceTo(time: number): number {
    const until = Math.max(this.t, time);
    for (let next = this.earliest(); next && next.time <= until; next = this.earliest()) {
      this.timers.splice(this.timers.indexOf(next), 1);
      this.t = Math.max(this.t, next.time);
      next.task();
    }
    this.t = until;
    return this.t;
  }

  private earliest(): Timer | undefined {
    let best: Timer | undefined;
    for (const timer of this.timers) {
      if (!best || timer.time < best.time || (timer.time === best.time && timer.order < best.order)) best = timer;
    }
    return best;
  }
}
