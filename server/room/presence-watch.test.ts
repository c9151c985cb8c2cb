// Presence on a real server (port 0, real socket.io clients, the room's clock controlled): a
// seat whose sessions close is reported away once AWAY_AFTER_MS has passed, since it lost them;
// a phone that flaps within that time is never reported; one back is reported at once; and the
// figure survives a restart. A bot takes over a board whose student is away, and the student
// takes it back.
import { afterEach, describe, expect, it } from 'vitest';
import { AWAY_AFTER_MS } from '../../lib/simul/presence';
import type { SimulEvent } from '../../lib/simul/types';
import { startServer, type RunningServer } from '../app';
import { MemoryEventStore } from '../store/memory-store';
import { Clients, command, hello, seatedSimul, type Opponent } from '../testing/simul-fixture';
import { RAISED_LIMITS, type TestClient } from '../testing/test-client';
import { ManualClock } from './simul-time';

const T0 = Date.UTC(2026, 2, 1, 9, 0, 0);
const running: { server: RunningServer; clients: Clients }[] = [];

afterEach(async () => {
  for (const { server, clients } of running.splice(0)) {
    clients.closeAll();
    await server.close();
  }
});

async function serve(store = new MemoryEventStore(), clock = new ManualClock(T0)) {
  const server = await startServer({ port: 0, host: '127.0.0.1', store, testClock: clock, limits: RAISED_LIMITS });
  const clients = new Clients(server.url);
  running.push({ server, clients });
  return { server, clients, clock, store };
}

const settle = (ms = 50) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the stored log holds what `match` finds, or fails. */
async function stored(store: MemoryEventStore, simulId: string, match: (e: SimulEvent) => boolean): Promise<SimulEvent> {
  for (let i = 0; i < 200; i++) {
    const hit = (await store.load(simulId))?.events.find(match);
    if (hit) return hit;
    await settle(5);
  }
  throw new Error('the event never reached the store');
}

async function presenceEvents(store: MemoryEventStore, simulId: string): Promise<SimulEvent[]> {
  return ((await store.load(simulId))?.events ?? []).filter((e) => e.type === 'seat-away' || e.type === 'seat-back');
}

/** A phone of `seat`'s student comes back: a new connection says hello with its seat's token. */
async function reconnect(clients: Clients, simulId: string, seat: Opponent): Promise<TestClient> {
  const client = await clients.connect();
  await hello(client, simulId, { seatToken: seat.seatToken });
  return client;
}

describe('presence in the room', () => {
  it('reports a seat away once its sessions have been closed for AWAY_AFTER_MS, since they closed, and back at once', async () => {
    const { clients, clock, store } = await serve();
    const simul = await seatedSimul(clients, { boards: 2, seated: 2, start: true });
    const closedAt = clock.now();
    simul.opponents[0].client.close();
    await settle();
    clock.advance(AWAY_AFTER_MS - 1);
    await settle();
    expect(await presenceEvents(store, simul.simulId)).toEqual([]);
    clock.advance(1);
    const away = await stored(store, simul.simulId, (e) => e.type === 'seat-away');
    expect(away).toMatchObject({ type: 'seat-away', board: 1, since: closedAt });
    await simul.host.waitFor((e) => e.type === 'seat-away' && e.board === 1);

    clock.advance(2 * 60_000);
    await reconnect(clients, simul.simulId, simul.opponents[0]);
    const back = await stored(store, simul.simulId, (e) => e.type === 'seat-back');
    expect(back).toMatchObject({ board: 1, at: closedAt + AWAY_AFTER_MS + 2 * 60_000 });
    expect((await presenceEvents(store, simul.simulId)).map((e) => e.type)).toEqual(['seat-away', 'seat-back']);
  });

  it('does not report a phone that flaps, and reports it at most once per AWAY_AFTER_MS', async () => {
    const { clients, clock, store } = await serve();
    const simul = await seatedSimul(clients, { boards: 2, seated: 2, start: true });
    let phone = simul.opponents[1].client;
    for (let i = 0; i < 5; i++) {
      phone.close();
      await settle();
      clock.advance(AWAY_AFTER_MS - 1000);
      phone = await reconnect(clients, simul.simulId, simul.opponents[1]);
      clock.advance(500);
    }
    await settle();
    expect(await presenceEvents(store, simul.simulId)).toEqual([]);
    // A student with two tabs is here while either is open.
    const second = await reconnect(clients, simul.simulId, simul.opponents[1]);
    phone.close();
    await settle();
    clock.advance(AWAY_AFTER_MS * 3);
    await settle();
    expect(await presenceEvents(store, simul.simulId)).toEqual([]);
    second.close();
    await settle();
    clock.advance(AWAY_AFTER_MS);
    await stored(store, simul.simulId, (e) => e.type === 'seat-away' && e.board === 2);
    expect((await presenceEvents(store, simul.simulId)).length).toBe(1);
  });

  it('lets the host hand an away student’s board to a bot, which moves as the room; the student takes it back', async () => {
    const { server, clients, clock, store } = await serve();
    const simul = await seatedSimul(clients, { boards: 2, seated: 2, start: true });
    const bot = { strength: 'random', think: { meanMs: 1000, spreadMs: 0 } };
    await command(simul.host, { type: 'move', board: 1, from: 'e2', to: 'e4', clientMoveId: 'h1' });
    // Here: refused. A student, a spectator: refused.
    expect(await simul.host.send('simul:command', { type: 'hand-to-bot', board: 1, bot })).toMatchObject({ ok: false, error: { code: 'student-here' } });
    expect(await simul.opponents[1].client.send('simul:command', { type: 'hand-to-bot', board: 1, bot })).toMatchObject({
      ok: false,
      error: { code: 'not-host' },
    });
    simul.opponents[0].client.close();
    await settle();
    clock.advance(AWAY_AFTER_MS);
    await stored(store, simul.simulId, (e) => e.type === 'seat-away');
    await command(simul.host, { type: 'hand-to-bot', board: 1, bot });
    clock.advance(1000);
    const botMove = await stored(store, simul.simulId, (e) => e.type === 'move-made' && e.by === 'opponent' && e.board === 1);
    expect(botMove).toMatchObject({ clientMoveId: 'bot:1:1' });
    const phone = await reconnect(clients, simul.simulId, simul.opponents[0]);
    await stored(store, simul.simulId, (e) => e.type === 'seat-back');
    await command(simul.host, { type: 'move', board: 1, from: 'g1', to: 'f3', clientMoveId: 'h2' });
    await command(phone, { type: 'take-board-back', board: 1 });
    clock.advance(10_000);
    await settle();
    const log = (await store.load(simul.simulId))!.events;
    // No bot move after the hand-back: the student plays again.
    expect(log.filter((e) => e.type === 'move-made' && e.board === 1).map((e) => e.type === 'move-made' && e.clientMoveId)).toEqual(['h1', 'bot:1:1', 'h2']);
    expect(JSON.stringify(log)).not.toMatch(/seed/);
    // A move of the position as it is (the bot's move was random: b8 may be empty).
    const [next] = server.hub.get(simul.simulId)!.state.boards.get(1)!.chess.moves({ verbose: true });
    await command(phone, { type: 'move', board: 1, from: next.from, to: next.to, clientMoveId: 'p1' });
  });
});
