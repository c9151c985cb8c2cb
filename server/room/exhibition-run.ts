// An exhibition's simulated time. Its room runs on a ManualClock of its own, which an
// ExhibitionRun moves from one timer to the next (the bots' think times), paced at the
// exhibition's speed: 600x reaches a timer 55 simulated seconds away after 92 ms of real time;
// 'max' goes on at the next turns of the event loop (setImmediate), so sockets and other simuls
// are served between two steps and nothing spins. Before each step every event is durable, the
// bots have answered it, and the event loop has had a turn (its I/O) with the room settled: a
// step never runs ahead of the store, and a hello is never refused for a commit in flight.
import type { ManualClock } from './simul-time';
import type { RoomPort } from './room-port';
import type { ExhibitionSpeed } from '../../lib/simul/types';

/** Real time the run may find nothing to do (no timer, every event durable) before it ends the simul. */
const STALL_MS = 5_000;

/** Real time an exhibition may run with nobody watching either of its simuls before the server ends it. */
export const UNWATCHED_MS = 60_000;

/**
 * The share of one core that every exhibition of a server together may take (ServerLimits'
 * exhibitionCpuShare): the bots' moves of every run draw on one budget of milliseconds, refilled
 * at that rate, so however many run (and at 'max'), the real simuls keep the rest of the thread.
 * A run that finds the budget spent waits. A share of 1 never waits.
 */
export class ExhibitionPacer {
  private credit = 0;
  private last = performance.now();
  /** Credit kept at most: a burst of this many ms of steps after a quiet while. */
  private static readonly MAX_CREDIT_MS = 50;

  constructor(private share = 1) {}

  /** Milliseconds until a step may run (0: now). */
  waitMs(): number {
    if (this.share >= 1) return 0;
    this.refill();
    return this.credit >= 0 ? 0 : Math.ceil(-this.credit / this.share);
  }

  charge(ms: number): void {
    this.refill();
    this.credit -= ms;
  }

  private refill(): void {
    const now = performance.now();
    this.credit = Math.min(ExhibitionPacer.MAX_CREDIT_MS, this.credit + (now - this.last) * this.share);
    this.last = now;
  }
}


export class ExhibitionRun {
  private wallStart = 0;
  private simStart = 0;
  private pending: NodeJS.Timeout | NodeJS.Immediate | null = null;
  private stalledSince: number | null = null;
  /** Whether the room was settled at the last step: the next may advance. */
  private quiet = false;
  private stopped = false;
  /** Since when (real time) nobody watches the exhibition, or null while someone does. */
  private unwatchedSince: number | null = null;
  private watchTimer: NodeJS.Timeout | null = null;

  constructor(
    private room: RoomPort,
    private clock: ManualClock,
    private speed: ExhibitionSpeed,
    /** Called once, when the simul has finished (or the run was stopped). */
    private onEnd: (room: RoomPort) => void,
    /** Real time, in ms. */
    private wallNow: () => number = () => performance.now(),
    /** Whether anyone watches the exhibition (either of its simuls): unwatched, it ends. */
    private watched: () => boolean = () => true,
    /** The server's budget for every exhibition's work. */
    private pacer: ExhibitionPacer = new ExhibitionPacer(),
  ) {}

  start(): void {
    this.wallStart = this.wallNow();
    this.simStart = this.clock.now();
    this.soon();
    this.watchTimer = setInterval(() => this.checkWatched(), 5_000);
    this.watchTimer.unref();
  }

  /** Nobody has watched for UNWATCHED_MS: the server ends the simul, saying why. */
  checkWatched(): void {
    if (this.stopped) return;
    if (this.watched()) {
      this.unwatchedSince = null;
      return;
    }
    const now = this.wallNow();
    this.unwatchedSince ??= now;
    if (now - this.unwatchedSince < UNWATCHED_MS) return;
    this.end('unwatched');
  }

  /** Ends the simul as the server, then stops. */
  end(ending: 'unwatched' | 'stalled'): void {
    if (this.stopped) return;
    this.clear();
    void this.room.dispatch({ role: 'server' }, { type: 'end-simul', ending }).then(() => this.stop());
  }

  /** Stops advancing (the server closes); the simul stays as it is, to go on after a restart. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.clear();
    this.onEnd(this.room);
  }

  private clear(): void {
    if (this.watchTimer) clearInterval(this.watchTimer);
    this.watchTimer = null;
    if (this.pending) {
      clearTimeout(this.pending as NodeJS.Timeout);
      clearImmediate(this.pending as NodeJS.Immediate);
    }
    this.pending = null;
  }

  private soon(): void {
    this.pending = setImmediate(this.step);
  }

  private step = (): void => {
    this.pending = null;
    if (this.stopped) return;
    if (this.room.state.phase === 'finished') return this.stop();
    // Commits and the bots' answers to them first: they set the next timers.
    if (!this.room.settled) {
      this.quiet = false;
      return this.soon();
    }
    // Then one turn of the event loop with every event durable: a hello (which needs the room
    // settled for its snapshot) is answered between two steps, even as fast as it goes.
    if (!this.quiet) {
      this.quiet = true;
      return this.soon();
    }
    this.quiet = false;
    // Every exhibition shares a part of the thread (see ExhibitionPacer): wait for it.
    const wait = this.pacer.waitMs();
    if (wait > 0) {
      this.pending = setTimeout(this.step, wait);
      return;
    }
    const next = this.clock.nextTimer();
    if (next === undefined) return this.stalled();
    this.stalledSince = null;
    if (this.speed !== 'max') {
      const simNow = this.simStart + (this.wallNow() - this.wallStart) * this.speed;
      if (next > simNow) {
        // Real time catches up with the timer; the clock moves only in whole steps.
        this.pending = setTimeout(this.step, Math.ceil((next - simNow) / this.speed));
        return;
      }
    }
    // Charged in CPU time, not wall time: on a busy machine a step's wall time counts other work too.
    const began = process.cpuUsage();
    this.clock.advanceTo(next);
    const used = process.cpuUsage(began);
    this.pacer.charge((used.user + used.system) / 1000);
    this.soon();
  };

  /** Nothing scheduled and nothing saving: the bots cannot go on. After a while the simul ends, unfinished. */
  private stalled(): void {
    const now = this.wallNow();
    this.stalledSince ??= now;
    if (now - this.stalledSince < STALL_MS) {
      this.pending = setTimeout(this.step, 100);
      return;
    }
    console.error(`exhibition ${this.room.id} stalled: no bot has a move to make; ending it`);
    this.end('stalled');
  }
}
