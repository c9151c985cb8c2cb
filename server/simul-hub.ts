// Every simul this server runs, by id and by join code. A room nobody has used for a while
// leaves memory (evictIdle); hub.get loads it again from the store, as after a restart.
import type { Clock } from './clock';
import type { CreateSimulInput } from '../lib/protocol/schemas';
import type { SimulEvent } from '../lib/simul/types';
import { hashSecret, newJoinCode, newSecret, newSimulId } from './credentials';
import { SimulRoom, type Broadcast } from './simul-room';
import { BotRunner } from './bot-runner';
import { CommitQueue } from './commit-queue';
import type { EventStore, SimulCredentials } from './store/event-store';

/** How long a room nobody listens to stays in memory after its last event. */
export interface EvictionRules {
  /** A simul that has not finished: it stays in the store, and its join code keeps working. */
  idleMs: number;
  /** A finished simul. */
  finishedMs: number;
}

export const DEFAULT_EVICTION: EvictionRules = { idleMs: 30 * 60_000, finishedMs: 5 * 60_000 };

export class SimulHub {
  private rooms = new Map<string, SimulRoom>();
  /** Each room's bots, while it is in memory (see bot-runner.ts). */
  private bots = new Map<SimulRoom, BotRunner>();
  /** Join code to simul id, for every unfinished simul, in memory or not. */
  private codes = new Map<string, string>();
  /** Unfinished simuls evicted from memory, with the time of their last event (for endIdle). */
  private evicted = new Map<string, number>();
  private commits: CommitQueue;

  constructor(
    private store: EventStore,
    private clock: Clock,
    private broadcast: Broadcast,
    /** Whether any socket listens to the room (its simul's or its seats' Socket.IO rooms). */
    private listened: (room: SimulRoom) => boolean = () => false,
  ) {
    this.commits = new CommitQueue(store);
  }

  /** Serves again every simul that had not finished when the server stopped. */
  loadUnfinished(): number {
    let loaded = 0;
    for (const id of this.store.unfinishedSimulIds()) {
      // One log that no longer replays must not keep the server, and every other simul, down.
      try {
        const room = this.get(id)!;
        // The clocks stood still while the server was down: the log says so, and the flags' timers follow.
        if (room.state.clock) void room.dispatch({ role: 'server' }, { type: 'resume-clocks', downSince: room.lastEventAt });
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
      at: this.clock.now(),
      type: 'simul-created',
      simulId,
      title: input.title,
      boardCount: input.boards,
      hostColor: input.hostColor,
      mode: input.mode,
      joinCode,
      ...(input.hostBot ? { hostBot: input.hostBot } : {}),
      ...(input.drawRules ? { drawRules: input.drawRules } : {}),
      ...(input.clock ? { clock: input.clock } : {}),
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
      this.stopBots(room);
    };
    return new SimulRoom(simulId, log, credentials, this.commits, this.clock, this.onEvents, onLost);
  }

  /**
   * Ends, as unfinished, every simul with no event for `idleMs`: a lobby nobody started or a
   * game everyone left. They stop holding a join code and become reviewable; evictIdle then
   * drops them from memory. Evicted simuls are loaded again to be ended.
   */
  async endIdle(idleMs: number): Promise<number> {
    const cutoff = this.clock.now() - idleMs;
    for (const [id, lastEventAt] of this.evicted) {
      if (lastEventAt < cutoff && !this.get(id)) this.evicted.delete(id);
    }
    const idle = [...this.rooms.values()].filter(
      (room) => room.state.phase !== 'finished' && room.lastEventAt < cutoff,
    );
    const ended = await Promise.all(idle.map((room) => room.dispatch({ role: 'host' }, { type: 'end-simul' })));
    return ended.filter((r) => r.ok).length;
  }

  /**
   * Drops from memory each room nobody listens to, with no commit pending and no event for the
   * rules' time. The next hub.get loads it again from the store. A lobby that remembers
   * networks (seatNetworks, blockedNetworks: memory only) stays, or "remove and block" would
   * forget them; endIdle ends it at last. A room whose bots wait to move stays too (its bots
   * would stop until someone opened it; loading it rebuilds their timers from the log all the
   * same), and so does a room whose clocks run: its flags fall on its timers. Returns how many
   * left, and how many stay.
   */
  evictIdle(rules: EvictionRules = DEFAULT_EVICTION): { finished: number; idle: number; inMemory: number } {
    const now = this.clock.now();
    let finished = 0;
    let idle = 0;
    for (const room of [...this.rooms.values()]) {
      const isFinished = room.state.phase === 'finished';
      if (now - room.lastEventAt < (isFinished ? rules.finishedMs : rules.idleMs)) continue;
      if (!room.settled || room.runsClocks || room.remembersNetworks() || this.listened(room)) continue;
      if ((this.bots.get(room)?.pending ?? 0) > 0) continue;
      this.rooms.delete(room.id);
      this.stopBots(room);
      if (isFinished) {
        finished++;
      } else {
        idle++;
        this.evicted.set(room.id, room.lastEventAt);
      }
    }
    return { finished, idle, inMemory: this.rooms.size };
  }

  /** The simul a join code names, while it is open or running (in memory or not). */
  resolveCode(code: string): string | null {
    return this.codes.get(code) ?? null;
  }

  get size(): number {
    return this.rooms.size;
  }

  private add(room: SimulRoom): SimulRoom {
    this.rooms.set(room.id, room);
    this.evicted.delete(room.id);
    if (room.state.phase !== 'finished') {
      this.codes.set(room.state.joinCode, room.id);
      const bots = new BotRunner(room);
      this.bots.set(room, bots);
      bots.start();
    }
    return room;
  }

  /** The bots of a room that is in memory, for tests and the exhibition. */
  botsOf(room: SimulRoom): BotRunner | undefined {
    return this.bots.get(room);
  }

  private stopBots(room: SimulRoom): void {
    this.bots.get(room)?.stop();
    this.bots.delete(room);
  }

  private onEvents: Broadcast = (room, events, boards) => {
    if (events.some((e) => e.type === 'simul-finished')) this.codes.delete(room.state.joinCode);
    this.broadcast(room, events, boards);
    // After the broadcast: a bot's move planned now never overtakes the events it answers.
    this.bots.get(room)?.afterCommit(events);
    if (room.state.phase === 'finished') this.stopBots(room);
  };
}
