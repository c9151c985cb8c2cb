// Every simul this server runs, by id and by join code. Finished simuls are loaded
// from the store on demand so their review works after a restart.
import type { CreateSimulInput } from '../lib/protocol/schemas';
import type { SimulEvent } from '../lib/simul/types';
import { hashSecret, newJoinCode, newSecret, newSimulId } from './credentials';
import { SimulRoom, type Broadcast } from './simul-room';
import { CommitQueue } from './commit-queue';
import type { EventStore, SimulCredentials } from './store/event-store';

export class SimulHub {
  private rooms = new Map<string, SimulRoom>();
  private codes = new Map<string, string>();
  private commits: CommitQueue;

  constructor(
    private store: EventStore,
    private now: () => number,
    private broadcast: Broadcast,
  ) {
    this.commits = new CommitQueue(store);
  }

  /** Serves again every simul that had not finished when the server stopped. */
  loadUnfinished(): number {
    let loaded = 0;
    for (const id of this.store.unfinishedSimulIds()) {
      // One log that no longer replays must not keep the server, and every other simul, down.
      try {
        this.get(id);
        loaded++;
      } catch (err) {
        console.error(`simul ${id} could not be restored:`, (err as Error).message);
      }
    }
    return loaded;
  }

  /** A new simul; its title was cleaned by cleanTitle (display-text.ts) first. */
  create(input: CreateSimulInput): { simulId: string; hostKey: string; joinCode: string } {
    let simulId = newSimulId();
    while (this.get(simulId)) simulId = newSimulId();
    let joinCode = newJoinCode();
    while (this.codes.has(joinCode)) joinCode = newJoinCode();
    const hostKey = newSecret();
    const created: SimulEvent = {
      seq: 1,
      at: this.now(),
      type: 'simul-created',
      simulId,
      title: input.title,
      boardCount: input.boards,
      hostColor: input.hostColor,
      mode: input.mode,
      joinCode,
    };
    const hostKeyHash = hashSecret(hostKey);
    this.store.createSimul(simulId, hostKeyHash, created);
    this.add(this.room(simulId, [created], { hostKeyHash, seatTokenHashes: new Map() }));
    return { simulId, hostKey, joinCode };
  }

  get(simulId: string): SimulRoom | null {
    const room = this.rooms.get(simulId);
    if (room) return room;
    const loaded = this.store.load(simulId);
    if (!loaded) return null;
    return this.add(this.room(simulId, loaded.events, loaded.credentials));
  }

  private room(simulId: string, log: SimulEvent[], credentials: SimulCredentials): SimulRoom {
    // A room whose commit failed is dropped: the next request loads it again from the store.
    const onLost = (room: SimulRoom) => {
      if (this.rooms.get(simulId) === room) this.rooms.delete(simulId);
    };
    return new SimulRoom(simulId, log, credentials, this.commits, this.now, this.onEvents, onLost);
  }

  /**
   * Ends, as unfinished, every simul with no event for `idleMs`: a lobby nobody started or a
   * game everyone left. They stop holding memory and a join code, and become reviewable.
   */
  async endIdle(idleMs: number): Promise<number> {
    const cutoff = this.now() - idleMs;
    const idle = [...this.rooms.values()].filter(
      (room) => room.state.phase !== 'finished' && room.log[room.log.length - 1].at < cutoff,
    );
    const ended = await Promise.all(idle.map((room) => room.dispatch({ role: 'host' }, { type: 'end-simul' })));
    return ended.filter((r) => r.ok).length;
  }

  /** The simul a join code names, while it is open or running. */
  resolveCode(code: string): string | null {
    return this.codes.get(code) ?? null;
  }

  get size(): number {
    return this.rooms.size;
  }

  private add(room: SimulRoom): SimulRoom {
    this.rooms.set(room.id, room);
    if (room.state.phase !== 'finished') this.codes.set(room.state.joinCode, room.id);
    return room;
  }

  private onEvents: Broadcast = (room, events, boards) => {
    if (events.some((e) => e.type === 'simul-finished')) this.codes.delete(room.state.joinCode);
    this.broadcast(room, events, boards);
  };
}
