// Clocks on the server's time: a flag falls on the room's timer with no move, a room whose
// clocks run stays in memory, and a restart on the same store charges the downtime to no one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClockSettings, SimulEvent } from '../../lib/simul/types';
import { timeLeft } from '../../lib/simul/clocks';
import { startServer, type RunningServer } from '../app';
import { ManualClock } from './simul-time';
import { SimulHub } from './simul-hub';
import { MemoryEventStore } from '../store/memory-store';
import { SqliteEventStore } from '../store/sqlite-store';
import type { EventStore } from '../store/event-store';
import { RAISED_LIMITS } from '../testing/test-client';
import { Clients, command, hello, seatedSimul } from '../testing/simul-fixture';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const CLOCK: ClockSettings = { initialMs: MINUTE, incrementMs: 0, hostExtraMs: 30 * SECOND };
const T0 = Date.UTC(2026, 2, 1, 9, 0, 0);

const running: { server: RunningServer; clients: Clients }[] = [];
const stores: EventStore[] = [];
let dir: string | undefined;

afterEach(async () => {
  for (const { server, clients } of running.splice(0)) {
    clients.closeAll();
    await server.close();
  }
  for (const store of stores.splice(0)) await store.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

async function serve(store: EventStore, clock: ManualClock) {
  const server = await startServer({ port: 0, host: '127.0.0.1', store, testClock: clock, limits: RAISED_LIMITS });
  const clients = new Clients(server.url);
  running.push({ server, clients });
  return { server, clients };
}

/** Waits until the store's log of `simulId` holds an event that matches. */
async function stored(store: EventStore, simulId: string, match: (e: SimulEvent) => boolean): Promise<SimulEvent> {
  for (let i = 0; i < 500; i++) {
    const hit = (await store.load(simulId))?.events.find(match);
    if (hit) return hit;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('the event never reached the store');
}

describe('flags on the server', () => {
  it("falls on the room's timer with no move, durable and broadcast, and the host's clock on a neglected board runs down", async () => {
    const clock = new ManualClock(T0);
    const store = new MemoryEventStore();
    const { clients } = await serve(store, clock);
    const simul = await seatedSimul(clients, { boards: 2, seated: 2, start: true, clock: CLOCK });

    clock.advance(5 * SECOND);
    await command(simul.host, { type: 'move', board: 1, from: 'e2', to: 'e4', clientMoveId: 'm1' });
    // Nobody moves: board 1's opponent flags at 5 s + 60 s; board 2, never visited, awaits the
    // host from the start, so the host's 90 s there run out at 90 s.
    clock.advance(MINUTE);
    const first = await simul.host.waitFor((e) => e.type === 'game-ended');
    expect(first).toMatchObject({ board: 1, result: '1-0', reason: 'timeout', by: 'opponent', at: T0 + 65 * SECOND });
    expect(await stored(store, simul.simulId, (e) => e.type === 'game-ended')).toEqual(first);

    clock.advance(25 * SECOND);
    const finished = await simul.host.waitFor((e) => e.type === 'simul-finished');
    const ended = simul.host.received.filter((e) => e.type === 'game-ended');
    expect(ended[1]).toMatchObject({ board: 2, result: '0-1', reason: 'timeout', by: 'host', at: T0 + 90 * SECOND });
    expect(finished.at).toBe(T0 + 90 * SECOND);
  });

  it('keeps a room whose clocks run in memory, and lets it go once they stop', async () => {
    const clock = new ManualClock(T0);
    const store = new MemoryEventStore();
    const hub = new SimulHub(store, clock);
    const created = await hub.create({ title: 'Long game', boards: 1, hostColor: 'white', mode: 'async', clock: { initialMs: 3 * 3600_000, incrementMs: 0, hostExtraMs: 0 } });
    const room = hub.get(created.simulId)!;
    await room.dispatch({ role: 'spectator' }, { type: 'join', name: 'Ada', playerId: 'a' });
    await room.dispatch({ role: 'host' }, { type: 'start' });
    clock.advance(45 * MINUTE);
    expect(hub.evictIdle({ idleMs: 30 * MINUTE, finishedMs: 5 * MINUTE })).toEqual({ finished: 0, idle: 0, inMemory: 1 });
    clock.advance(3 * 3600_000);
    await new Promise((resolve) => setTimeout(resolve, 10)); // the flag's commit
    expect(room.state.phase).toBe('finished');
    clock.advance(10 * MINUTE);
    expect(hub.evictIdle({ idleMs: 30 * MINUTE, finishedMs: 5 * MINUTE })).toEqual({ finished: 1, idle: 0, inMemory: 0 });
  });
});

describe('a restart in the middle of a game with clocks', () => {
  it('records the restart, charges no one the time the server was down, and rebuilds the flag timers', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simul-clocks-'));
    const file = path.join(dir, 'simul.db');
    const first = new SqliteEventStore(file);
    const before = new ManualClock(T0);
    const a = await serve(first, before);
    const simul = await seatedSimul(a.clients, { boards: 1, seated: 1, start: true, clock: CLOCK });
    before.advance(10 * SECOND);
    await command(simul.host, { type: 'move', board: 1, from: 'e2', to: 'e4', clientMoveId: 'm1' });
    // The server goes down; it comes back ten minutes later, on the same database.
    a.clients.closeAll();
    await a.server.close();
    running.splice(0);
    first.close();

    const store = new SqliteEventStore(file);
    stores.push(store);
    const after = new ManualClock(T0 + 10 * SECOND + 10 * MINUTE);
    const b = await serve(store, after);
    const restarted = await stored(store, simul.simulId, (e) => e.type === 'server-restarted');
    expect(restarted).toMatchObject({ downSince: T0 + 10 * SECOND, at: T0 + 10 * SECOND + 10 * MINUTE });

    const watcher = await b.clients.connect();
    await hello(watcher, simul.simulId);
    const board = b.server.hub.get(simul.simulId)!.state.boards.get(1)!;
    expect(timeLeft(board.clock!, 'opponent', after.now())).toBe(MINUTE);
    expect(timeLeft(board.clock!, 'host', after.now())).toBe(80 * SECOND);

    // The opponent's minute runs from the restart: its flag falls then, not before.
    after.advance(MINUTE - 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(board.status).toBe('playing');
    after.advance(1);
    const ended = await watcher.waitFor((e) => e.type === 'game-ended');
    expect(ended).toMatchObject({ reason: 'timeout', result: '1-0', at: T0 + 10 * SECOND + 11 * MINUTE });
  });
});
