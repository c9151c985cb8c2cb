// The in-memory event store: for tests and for runs that need no durability.
import type { SimulEvent } from '../../lib/simul/types';
import type { EventStore, LoadedSimul, SeatCredentialChange } from './event-store';

export class MemoryEventStore implements EventStore {
  private simuls = new Map<string, LoadedSimul & { finished: boolean }>();

  createSimul(simulId: string, hostKeyHash: string, created: SimulEvent): void {
    if (this.simuls.has(simulId)) throw new Error(`simul ${simulId} exists`);
    this.simuls.set(simulId, {
      events: [created],
      credentials: { hostKeyHash, seatTokenHashes: new Map() },
      finished: false,
    });
  }

  append(simulId: string, events: readonly SimulEvent[], seat?: SeatCredentialChange): void {
    const simul = this.simuls.get(simulId);
    if (!simul) throw new Error(`unknown simul ${simulId}`);
    let expected = simul.events.length + 1;
    for (const e of events) {
      if (e.seq !== expected++) throw new Error(`event seq ${e.seq} out of order in ${simulId}`);
    }
    for (const e of events) {
      simul.events.push(e);
      if (e.type === 'simul-finished') simul.finished = true;
    }
    if (seat) {
      if (seat.tokenHash === null) simul.credentials.seatTokenHashes.delete(seat.board);
      else simul.credentials.seatTokenHashes.set(seat.board, seat.tokenHash);
    }
  }

  load(simulId: string): LoadedSimul | null {
    const simul = this.simuls.get(simulId);
    if (!simul) return null;
    return {
      events: [...simul.events],
      credentials: {
        hostKeyHash: simul.credentials.hostKeyHash,
        seatTokenHashes: new Map(simul.credentials.seatTokenHashes),
      },
    };
  }

  unfinishedSimulIds(): string[] {
    return [...this.simuls].filter(([, s]) => !s.finished).map(([id]) => id);
  }

  close(): void {
    this.simuls.clear();
  }
}
