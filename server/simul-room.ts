// One simul on the server: its folded state, its log and its credentials.
// dispatch() is synchronous from decide to broadcast, so commands on one simul are
// handled strictly one after another (a serial queue by construction: nothing awaits in between).
import { decide } from '../lib/simul/decide';
import { evolve, replay } from '../lib/simul/evolve';
import type { Actor, Command, Rejection, SimulEvent, SimulState } from '../lib/simul/types';
import { hashSecret, newSecret, secretMatches } from './credentials';
import type { EventStore, SeatCredentialChange, SimulCredentials } from './store/event-store';

export type DispatchResult =
  | { ok: true; events: SimulEvent[]; seatToken?: string }
  | { ok: false; error: Rejection };

export type Broadcast = (simulId: string, events: SimulEvent[]) => void;

export class SimulRoom {
  readonly state: SimulState;

  constructor(
    readonly id: string,
    readonly log: SimulEvent[],
    private credentials: SimulCredentials,
    private store: EventStore,
    private now: () => number,
    private broadcast: Broadcast,
  ) {
    this.state = replay(log);
  }

  /** The role a credential grants, or null when it grants none. */
  authenticate(hostKey?: string, seatToken?: string): Actor | null {
    if (hostKey) return secretMatches(hostKey, this.credentials.hostKeyHash) ? { role: 'host' } : null;
    if (seatToken) {
      for (const [board, hash] of this.credentials.seatTokenHashes) {
        if (secretMatches(seatToken, hash)) return { role: 'opponent', board };
      }
      return null;
    }
    return { role: 'spectator' };
  }

  /** The events after `seq`, or null when the caller's seq does not belong to this log. */
  eventsAfter(seq: number): SimulEvent[] | null {
    if (seq > this.state.seq) return null;
    return this.log.slice(seq);
  }

  dispatch(actor: Actor, command: Command): DispatchResult {
    const decision = decide(this.state, actor, command);
    if (!decision.ok) return decision;
    if (decision.events.length === 0) return { ok: true, events: [] };

    const at = this.now();
    const first = this.state.seq + 1;
    const events = decision.events.map((body, i): SimulEvent => ({ seq: first + i, at, ...body }));

    // A seat's secret changes together with the event that changes the seat.
    let seatToken: string | undefined;
    let seat: SeatCredentialChange | undefined;
    for (const e of events) {
      if (e.type === 'seat-taken' || e.type === 'seat-reissued') {
        seatToken = newSecret();
        seat = { board: e.board, tokenHash: hashSecret(seatToken) };
      } else if (e.type === 'seat-freed') {
        seat = { board: e.board, tokenHash: null };
      }
    }

    try {
      this.store.append(this.id, events, seat);
    } catch (err) {
      console.error(`store append failed for simul ${this.id}:`, (err as Error).message);
      return { ok: false, error: { code: 'internal', message: 'The move could not be saved; try again.' } };
    }
    if (seat) {
      if (seat.tokenHash === null) this.credentials.seatTokenHashes.delete(seat.board);
      else this.credentials.seatTokenHashes.set(seat.board, seat.tokenHash);
    }
    for (const e of events) {
      evolve(this.state, e);
      this.log.push(e);
    }
    this.broadcast(this.id, events);
    return seatToken ? { ok: true, events, seatToken } : { ok: true, events };
  }
}
