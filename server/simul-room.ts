// One simul on the server: its folded state, its log and its credentials.
// dispatch() decides and folds synchronously, so commands on one simul are handled strictly
// one after another (a serial queue by construction: nothing awaits between decide and
// evolve). Acknowledgement and broadcast wait for the group commit (commit-queue.ts).
import { decide } from '../lib/simul/decide';
import { evolve, replay } from '../lib/simul/evolve';
import { toSnapshot, type SimulSnapshot } from '../lib/simul/snapshot';
import type { Actor, Command, Rejection, SimulEvent, SimulState } from '../lib/simul/types';
import type { CommitQueue } from './commit-queue';
import { hashSecret, newSecret, secretMatches } from './credentials';
import type { SeatCredentialChange, SimulCredentials } from './store/event-store';

export type DispatchResult =
  | { ok: true; events: SimulEvent[]; seatToken?: string }
  | { ok: false; error: Rejection };

export type Broadcast = (simulId: string, events: SimulEvent[]) => void;

const NOT_SAVED: DispatchResult = {
  ok: false,
  error: { code: 'internal', message: 'The move could not be saved; try again.' },
};

export class SimulRoom {
  readonly state: SimulState;
  /** Seq of the last durable event: only these are served to clients. */
  private committedSeq: number;

  constructor(
    readonly id: string,
    readonly log: SimulEvent[],
    private credentials: SimulCredentials,
    private commits: CommitQueue,
    private now: () => number,
    private broadcast: Broadcast,
    /** Called when a commit failed: the folded state is ahead of the store and must be dropped. */
    private onLost: (room: SimulRoom) => void,
  ) {
    this.state = replay(log);
    this.committedSeq = this.state.seq;
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

  /** The durable events after `seq`, or null when the caller's seq does not belong to this log. */
  eventsAfter(seq: number): SimulEvent[] | null {
    if (seq > this.committedSeq) return null;
    return this.log.slice(seq, this.committedSeq);
  }

  /** The durable state as plain data, or null while some events still wait for their commit. */
  snapshot(): SimulSnapshot | null {
    return this.committedSeq === this.state.seq ? toSnapshot(this.state) : null;
  }

  dispatch(actor: Actor, command: Command): Promise<DispatchResult> {
    const decision = decide(this.state, actor, command);
    if (!decision.ok) return Promise.resolve(decision);
    // Nothing new (a resent move): acknowledged once what it repeats is durable.
    if (decision.events.length === 0) return this.afterCommit([], undefined, undefined);

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
    if (seat) {
      if (seat.tokenHash === null) this.credentials.seatTokenHashes.delete(seat.board);
      else this.credentials.seatTokenHashes.set(seat.board, seat.tokenHash);
    }
    for (const e of events) {
      evolve(this.state, e);
      this.log.push(e);
    }

    return this.afterCommit(events, seat, seatToken);
  }

  /** Commits the events (in this turn's batch), then broadcasts and acknowledges them. */
  private afterCommit(events: SimulEvent[], seat?: SeatCredentialChange, seatToken?: string): Promise<DispatchResult> {
    const done: DispatchResult = seatToken ? { ok: true, events, seatToken } : { ok: true, events };
    if (events.length === 0 && this.committedSeq === this.state.seq) return Promise.resolve(done);
    const upTo = this.state.seq;
    return new Promise((resolve) => {
      this.commits.add({ simulId: this.id, events, seat }, (committed) => {
        if (!committed) {
          this.onLost(this);
          return resolve(NOT_SAVED);
        }
        this.committedSeq = Math.max(this.committedSeq, upTo);
        if (events.length > 0) this.broadcast(this.id, events);
        resolve(done);
      });
    });
  }
}
