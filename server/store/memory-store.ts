// The in-memory event store: for tests and for runs that need no durability.
import type { SimulEvent } from '../../lib/simul/types';
import type { AppendEntry, EventStore, LoadedSimul, SeatCredentialChange, SecretChange } from './event-store';

export class MemoryEventStore implements EventStore {
  /** Map iteration order is insertion order, so simuls stay oldest first. */
  private simuls = new Map<string, LoadedSimul & { finishedAt: number | null }>();

  async createSimul(simulId: string, hostKeyHash: string, created: SimulEvent, secrets: readonly SecretChange[] = []): Promise<void> {
    if (this.simuls.has(simulId)) throw new Error(`simul ${simulId} exists`);
    if (created.seq !== 1) throw new Error(`first event of ${simulId} must have seq 1`);
    const simul = { events: [created], credentials: { hostKeyHash, seatTokenHashes: new Map(), secrets: new Map() }, finishedAt: null };
    changeSecrets(simul.credentials.secrets, secrets);
    this.simuls.set(simulId, simul);
  }

  append(simulId: string, events: readonly SimulEvent[], seat?: SeatCredentialChange): Promise<void> {
    return this.appendMany([{ simulId, events, seat }]);
  }

  async appendMany(entries: readonly AppendEntry[]): Promise<void> {
    // Check everything before changing anything, so a rejected batch writes nothing.
    const next = new Map<string, number>();
    for (const { simulId, events } of entries) {
      const simul = this.simuls.get(simulId);
      if (!simul) throw new Error(`unknown simul ${simulId}`);
      let expected = next.get(simulId) ?? simul.events.length + 1;
      for (const e of events) {
        if (e.seq !== expected++) throw new Error(`event seq ${e.seq} out of order in ${simulId}`);
      }
      next.set(simulId, expected);
    }
    for (const entry of entries) this.write(entry);
  }

  private write({ simulId, events, seat, secrets }: AppendEntry): void {
    const simul = this.simuls.get(simulId)!;
    for (const e of events) {
      simul.events.push(e);
      if (e.type === 'simul-finished') simul.finishedAt ??= e.at;
    }
    if (seat) {
      if (seat.tokenHash === null) simul.credentials.seatTokenHashes.delete(seat.board);
      else simul.credentials.seatTokenHashes.set(seat.board, seat.tokenHash);
    }
    if (secrets) changeSecrets(simul.credentials.secrets, secrets);
  }

  async load(simulId: string): Promise<LoadedSimul | null> {
    const simul = this.simuls.get(simulId);
    if (!simul) return null;
    return {
      events: [...simul.events],
      credentials: {
        hostKeyHash: simul.credentials.hostKeyHash,
        seatTokenHashes: new Map(simul.credentials.seatTokenHashes),
        secrets: new Map(simul.credentials.secrets),
      },
    };
  }

  async unfinishedSimulIds(): Promise<string[]> {
    return [...this.simuls].filter(([, s]) => s.finishedAt === null).map(([id]) => id);
  }

  async simulWithCode(joinCode: string): Promise<string | null> {
    for (const [id, s] of this.simuls) {
      const created = s.events[0];
      if (s.finishedAt === null && created.type === 'simul-created' && created.joinCode === joinCode) return id;
    }
    return null;
  }

  async pruneFinished(olderThanMs: number, now: number): Promise<number> {
    let pruned = 0;
    for (const [id, s] of this.simuls) {
      if (s.finishedAt !== null && s.finishedAt < now - olderThanMs) {
        this.simuls.delete(id);
        pruned++;
      }
    }
    return pruned;
  }

  async close(): Promise<void> {
    this.simuls.clear();
  }
}

function changeSecrets(secrets: Map<string, string>, changes: readonly SecretChange[]): void {
  for (const { name, value } of changes) {
    if (value === null) secrets.delete(name);
    else secrets.set(name, value);
  }
}
