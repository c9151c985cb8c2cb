// The hub's housekeeping: simuls nobody touches end, as unfinished; rooms nobody uses leave
// memory and are loaded again from the store.
import { describe, expect, it, vi } from 'vitest';
import { RecordingLink } from '../testing/recording-link';
import { SimulHub } from './simul-hub';
import { realClock } from './simul-time';
import { MemoryEventStore } from '../store/memory-store';
import { startTestServer } from '../testing/test-client';
import { Clients, hello, seatedSimul } from '../testing/simul-fixture';

describe('idle simuls', () => {
  it('ends, as unfinished, the simuls with no event for the idle time, and no others', async () => {
    let now = 1_000;
    const store = new MemoryEventStore();
    const hub = new SimulHub(store, realClock(() => now));
    const stale = await hub.create({ title: 'Forgotten lobby', boards: 2, hostColor: 'white', mode: 'async' });
    now += 25 * 3600_000;
    const fresh = await hub.create({ title: 'Today', boards: 2, hostColor: 'white', mode: 'async' });
    expect(await hub.endIdle(24 * 3600_000)).toBe(1);
    expect((await hub.open(stale.simulId))!.state).toMatchObject({ phase: 'finished', endedEarly: true });
    // The log says the server ended it, and why: not the teacher.
    expect((await hub.open(stale.simulId))!.log.at(-1)).toMatchObject({ type: 'simul-finished', ending: 'idle' });
    expect((await hub.open(fresh.simulId))!.state.phase).toBe('lobby');
    expect(await hub.resolveCode(stale.joinCode)).toBeNull();
    expect(await store.unfinishedSimulIds()).toEqual([fresh.simulId]);
  });
});

describe('eviction from memory', () => {
  const MINUTE = 60_000;
  const rules = { idleMs: 30 * MINUTE, finishedMs: 5 * MINUTE };

  function setUp() {
    let now = 1_000;
    const store = new MemoryEventStore();
    const hub = new SimulHub(store, realClock(() => now));
    const advance = (ms: number) => (now += ms);
    return { store, hub, advance };
  }

  /** A started two-board simul with a move on board 1; returns board 1's seat token. */
  async function playing(hub: SimulHub) {
    const created = await hub.create({ title: 'Class', boards: 2, hostColor: 'white', mode: 'async' });
    const room = hub.get(created.simulId)!;
    const seat = await room.dispatch({ role: 'spectator' }, { type: 'join', name: 'Ada', playerId: 'a' });
    await room.dispatch({ role: 'spectator' }, { type: 'join', name: 'Bo', playerId: 'b' });
    await room.dispatch({ role: 'host' }, { type: 'start' });
    await room.dispatch({ role: 'host' }, { type: 'move', board: 1, from: 'e2', to: 'e4', clientMoveId: 'm1' });
    return { ...created, room, seatToken: seat.ok ? seat.seatToken! : '' };
  }

  it('drops a finished simul after its grace and loads it again from the store with the same log', async () => {
    const { hub, advance } = setUp();
    const { simulId, room } = await playing(hub);
    await room.dispatch({ role: 'host' }, { type: 'end-simul' });
    const log = structuredClone(room.log);

    advance(4 * MINUTE);
    expect(hub.evictIdle(rules)).toEqual({ finished: 0, idle: 0, inMemory: 1 });
    advance(2 * MINUTE);
    expect(hub.evictIdle(rules)).toEqual({ finished: 1, idle: 0, inMemory: 0 });

    const loaded = (await hub.open(simulId))!;
    expect(loaded).not.toBe(room);
    expect(loaded.log).toEqual(log);
    expect(loaded.state.phase).toBe('finished');
  });

  it('drops an idle unfinished simul nobody listens to; it comes back with its state, credentials and join code', async () => {
    const { hub, advance } = setUp();
    const { simulId, joinCode, room, seatToken } = await playing(hub);
    const state = structuredClone(room.state);

    advance(31 * MINUTE);
    expect(hub.evictIdle(rules)).toEqual({ finished: 0, idle: 1, inMemory: 0 });
    expect(await hub.resolveCode(joinCode)).toBe(simulId);

    const loaded = (await hub.open(simulId))!;
    expect(loaded).not.toBe(room);
    expect(loaded.state).toEqual(state);
    expect(loaded.actorFor(loaded.credentialFor(undefined, seatToken)!)).toEqual({ role: 'opponent', board: 1 });
    const reply = await loaded.dispatch({ role: 'opponent', board: 1 }, { type: 'move', board: 1, from: 'e7', to: 'e5', clientMoveId: 'm2' });
    expect(reply.ok).toBe(true);
  });

  it('keeps a simul with a listener or a recent event', async () => {
    const { hub, advance } = setUp();
    const watched = await playing(hub);
    // A spectator's session, on a transport of the room's own kind (no sockets here).
    const spectator = new RecordingLink('spectator');
    expect(watched.room.hello(spectator, 'a network', { v: 2, simulId: watched.simulId, lastSeq: 0 }, () => null).ack.ok).toBe(true);
    advance(31 * MINUTE);
    const recent = await playing(hub);

    expect(hub.evictIdle(rules)).toEqual({ finished: 0, idle: 0, inMemory: 2 });
    watched.room.leave(spectator);
    expect(hub.evictIdle(rules)).toEqual({ finished: 0, idle: 1, inMemory: 1 });
    expect(hub.get(recent.simulId)).toBe(recent.room);
  });

  it('keeps a simul whose commit is pending, and drops it once the commit is done', async () => {
    const { hub } = setUp();
    const { room } = await playing(hub);
    const now = { idleMs: 0, finishedMs: 0 };
    // Decided and folded now; written in the commit queue's batch, after this turn.
    const reply = room.dispatch({ role: 'host' }, { type: 'end-simul' });
    expect(room.state.phase).toBe('finished');
    expect(hub.evictIdle(now)).toEqual({ finished: 0, idle: 0, inMemory: 1 });
    expect((await reply).ok).toBe(true);
    expect(hub.evictIdle(now)).toEqual({ finished: 1, idle: 0, inMemory: 0 });
  });

  it('remembers a blocked network in the store: evicted, or loaded by a new server, the room still refuses it', async () => {
    const { hub, store, advance } = setUp();
    const { simulId } = await hub.create({ title: 'Lobby', boards: 2, hostColor: 'white', mode: 'async' });
    const room = hub.get(simulId)!;
    await room.dispatch({ role: 'spectator' }, { type: 'join', name: 'Squatter', playerId: 's' }, { network: 'net-1' });
    await room.dispatch({ role: 'host' }, { type: 'free-seat', board: 1, block: true });
    advance(31 * MINUTE);
    // Nothing is kept in memory only: the room may leave.
    expect(hub.evictIdle(rules).inMemory).toBe(0);
    const again = await (await hub.open(simulId))!.dispatch({ role: 'spectator' }, { type: 'join', name: 'Back', playerId: 'b' }, { network: 'net-1' });
    expect(again).toMatchObject({ ok: false, error: { code: 'blocked' } });
    // A server started anew on the same store refuses it too; another network still joins.
    const restarted = new SimulHub(store, realClock(() => 40 * MINUTE));
    const reloaded = (await restarted.open(simulId))!;
    expect(await reloaded.dispatch({ role: 'spectator' }, { type: 'join', name: 'Back', playerId: 'b' }, { network: 'net-1' })).toMatchObject({ ok: false, error: { code: 'blocked' } });
    expect(await reloaded.dispatch({ role: 'spectator' }, { type: 'join', name: 'Ada', playerId: 'a' }, { network: 'net-2' })).toMatchObject({ ok: true });
    // The store holds the network as a hash, never as it came.
    expect(JSON.stringify([...(await store.load(simulId))!.credentials.secrets])).not.toContain('net-1');
  });

  it('ends an evicted simul that stays idle, loading it again, and forgets its join code', async () => {
    const { hub, store, advance } = setUp();
    const { simulId, joinCode } = await playing(hub);
    advance(31 * MINUTE);
    expect(hub.evictIdle(rules).idle).toBe(1);

    advance(24 * 3600_000);
    expect(await hub.endIdle(24 * 3600_000)).toBe(1);
    expect(await store.unfinishedSimulIds()).toEqual([]);
    expect(await hub.resolveCode(joinCode)).toBeNull();
    advance(6 * MINUTE);
    expect(hub.evictIdle(rules)).toEqual({ finished: 1, idle: 0, inMemory: 0 });
  });
});

describe('eviction on a running server', () => {
  it('keeps a simul while a socket has it open, drops it once none has, and serves it again', async () => {
    const server = await startTestServer();
    const clients = new Clients(server.url);
    try {
      const a = await seatedSimul(clients, { boards: 2, seated: 1, start: true });
      const log = structuredClone(server.hub.get(a.simulId)!.log);
      server.clock.advance(31 * 60_000);
      expect(server.hub.evictIdle()).toMatchObject({ idle: 0, inMemory: 1 });
      // The host alone, in the simul's room and in no seat's, still holds it.
      a.opponents[0].client.close();
      await vi.waitFor(() => expect(server.io.sockets.sockets.size).toBe(1), { timeout: 60_000 });
      expect(server.hub.evictIdle()).toMatchObject({ idle: 0, inMemory: 1 });

      a.host.close();
      await vi.waitFor(() => expect(server.io.sockets.sockets.size).toBe(0), { timeout: 60_000 });
      expect(server.hub.evictIdle()).toEqual({ finished: 0, idle: 1, inMemory: 0 });
      expect(await server.hub.resolveCode(a.joinCode)).toBe(a.simulId);

      const back = await clients.connect();
      const reply = await hello(back, a.simulId, { seatToken: a.opponents[0].seatToken });
      expect(reply).toMatchObject({ role: 'opponent', board: 1, events: log });
      expect(server.hub.size).toBe(1);
    } finally {
      clients.closeAll();
      await server.close();
    }
  });
});

describe('board logs across restarts', () => {
  it("file a restart only under the boards that existed then: a late joiner's board keeps its numbering after a second restart", async () => {
    const store = new MemoryEventStore();
    let now = 1_000_000;
    const clock = realClock(() => now);
    const clocks = { initialMs: 600_000, incrementMs: 0, hostExtraMs: 0 };
    const first = new SimulHub(store, clock);
    const { simulId } = await first.create({ title: 'Clocks', boards: 3, hostColor: 'white', mode: 'async', clock: clocks });
    const room = first.get(simulId)!;
    await room.dispatch({ role: 'spectator' }, { type: 'join', name: 'Ada', playerId: 'a', board: 1 });
    await room.dispatch({ role: 'host' }, { type: 'start' });
    await new Promise((resolve) => setImmediate(resolve));
    // Restart: the new server records server-restarted (board 1 only exists).
    now += 60_000;
    const second = new SimulHub(store, clock);
    await second.loadUnfinished();
    await new Promise((resolve) => setImmediate(resolve));
    const late = await (await second.open(simulId))!.dispatch({ role: 'spectator' }, { type: 'join', name: 'Bo', playerId: 'b' });
    expect(late).toMatchObject({ ok: true });
    await new Promise((resolve) => setImmediate(resolve));
    const lateBoard = (await second.open(simulId))!.state.order[1];
    const before = (await second.open(simulId))!.pages.boardSeq(lateBoard);
    // A second restart: one more server-restarted on every board, the late one included.
    now += 60_000;
    const third = new SimulHub(store, clock);
    await third.loadUnfinished();
    await new Promise((resolve) => setImmediate(resolve));
    const reloaded = (await third.open(simulId))!;
    expect(reloaded.pages.boardSeq(lateBoard)).toBe(before + 1);
    // A phone that had heard `before` events of its board catches up with exactly the restart.
    expect(reloaded.pages.boardEventsAfter(lateBoard, before)!.map((e) => e.type)).toEqual(['server-restarted']);
  });
});
