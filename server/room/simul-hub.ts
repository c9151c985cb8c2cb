// Every simul this server runs, by id and by join code. The hub finds, loads and evicts rooms;
// each room holds its own sessions and companions (simul-room.ts). A room nobody has used for a
// while leaves memory (evictIdle); hub.open loads it again from the store, as after a restart.
// In a cluster (leases given), a node runs a simul only while it holds the simul's lease:
// open() takes it, a timer renews it, and a room whose lease is lost leaves memory.
import { ManualClock, type Clock } from './simul-time';
import { randomInt } from 'node:crypto';
import { exhibitionMinutes, type CreateSimulInput, type StartExhibitionInput } from '../../lib/protocol/schemas';
import type { Actor, BotSpec, Exhibition, Rejection, SimulEvent } from '../../lib/simul/types';
import { exhibitionBotSeed } from '../../lib/bots/bot-random';
import type { BotSeed } from '../../lib/bots/spec';
import type { ExhibitionPacer } from './exhibition-run';
import { rejection } from '../../lib/simul/rejection';
import { hashSecret, newJoinCode, newSecret, newSimulId } from '../guards/secrets';
import { SimulRoom, type ExhibitionStart } from './simul-room';
import { newBotSeed, SECRET_NAMES } from './room-credentials';
import type { DispatchResult } from './room-port';
import type { SendMany } from './room-session';
import { CommitQueue } from '../store/commit-queue';
import type { EventStore, SimulCredentials } from '../store/event-store';
import type { SimulLeases } from '../store/leases';

/** Thrown by hub.open while another node holds the simul's lease: the client is to try again. */
export class OwnedElsewhere extends Error {
  constructor(readonly simulId: string) {
    super(`simul ${simulId} is run by another node`);
  }
}

/** How long a room nobody listens to stays in memory after its last event. */
interface EvictionRules {
  /** A simul that has not finished: it stays in the store, and its join code keeps working. */
  idleMs: number;
  /** A finished simul. */
  finishedMs: number;
}

/** How long a node takes "another node holds its lease" for an answer before asking the database again. */
const HELD_ELSEWHERE_MS = 200;

export const DEFAULT_EVICTION: EvictionRules = { idleMs: 30 * 60_000, finishedMs: 5 * 60_000 };

/** What the hub is given beside its store and clock. */
interface HubOptions {
  /** How a frame reaches many sessions at once (the transport's). */
  sendMany?: SendMany;
  /** The share of the thread every exhibition together may take (see ExhibitionPacer). */
  exhibitionPacer?: ExhibitionPacer;
  /** A cluster's leases: without them this process owns every simul in its store. */
  leases?: SimulLeases;
  /** Told of every room's durable events, after its sessions (tests listen here). */
  onEvents?: (room: SimulRoom, events: SimulEvent[]) => void;
  /** Real time in ms, for the exhibitions' slots (performance.now without). */
  wallNow?: () => number;
}

/**
 * Real time an exhibition keeps its slot whatever others ask. Past it, when every slot is taken,
 * a teacher who asks takes the slot of the exhibition that has run longest (it ends, 'preempted'):
 * four networks holding the longest exhibitions lock nobody out for more than this, and a teacher
 * who gets a slot keeps it at least this long (the lesson's exhibition takes about 72 s).
 */
export const EXHIBITION_GUARANTEE_MS = 5 * 60_000;

/** Why an exhibition cannot start now, and (exactly, on this node) when it could. */
interface ExhibitionWait {
  scope: 'network' | 'server';
  retryAfterMs: number;
}

export class SimulHub {
  private rooms = new Map<string, SimulRoom>();
  /** Loads under way: concurrent opens of one simul share one. */
  private opening = new Map<string, Promise<SimulRoom | null>>();
  private renewal: ReturnType<typeof setInterval> | null = null;
  /** Join code to simul id, for every unfinished simul, in memory or not. */
  private codes = new Map<string, string>();
  /** Unfinished simuls evicted from memory, with the time of their last event (for endIdle). */
  private evicted = new Map<string, number>();
  private commits: CommitQueue;
  private leases?: SimulLeases;
  /** Simuls whose lease another node held when last asked, and until when (real time) that answer stands. */
  private heldElsewhere = new Map<string, number>();

  constructor(
    private store: EventStore,
    private clock: Clock,
    private options: HubOptions = {},
  ) {
    this.commits = new CommitQueue(store);
    this.leases = options.leases;
    if (this.leases) {
      this.renewal = setInterval(() => void this.renewLeases(), this.leases.renewMs);
      this.renewal.unref();
    }
  }

  /**
   * Serves again every simul that had not finished when the server stopped. In a cluster a
   * node serves only what is routed to it: each simul is loaded when its first socket arrives.
   */
  async loadUnfinished(): Promise<number> {
    if (this.leases) return 0;
    let loaded = 0;
    for (const id of await this.store.unfinishedSimulIds()) {
      // One log that no longer replays must not keep the server, and every other simul, down.
      try {
        const room = (await this.open(id))!;
        // The clocks stood still while the server was down: the log says so, and the flags' timers follow.
        if (room.state.clock) void room.dispatch({ role: 'server' }, { type: 'resume-clocks', downSince: room.lastEventAt });
        loaded++;
      } catch (err) {
        console.error(`simul ${id} could not be restored:`, (err as Error).message);
      }
    }
    return loaded;
  }

  /** An id no simul has. */
  private async newId(): Promise<string> {
    let simulId = newSimulId();
    while (this.rooms.has(simulId) || (await this.store.load(simulId))) simulId = newSimulId();
    return simulId;
  }

  /**
   * A new simul; its title was cleaned by cleanTitle (display-text.ts) first. An exhibition's
   * simul comes with its id (its pair names it) and runs on a simulated clock of its own.
   * `hostBotSeed`: the host bot's secret seed (an exhibition, or a test, replays its own).
   */
  async create(
    input: CreateSimulInput,
    options: { exhibition?: { simulId: string } & Exhibition; hostBotSeed?: BotSeed; hostKey?: string } = {},
  ): Promise<{ simulId: string; hostKey: string; joinCode: string }> {
    const { exhibition } = options;
    const simulId = exhibition?.simulId ?? (await this.newId());
    let joinCode = newJoinCode();
    while (this.codes.has(joinCode) || (await this.store.simulWithCode(joinCode))) joinCode = newJoinCode();
    const hostKey = options.hostKey ?? newSecret();
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
      ...(input.rotation && input.rotation !== 'table-order' ? { rotation: input.rotation } : {}),
      ...(input.startFen ? { startFen: input.startFen } : {}),
      ...(input.boardFens ? { boardFens: input.boardFens } : {}),
      ...(input.studentRematch ? { studentRematch: true } : {}),
      ...(input.takebacks && input.takebacks !== 'any' ? { takebacks: input.takebacks } : {}),
      ...(input.hostName ? { hostName: input.hostName } : {}),
      ...(exhibition ? { exhibition: { speed: exhibition.speed, movePairs: exhibition.movePairs, pair: exhibition.pair } } : {}),
    };
    const hostKeyHash = hashSecret(hostKey);
    // A host bot's seed is the room's secret from the start, like a seated bot's.
    const secrets = input.hostBot ? [{ name: SECRET_NAMES.botSeed('host'), value: String(options.hostBotSeed ?? newBotSeed()) }] : [];
    await this.store.createSimul(simulId, hostKeyHash, created, secrets);
    // In a cluster the node its sockets are routed to runs it, from the store.
    if (!this.leases) this.add(this.room(simulId, [created], { hostKeyHash, seatTokenHashes: new Map(), secrets: new Map(secrets.map((s) => [s.name, s.value])) }));
    return { simulId, hostKey, joinCode };
  }

  /** The room of a simul this node has in memory, or null (see open). */
  get(simulId: string): SimulRoom | null {
    return this.rooms.get(simulId) ?? null;
  }

  /**
   * The room of a simul, loaded from the store when it is not in memory; null if the simul is
   * unknown. In a cluster it first takes the simul's lease, and throws OwnedElsewhere while
   * another node holds it.
   */
  open(simulId: string): Promise<SimulRoom | null> {
    const room = this.rooms.get(simulId);
    if (room) return Promise.resolve(room);
    let opening = this.opening.get(simulId);
    if (!opening) {
      opening = this.load(simulId).finally(() => this.opening.delete(simulId));
      this.opening.set(simulId, opening);
    }
    return opening;
  }

  private async load(simulId: string): Promise<SimulRoom | null> {
    let epoch: number | undefined;
    if (this.leases) {
      // A simul another node held a moment ago is not asked of the database again at once: every
      // phone of a class asks again on its own while the old lease runs out.
      if ((this.heldElsewhere.get(simulId) ?? -Infinity) > performance.now()) throw new OwnedElsewhere(simulId);
      const claim = await this.leases.claim(simulId);
      if (claim === 'unknown') return null;
      if (claim === 'held') {
        this.heldElsewhere.set(simulId, performance.now() + HELD_ELSEWHERE_MS);
        throw new OwnedElsewhere(simulId);
      }
      this.heldElsewhere.delete(simulId);
      epoch = claim;
    }
    const loaded = await this.store.load(simulId);
    if (!loaded) return null;
    const room = this.room(simulId, loaded.events, loaded.credentials);
    room.epoch = epoch;
    this.add(room);
    // Taken over from a node that stopped: its clocks stood still meanwhile, as after a restart.
    if (this.leases && room.runsClocks) void room.dispatch({ role: 'server' }, { type: 'resume-clocks', downSince: room.lastEventAt });
    return room;
  }

  /** Renews this node's leases; a room whose lease another node has taken leaves memory. */
  private async renewLeases(): Promise<void> {
    if (!this.leases) return;
    const now = performance.now();
    for (const [id, until] of this.heldElsewhere) if (until <= now) this.heldElsewhere.delete(id);
    let held: Set<string>;
    try {
      held = await this.leases.renew();
    } catch (err) {
      console.error('lease renewal failed:', (err as Error).message);
      return;
    }
    for (const room of [...this.rooms.values()]) {
      if (held.has(room.id)) continue;
      console.error(`simul ${room.id}: lease given up (another node runs it or asked for it); its sockets go there`);
      this.disown(room);
      if (room.epoch !== undefined) await this.leases.release(room.id, room.epoch).catch(() => {});
    }
  }

  /** Drops a room that this node may no longer run, and sends its sessions elsewhere. */
  private disown(room: SimulRoom): void {
    if (this.rooms.get(room.id) !== room) return;
    this.rooms.delete(room.id);
    room.stop();
    room.closeSessions('elsewhere');
  }

  /** Stops renewing leases and gives back every one this node holds (the node shuts down). */
  async releaseAll(): Promise<void> {
    if (this.renewal) clearInterval(this.renewal);
    if (!this.leases) return;
    for (const room of [...this.rooms.values()]) this.disown(room);
    await this.leases.releaseAll();
  }

  private room(simulId: string, log: SimulEvent[], credentials: SimulCredentials): SimulRoom {
    // A room whose commit failed is dropped (it stopped itself): the next request loads it
    // again from the store, and its sessions reconnect to find it.
    const onLost = (room: SimulRoom) => {
      if (this.rooms.get(simulId) !== room) return;
      this.rooms.delete(simulId);
      // Once the refused commands' answers are out: each screen that tried hears why (a full
      // disk: storage-full) before its connection closes and it says hello again.
      setImmediate(() => room.closeSessions('elsewhere'));
    };
    // An exhibition's time goes on from its last event, on its own clock.
    const created = log[0];
    const clock = created?.type === 'simul-created' && created.exhibition ? new ManualClock(log[log.length - 1].at) : this.clock;
    return new SimulRoom({
      id: simulId,
      log,
      credentials,
      commits: this.commits,
      clock,
      serverClock: this.clock,
      sendMany: this.options.sendMany,
      onEvents: this.onEvents,
      onLost,
      exhibitionPacer: this.options.exhibitionPacer,
      listenedElsewhere: (id) => this.rooms.get(id)?.listened ?? false,
    });
  }

  /**
   * The lesson's exhibition: two simuls, sync and async, each with a bot host and `n` bot
   * opponents thinking `h` and `o` seconds a move (fixed, or drawn with a spread of `spread` times
   * the mean), from `seed` (a new one without: the same seed plays the same exhibition again),
   * their games agreed drawn after `m` move pairs. The host plays white everywhere: it moves
   * first, as the lesson counts. Both simuls draw from the same seeds, so they play the same
   * games with the same think times, only scheduled differently. They start in the same commit,
   * so their clocks race from the same real instant.
   */
  async createExhibition(
    spec: StartExhibitionInput,
    network: string,
  ): Promise<{ ok: true; sync: string; async: string; hostKey: string } | { ok: false; error: Rejection }> {
    const sync = await this.newId();
    let async = await this.newId();
    while (async === sync) async = await this.newId();
    // Whoever starts it may stop it: one host key for both simuls, given to its page only.
    const hostKey = newSecret();
    const now = this.wallNow();
    const started = { network, startedAt: now, endsBy: now + exhibitionMinutes(spec) * 60_000 };
    const seed = spec.seed ?? randomInt(2 ** 32);
    const bot = (seconds: number): BotSpec => {
      const meanMs = Math.round(seconds * 1000);
      return { strength: 'sensible', avoidEnding: true, think: { meanMs, spreadMs: Math.round(meanMs * (spec.spread ?? 0)) } };
    };
    const host: Actor = { role: 'host' };
    const dispatched: Promise<DispatchResult>[] = [];
    for (const [mode, simulId, pair] of [['sync', sync, async], ['async', async, sync]] as const) {
      await this.create(
        // No words in the log: an exhibition's title and its bots' names are each view's, in its reader's language.
        { title: '', boards: spec.n, hostColor: 'white', mode, hostBot: bot(spec.h) },
        { exhibition: { simulId, speed: spec.speed, movePairs: spec.m, pair }, hostBotSeed: exhibitionBotSeed(seed, 'host'), hostKey },
      );
      const room = (await this.open(simulId))!;
      room.exhibitionStart = started;
      for (let board = 1; board <= spec.n; board++) {
        const botSeed = exhibitionBotSeed(seed, board);
        dispatched.push(room.dispatch(host, { type: 'seat-bot', board, name: '', bot: bot(spec.o) }, { botSeed }));
      }
      dispatched.push(room.dispatch(host, { type: 'start' }));
    }
    const refused = (await Promise.all(dispatched)).find((r) => !r.ok);
    // In a cluster the pair runs where its sockets are routed: this node gives both back.
    if (this.leases) {
      for (const id of [sync, async]) {
        const room = this.rooms.get(id);
        if (room) this.disown(room);
        if (room?.epoch !== undefined) await this.leases.release(id, room.epoch);
      }
    }
    if (refused && !refused.ok) return refused;
    return { ok: true, sync, async, hostKey };
  }

  /** Ends both simuls of an exhibition for whoever started it (its host key). */
  async stopExhibition(simulId: string, hostKey: string): Promise<{ ok: true } | { ok: false; error: Rejection }> {
    const room = this.get(simulId);
    const pair = room?.state.exhibition ? this.get(room.state.exhibition.pair) : null;
    if (!room || !pair) return { ok: false, error: rejection('unknown-simul') };
    const credential = room.credentialFor(hostKey);
    if (!credential || room.actorFor(credential).role !== 'host') return { ok: false, error: rejection('not-host') };
    for (const r of [room, pair]) {
      if (r.state.phase === 'finished') continue;
      const ended = await r.dispatch({ role: 'host' }, { type: 'end-simul' });
      if (!ended.ok) return ended;
    }
    return { ok: true };
  }

  /** The exhibitions' simuls in memory that are running or being set up, with who started each. */
  private liveExhibitions(): { room: SimulRoom; start: ExhibitionStart }[] {
    const live: { room: SimulRoom; start: ExhibitionStart }[] = [];
    for (const room of this.rooms.values()) {
      const start = room.exhibitionStart;
      if (start && (room.exhibitionRunning || room.state.phase === 'lobby')) live.push({ room, start });
    }
    return live;
  }

  private wallNow(): number {
    return this.options.wallNow ? this.options.wallNow() : performance.now();
  }

  /** The live exhibitions, by their start (both simuls of a pair share one). */
  private exhibitionPairs(): Map<ExhibitionStart, SimulRoom[]> {
    const pairs = new Map<ExhibitionStart, SimulRoom[]>();
    for (const { room, start } of this.liveExhibitions()) pairs.set(start, [...(pairs.get(start) ?? []), room]);
    return pairs;
  }

  /** The exhibition that has run longest, when every slot is taken and it has had its guaranteed time. */
  private preemptable(atOnce: number): ExhibitionStart | null {
    const starts = [...this.exhibitionPairs().keys()];
    if (starts.length < atOnce) return null;
    const longest = starts.sort((a, b) => a.startedAt - b.startedAt)[0];
    return this.wallNow() - longest.startedAt >= EXHIBITION_GUARANTEE_MS ? longest : null;
  }

  /**
   * Why an exhibition from `network` cannot start now, and exactly (on this node) when it could;
   * null when it can. A network runs one at a time (told when its own ends); the server `atOnce`.
   * With every slot taken, the one that has run longest gives its slot up once it has had
   * EXHIBITION_GUARANTEE_MS (makeExhibitionRoom ends it); until then the asker is told when the
   * first slot frees: an exhibition's end at its speed or a guarantee's end, whichever comes
   * first (an unwatched exhibition may end sooner, never later).
   */
  exhibitionWait(network: string, atOnce: number): ExhibitionWait | null {
    const now = this.wallNow();
    const wait = (at: number) => Math.max(1_000, Math.ceil(at - now));
    const starts = [...this.exhibitionPairs().keys()];
    const own = starts.find((start) => start.network === network);
    if (own) return { scope: 'network', retryAfterMs: wait(own.endsBy) };
    if (starts.length < atOnce || this.preemptable(atOnce)) return null;
    return { scope: 'server', retryAfterMs: wait(Math.min(...starts.map((s) => Math.min(s.endsBy, s.startedAt + EXHIBITION_GUARANTEE_MS)))) };
  }

  /** With every slot taken, ends the exhibition that has run longest past its guaranteed time ('preempted'). */
  async makeExhibitionRoom(atOnce: number): Promise<void> {
    const longest = this.preemptable(atOnce);
    if (!longest) return;
    for (const room of this.exhibitionPairs().get(longest)!) {
      if (room.state.phase !== 'finished') await room.dispatch({ role: 'server' }, { type: 'end-simul', ending: 'preempted' });
      room.stopExhibition();
    }
  }

  /** Exhibitions running (or being set up): a pair counts once. */
  get exhibitionsRunning(): number {
    return new Set(this.liveExhibitions().map(({ room }) => [room.id, room.state.exhibition!.pair].sort().join())).size;
  }

  /** Whether an exhibition's clock is being advanced. */
  isRunning(simulId: string): boolean {
    return this.rooms.get(simulId)?.exhibitionRunning ?? false;
  }

  /** Stops every exhibition's clock (the server closes); they go on when the simuls are loaded again. */
  stopExhibitions(): void {
    for (const room of this.rooms.values()) room.stopExhibition();
  }

  /**
   * Ends, as unfinished, every simul with no event for `idleMs`: a lobby nobody started or a
   * game everyone left. They stop holding a join code and become reviewable; evictIdle then
   * drops them from memory. Evicted simuls are loaded again to be ended.
   */
  async endIdle(idleMs: number): Promise<number> {
    const cutoff = this.clock.now() - idleMs;
    for (const [id, lastEventAt] of this.evicted) {
      if (lastEventAt >= cutoff) continue;
      // Loading it takes it off the evicted list; one another node runs now is no longer ours to end.
      const room = await this.open(id).catch(() => null);
      if (!room) this.evicted.delete(id);
    }
    const idle = [...this.rooms.values()].filter(
      (room) => room.state.phase !== 'finished' && room.lastActiveAt < cutoff,
    );
    const ended = await Promise.all(idle.map((room) => room.dispatch({ role: 'server' }, { type: 'end-simul', ending: 'idle' })));
    return ended.filter((r) => r.ok).length;
  }

  /**
   * Drops from memory each room nobody listens to, with no commit pending and no event for the
   * rules' time. The next hub.open loads it again from the store, with its secrets (seats'
   * networks and blocked networks among them, so "remove and block" holds). A room whose bots wait to move stays too (its bots
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
      const lastActiveAt = room.lastActiveAt;
      if (now - lastActiveAt < (isFinished ? rules.finishedMs : rules.idleMs)) continue;
      if (room.exhibitionRunning || !room.settled || room.runsClocks || room.listened) continue;
      if ((room.bots?.pending ?? 0) > 0) continue;
      this.rooms.delete(room.id);
      room.stop();
      if (room.epoch !== undefined) void this.leases?.release(room.id, room.epoch);
      if (isFinished) {
        finished++;
      } else {
        idle++;
        this.evicted.set(room.id, lastActiveAt);
      }
    }
    return { finished, idle, inMemory: this.rooms.size };
  }

  /** The simul a join code names, while it is open or running (in memory, in the store, on any node). */
  async resolveCode(code: string): Promise<string | null> {
    return this.codes.get(code) ?? (await this.store.simulWithCode(code));
  }

  get size(): number {
    return this.rooms.size;
  }

  private add(room: SimulRoom): SimulRoom {
    this.rooms.set(room.id, room);
    this.evicted.delete(room.id);
    if (room.state.phase !== 'finished') this.codes.set(room.state.joinCode, room.id);
    room.start();
    return room;
  }

  /** The hub's index follows each room: a finished simul's join code names it no more. */
  private onEvents = (room: SimulRoom, events: SimulEvent[]): void => {
    if (events.some((e) => e.type === 'simul-finished')) this.codes.delete(room.state.joinCode);
    this.options.onEvents?.(room, events);
  };
}
