// An exhibition's simulated time. Its room runs on a ManualClock of its own, which an
// ExhibitionRun moves from one timer to the next (the bots' think times), paced at the
// exhibition's speed: 600x reaches a timer 55 simulated seconds away after 92 ms of real time;
// 'max' goes on at the next turns of the event loop (setImmediate), so sockets and other simuls
// are served between two steps and nothing spins. Before each step every event is durable, the
// bots have answered it, and the event loop has had a turn (its I/O) with the room settled: a
// step never runs ahead of the store, and a hello is never refused for a commit in flight.
import type { ManualClock } from './clock';
import type { SimulRoom } from './simul-room';
import type { ExhibitionSpeed } from '../lib/simul/types';

/** Real time the run may find nothing to do (no timer, every event durable) before it ends the simul. */
export const STALL_MS = 5_000;

export class ExhibitionRun {
  private wallStart = 0;
  private simStart = 0;
  private pending: NodeJS.Timeout | NodeJS.Immediate | null = null;
  private stalledSince: number | null = null;
  /** Whether the room was settled at the last step: the next may advance. */
  private quiet = false;
  private stopped = false;

  constructor(
    private room: SimulRoom,
    private clock: ManualClock,
    private speed: ExhibitionSpeed,
    /** Called once, when the simul has finished (or the run was stopped). */
    private onEnd: (room: SimulRoom) => void,
    /** Real time, in ms. */
    private wallNow: () => number = () => performance.now(),
  ) {}

  start(): void {
    this.wallStart = this.wallNow();
    this.simStart = this.clock.now();
    this.soon();
  }

  /** Stops advancing (the server closes); the simul stays as it is, to go on after a restart. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.clear();
    this.onEnd(this.room);
  }

  private clear(): void {
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
    this.clock.advanceTo(next);
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
    void this.room.dispatch({ role: 'host' }, { type: 'end-simul' }).then(() => this.stop());
  }
}
