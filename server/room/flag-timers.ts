// A simul with clocks keeps one timer per running clock: its flag falls on the server's time
// (the room's clock), as a command like any other, without waiting for a move.
import { flagTime } from '../../lib/simul/clocks';
import type { SimulState } from '../../lib/simul/types';
import type { Clock } from './simul-time';

export class FlagTimers {
  /** The flag timer of each board whose clock runs: when the flag falls, and the timer's cancel. */
  private flags = new Map<number, { at: number; cancel: () => void }>();

  constructor(
    private readonly clock: Clock,
    /** The flag of board `board` falls now (the room dispatches the server's time-out). */
    private readonly onFlag: (board: number) => void,
  ) {}

  /** Whether some game's clock runs: the room's timers must stay, so it must stay in memory. */
  get running(): boolean {
    return this.flags.size > 0;
  }

  /** (Re)arms the flag timer of each of `boards` for its running clock in `state`, or cancels it. */
  arm(state: SimulState, boards: Iterable<number>): void {
    for (const n of boards) {
      const clock = state.boards.get(n)?.clock;
      const at = clock ? flagTime(clock) : null;
      const armed = this.flags.get(n);
      if (armed?.at === at) continue;
      armed?.cancel();
      if (at === null) {
        this.flags.delete(n);
        continue;
      }
      const cancel = this.clock.at(at, () => {
        this.flags.delete(n);
        this.onFlag(n);
      });
      this.flags.set(n, { at, cancel });
    }
  }

  cancel(): void {
    for (const { cancel } of this.flags.values()) cancel();
    this.flags.clear();
  }
}
