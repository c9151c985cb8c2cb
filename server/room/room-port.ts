// What a room's companions (its bots, bot-runner.ts, and an exhibition's run, exhibition-run.ts)
// see of it: its id, its folded state, its log, its clock, whether every event is durable, and
// dispatch, through which they act as any person does. Not the room's sessions, credentials or
// timers: the room (simul-room.ts) is the one place that owns those.
import type { BotSeed } from '../../lib/bots/spec';
import type { Actor, Command, Rejection, SimulEvent, SimulState } from '../../lib/simul/types';
import type { Clock } from './simul-time';

/** Where a command comes from, beyond its actor: what only the server knows of it. */
export interface DispatchContext {
  /** The network a join comes from: kept (hashed, never broadcast) so that the host can block it. */
  network?: string;
  /** The seed of a bot this command seats (an exhibition replays its own); a new secret one without. */
  botSeed?: BotSeed;
}

export type DispatchResult =
  | { ok: true; events: SimulEvent[]; seatToken?: string }
  | { ok: false; error: Rejection };

export interface RoomPort {
  readonly id: string;
  readonly state: SimulState;
  readonly log: readonly SimulEvent[];
  /** The simul's time, and timers on it (an exhibition's is simulated). */
  readonly clock: Clock;
  /** Whether every event is durable and broadcast: no commit is pending. */
  readonly settled: boolean;
  /** Decides and folds a command as `actor`, as the room does for a person's. */
  dispatch(actor: Actor, command: Command, context?: DispatchContext): Promise<DispatchResult>;
}
