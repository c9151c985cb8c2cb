// The room's eye on who is there (lib/simul/presence.ts): it knows each seat's sessions (the
// connections whose current credential is that seat) and records a change in the log as the
// room's own command. A seat whose last session closed (or stopped answering: the transport
// closes it) is reported away only once it has had none for AWAY_AFTER_MS, on the room's clock,
// as away since the moment it lost the last one: a phone that flaps within that time is never
// reported, and one that flaps slower is reported at most once per AWAY_AFTER_MS. A session back
// is reported at once.
import { AWAY_AFTER_MS, followsPresence } from '../../lib/simul/presence';
import type { Actor, Command, SimulState } from '../../lib/simul/types';
import type { Clock } from './simul-time';

/** What the watch needs of its room. */
interface PresencePort {
  readonly state: SimulState;
  readonly clock: Clock;
  /** How many sessions hold board `board`'s seat now. */
  sessionsAt(board: number): number;
  dispatch(actor: Actor, command: Command): Promise<unknown>;
}

const ROOM: Actor = { role: 'server' };

export class PresenceWatch {
  /** Each seat without a session: since when, and the timer that reports it away. */
  private gone = new Map<number, { since: number; cancel: () => void }>();
  private stopped = false;

  constructor(private port: PresencePort) {}

  /** Every seat looked at again: the room starts (after a restart nobody is connected yet). */
  checkAll(): void {
    for (const n of this.port.state.boards.keys()) this.check(n);
  }

  /** Board `n`'s seat looked at again: its sessions or its seat changed. */
  check(n: number): void {
    if (this.stopped) return;
    const { state } = this.port;
    const board = state.boards.get(n);
    if (!board || !followsPresence(board) || state.phase === 'finished') return this.forget(n);
    if (this.port.sessionsAt(n) > 0) {
      this.forget(n);
      if (board.awaySince !== null) void this.port.dispatch(ROOM, { type: 'mark-back', board: n });
      return;
    }
    if (board.awaySince !== null || this.gone.has(n)) return;
    const since = this.port.clock.now();
    const cancel = this.port.clock.at(since + AWAY_AFTER_MS, () => {
      this.gone.delete(n);
      const now = this.port.state.boards.get(n);
      if (this.stopped || !now || !followsPresence(now) || now.awaySince !== null || this.port.sessionsAt(n) > 0) return;
      void this.port.dispatch(ROOM, { type: 'mark-away', board: n, since });
    });
    this.gone.set(n, { since, cancel });
  }

  private forget(n: number): void {
    this.gone.get(n)?.cancel();
    this.gone.delete(n);
  }

  stop(): void {
    this.stopped = true;
    for (const n of [...this.gone.keys()]) this.forget(n);
  }
}
