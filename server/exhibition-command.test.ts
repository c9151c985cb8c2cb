// exhibition:start on a real server with real sockets: a bad or unbounded request is refused and
// creates nothing; one creates two real simuls, marked as exhibitions, that anyone can open by
// their link; a network runs one at a time, the server a few, and each costs two creations.
// Other networks are simulated as behind a proxy (X-Forwarded-For from a trusted 127.0.0.1).
import { afterEach, describe, expect, it } from 'vitest';
import { replay } from '../lib/simul/evolve';
import type { SimulEvent } from '../lib/simul/types';
import { DEFAULT_LIMITS, type ServerLimits } from './guards/limits';
import { EXHIBITION_GUARANTEE_MS } from './room/simul-hub';
import { outcomeOf } from './testing/simul-fixture';
import { startTestServer, TestClient } from './testing/test-client';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
const opened: TestClient[] = [];

async function start(limits: Partial<ServerLimits> = {}, budgetClock?: () => number): Promise<void> {
  server = await startTestServer({
    limits: { ...DEFAULT_LIMITS, simulsPerAddressPerHour: 1000, ...limits },
    trustedProxies: new Set(['127.0.0.1']),
    ...(budgetClock ? { budgetClock } : {}),
  });
}

async function from(address: string): Promise<TestClient> {
  const c = new TestClient(server.url, { 'x-forwarded-for': address });
  opened.push(c);
  return c.connected();
}

afterEach(async () => {
  for (const c of opened.splice(0)) c.close();
  await server?.close();
});

/** Slow enough to be still running while the test asks again: 80 s of simulated time at 1x. */
const SLOW = { n: 2, h: 10, o: 10, m: 2, speed: 1 };

describe('exhibition:start', () => {
  it('refuses a malformed or unbounded request and creates nothing', async () => {
    await start();
    const c = await from('192.0.2.1');
    const lesson = { n: 24, h: 5, o: 55, m: 30, speed: 600 };
    const bad: unknown[] = [
      {},
      { ...lesson, n: 0 },
      { ...lesson, n: 101 },
      { ...lesson, n: 2.5 },
      { ...lesson, m: 61 },
      { ...lesson, h: 0 },
      { ...lesson, o: -1 },
      { ...lesson, o: 601 },
      { ...lesson, speed: 0 },
      { ...lesson, speed: 10_001 },
      { ...lesson, speed: 'fast' },
      { ...lesson, spread: 0.6 },
      { ...lesson, extra: 1 },
      'lesson',
    ];
    for (const payload of bad) expect(outcomeOf(await c.send('exhibition:start', payload)), JSON.stringify(payload)).toBe('bad-payload');
    // 43,200 s at 10x is 72 minutes of real time.
    const tooLong = await c.send('exhibition:start', { ...lesson, speed: 10 });
    expect(tooLong).toEqual({ ok: false, error: { code: 'exhibition-too-long', params: { minutes: 72, maxMinutes: 20 } } });
    expect(server.hub.size).toBe(0);
  });

  it('creates two real simuls, marked as exhibitions and started, that anyone can open by their link', async () => {
    await start();
    const c = await from('192.0.2.1');
    const reply = await c.send('exhibition:start', { ...SLOW, spread: 0.2 });
    expect(reply.ok).toBe(true);
    const { sync, async } = reply as unknown as { sync: string; async: string };
    for (const [id, mode, pair] of [[sync, 'sync', async], [async, 'async', sync]] as const) {
      const viewer = await from('198.51.100.7');
      const hello = await viewer.send('simul:hello', { simulId: id, lastSeq: 0, v: 2 });
      expect(hello).toMatchObject({ ok: true, role: 'spectator', kind: 'reset' });
      const state = replay((hello as unknown as { events: SimulEvent[] }).events);
      expect(state).toMatchObject({ mode, hostColor: 'white', phase: 'playing', exhibition: { speed: 1, movePairs: 2, pair } });
      expect(state.hostBot).toMatchObject({ avoidEnding: true, think: { meanMs: 10_000, spreadMs: 2_000 } });
      expect(state.order).toEqual([1, 2]);
      for (const n of state.order) expect(state.boards.get(n)!.opponent!.bot).toMatchObject({ think: { meanMs: 10_000, spreadMs: 2_000 } });
      expect(server.hub.isRunning(id)).toBe(true);
      // Kept in the store, as any simul.
      expect((await server.store.load(id))?.events[0]).toMatchObject({ type: 'simul-created', exhibition: { pair } });
    }
  });

  it('answers a hello while an exhibition runs as fast as it goes: the room is settled between two steps', async () => {
    await start();
    const c = await from('192.0.2.1');
    const reply = await c.send('exhibition:start', { n: 24, h: 5, o: 55, m: 30, speed: 'max', seed: 1 });
    const { sync } = reply as unknown as { sync: string };
    const viewer = await from('198.51.100.7');
    // A snapshot needs every event saved: were the room never settled between two steps, every
    // hello would be told to try again until the simul ended.
    const outcomes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const hello = await viewer.send('simul:hello', { simulId: sync, lastSeq: 0, v: 2 });
      outcomes.push(outcomeOf(hello));
      if (hello.ok) {
        expect((hello as unknown as { snapshot: { phase: string } }).snapshot.phase).toBe('playing');
        break;
      }
    }
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
  });

  it('runs one exhibition per network and limits.exhibitionsAtOnce on the server', async () => {
    await start({ exhibitionsAtOnce: 2 });
    const first = await from('2001:db8:1:2::1');
    expect(outcomeOf(await first.send('exhibition:start', SLOW))).toBe('ok');
    expect(await first.send('exhibition:start', SLOW)).toMatchObject({ ok: false, error: { code: 'exhibition-running', params: { scope: 'network' } } });
    // Another device of the same network (an IPv6 /64) is the same network.
    const neighbour = await from('2001:db8:1:2::99');
    expect(outcomeOf(await neighbour.send('exhibition:start', SLOW))).toBe('exhibition-running');
    expect(outcomeOf(await (await from('198.51.100.1')).send('exhibition:start', SLOW))).toBe('ok');
    // The teacher refused is told when a slot frees: SLOW's 80 s at 1x, not "a few minutes".
    const refused = await (await from('203.0.113.1')).send('exhibition:start', SLOW);
    expect(refused).toMatchObject({ ok: false, error: { code: 'exhibition-running', params: { scope: 'server' } } });
    const retryAfterMs = (refused as { error: { params: { retryAfterMs: number } } }).error.params.retryAfterMs;
    expect(retryAfterMs).toBeGreaterThan(1_000);
    expect(retryAfterMs).toBeLessThanOrEqual(80_000);
    expect(server.hub.exhibitionsRunning).toBe(2);
  });

  it('answers its starter with a key that ends both simuls; another key, or none, ends nothing', async () => {
    await start();
    const c = await from('192.0.2.7');
    const started = (await c.send('exhibition:start', SLOW)) as unknown as { ok: true; sync: string; async: string; hostKey: string };
    expect(started.hostKey).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    const stranger = await from('198.51.100.7');
    expect(outcomeOf(await stranger.send('exhibition:stop', { simulId: started.sync, hostKey: 'x'.repeat(32) }))).toBe('not-host');
    expect(outcomeOf(await stranger.send('exhibition:stop', { simulId: started.sync }))).toBe('bad-payload');
    expect(server.hub.get(started.sync)!.state.phase).toBe('playing');
    expect(outcomeOf(await c.send('exhibition:stop', { simulId: started.async, hostKey: started.hostKey }))).toBe('ok');
    for (const id of [started.sync, started.async]) expect(server.hub.get(id)!.state.phase).toBe('finished');
    // Its slot is free again: the same network starts another at once.
    expect(outcomeOf(await c.send('exhibition:start', SLOW))).toBe('ok');
  });

  it('bounds the work, "as fast as it goes" included: plies and real minutes', async () => {
    await start();
    const c = await from('192.0.2.8');
    expect(await c.send('exhibition:start', { n: 100, h: 1, o: 1, m: 60, speed: 'max' })).toEqual({
      ok: false,
      error: { code: 'exhibition-too-big', params: { plies: 24_000, maxPlies: 6_000 } },
    });
    expect(outcomeOf(await c.send('exhibition:start', { n: 1, h: 30, o: 30, m: 60, speed: 1 }))).toBe('exhibition-too-long');
    expect(server.hub.exhibitionsRunning).toBe(0);
  });

  it('costs two of the network’s creations and one for each real minute it may run', async () => {
    // SLOW: 80 s at 1x, two real minutes: 2 + 2 creations.
    await start({ simulsPerAddressPerHour: 5 });
    const c = await from('192.0.2.1');
    expect(outcomeOf(await c.send('exhibition:start', SLOW))).toBe('ok');
    const create = () => c.send('simul:create', { title: 'Class', boards: 2, hostColor: 'white', mode: 'async' });
    expect(outcomeOf(await create())).toBe('ok');
    expect(outcomeOf(await create())).toBe('too-many-simuls');
    const poor = await from('198.51.100.1');
    for (let i = 0; i < 2; i++) {
      expect(outcomeOf(await poor.send('simul:create', { title: 'Class', boards: 2, hostColor: 'white', mode: 'async' }))).toBe('ok');
    }
    for (let i = 0; i < 2; i++) {
      expect(outcomeOf(await poor.send('simul:create', { title: 'Class', boards: 2, hostColor: 'white', mode: 'async' }))).toBe('ok');
    }
    expect(await poor.send('exhibition:start', SLOW)).toEqual({ ok: false, error: { code: 'too-many-simuls', params: { perHour: 5 } } });
  });

  it('four networks holding the longest exhibitions, each watched, lock a fifth teacher out for at most 5 minutes: told exactly when, then given the slot that ran longest', async () => {
    let wall = 1_000_000;
    await start({}, () => wall);
    // 20 minutes of real time at 1x: the longest an exhibition may be.
    const LONGEST = { n: 2, h: 30, o: 30, m: 10, speed: 1 };
    const held: { sync: string; async: string }[] = [];
    for (let i = 1; i <= 4; i++) {
      const attacker = await from(`198.51.100.${i}`);
      const reply = await attacker.send('exhibition:start', LONGEST);
      expect(outcomeOf(reply)).toBe('ok');
      const pair = reply as unknown as { sync: string; async: string };
      held.push(pair);
      // One watcher each keeps it from ending unwatched.
      const watcher = await from(`198.51.100.${i}`);
      expect(outcomeOf(await watcher.send('simul:hello', { simulId: pair.sync, lastSeq: 0, v: 2 }))).toBe('ok');
      wall += 1_000;
    }
    expect(server.hub.exhibitionsRunning).toBe(4);

    // The teacher is refused for now and told exactly when: the oldest's guaranteed time is up in 4:56.
    const teacher = await from('203.0.113.50');
    const lesson = { n: 24, h: 5, o: 55, m: 30, speed: 600 };
    expect(await teacher.send('exhibition:start', lesson)).toEqual({
      ok: false,
      error: { code: 'exhibition-running', params: { scope: 'server', retryAfterMs: EXHIBITION_GUARANTEE_MS - 4_000 } },
    });
    wall += EXHIBITION_GUARANTEE_MS - 4_000 - 1;
    expect(outcomeOf(await teacher.send('exhibition:start', lesson))).toBe('exhibition-running');

    // When told, the teacher's exhibition starts: the one that ran longest gave its slot up.
    wall += 1;
    const mine = await teacher.send('exhibition:start', lesson);
    expect(outcomeOf(mine)).toBe('ok');
    const { sync } = mine as unknown as { sync: string };
    for (const id of [held[0].sync, held[0].async]) {
      const log = server.hub.get(id)!.log;
      expect(log[log.length - 1]).toMatchObject({ type: 'simul-finished', ending: 'preempted' });
      // Its screens can say why it stopped (ExhibitionView's serverEnded).
      expect(server.hub.get(id)!.state).toMatchObject({ phase: 'finished', serverEnding: 'preempted' });
    }
    for (const pair of held.slice(1)) expect(server.hub.isRunning(pair.sync)).toBe(true);
    expect(server.hub.isRunning(sync)).toBe(true);
    expect(server.hub.exhibitionsRunning).toBe(4);

    // The four networks ask again and again through the teacher's guaranteed time: they take
    // each other's slots, never the teacher's.
    const end = wall + EXHIBITION_GUARANTEE_MS - 1_000;
    for (; wall < end; wall += 30_000) {
      for (let i = 1; i <= 4; i++) await (await from(`198.51.100.${i}`)).send('exhibition:start', LONGEST);
      expect(server.hub.isRunning(sync)).toBe(true);
    }
  });
});
