// The budgets a client is held to, per connection and per network, on a real server with real
// sockets. The budgets refill on a clock the test moves, so nothing here waits on real time.
// Networks other than this machine's are simulated the way a deployment behind a proxy sees
// them: the server trusts 127.0.0.1 as a proxy and reads X-Forwarded-For.
import { en } from '../../app/words/en';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type ServerLimits } from './limits';
import { retryAfterMs } from '../../lib/simul/rejection';
import { command, createSimul, hello, join, outcomeOf, seatedSimul, Clients } from '../testing/simul-fixture';
import { joined, rawSocket } from '../testing/hostile-clients';
import { startTestServer, TestClient } from '../testing/test-client';

type Server = Awaited<ReturnType<typeof startTestServer>>;

let server: Server;
let budgetTime = 0;
const opened: TestClient[] = [];
let clients: Clients;

async function start(limits: Partial<ServerLimits>, extra: { allowedOrigins?: string[] } = {}): Promise<Server> {
  budgetTime = 0;
  server = await startTestServer({
    limits: { ...DEFAULT_LIMITS, simulsPerAddressPerHour: 1000, ...limits },
    budgetClock: () => budgetTime,
    trustedProxies: new Set(['127.0.0.1']),
    ...extra,
  });
  clients = new Clients(server.url);
  return server;
}

/** A socket that the server sees as coming from `address`. */
async function from(address: string | null, headers: Record<string, string> = {}): Promise<TestClient> {
  const c = new TestClient(server.url, address ? { 'x-forwarded-for': address, ...headers } : headers);
  opened.push(c);
  return c.connected();
}

afterEach(async () => {
  for (const c of opened.splice(0)) c.close();
  clients?.closeAll();
  await server?.close();
});

const joinCode = (code: string, address: string) =>
  fetch(`${server.url}/j/${code}`, { redirect: 'manual', headers: { 'x-forwarded-for': address } });

describe('join-code guessing', () => {
  it('refuses a network that keeps guessing wrong, counts it, and lets it in again with time', async () => {
    await start({ missedLookupsPerMinute: 10 });
    const host = await from(null);
    const { simulId, joinCode: code } = await createSimul(host);
    const wrong = code === '123456' ? '654321' : '123456';

    for (let i = 0; i < 10; i++) expect((await joinCode(wrong, '198.51.100.7')).status).toBe(302);
    const refused = await joinCode(code, '198.51.100.7');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.text()).toBe(en.server.tooManyJoinCodes);
    // Another network is not slowed by the guesser.
    expect((await joinCode(code, '198.51.100.8')).headers.get('location')).toBe(`/play/${simulId}`);
    expect(server.budgets.refused.missedLookups).toBe(10);
    expect(server.budgets.refused.lookupsRefused).toBe(1);

    budgetTime += 6_000; // one guess back at ten a minute
    expect((await joinCode(code, '198.51.100.7')).headers.get('location')).toBe(`/play/${simulId}`);
  });

  it("never locks a guessing network's own class out: its host, projector and students open their simul", async () => {
    await start({ missedLookupsPerMinute: 10 });
    const school = '203.0.113.50';
    // The teacher creates the simul from the school's network, before anyone guesses.
    const teacher = await from(school);
    const { simulId, hostKey, joinCode: code } = await createSimul(teacher);
    const wrong = (n: number) => String(100000 + ((Number(code) - 100000 + n) % 900000));
    // One curious device on the school's network spends its miss budget, 4 guesses in flight at a time.
    for (let i = 1; i <= 20; i += 4) await Promise.all([i, i + 1, i + 2, i + 3].map((n) => joinCode(wrong(n), school)));
    expect((await joinCode(wrong(99), school)).status).toBe(429);
    // The host with its key, and the projector as a spectator, by the simul's id.
    expect(outcomeOf(await teacher.send('simul:hello', { v: 2, simulId, lastSeq: 0, hostKey }))).toBe('ok');
    const projector = await from(school);
    expect(outcomeOf(await projector.send('simul:hello', { v: 2, simulId, lastSeq: 0 }))).toBe('ok');
    // Students on the same network typing the real code: the network opened that simul, so its code is no guess.
    for (let i = 0; i < 5; i++) expect((await joinCode(code, school)).headers.get('location')).toBe(`/play/${simulId}`);
    const student = await from(school);
    expect(outcomeOf(await student.send('simul:hello', { v: 2, simulId, lastSeq: 0 }))).toBe('ok');
    expect(outcomeOf(await student.send('simul:join', { name: 'Ada' }))).toBe('ok');
    // The guesser still gets nothing new: misses and other simuls' codes alike are refused.
    const other = await createSimul(await from(null));
    expect((await joinCode(other.joinCode, school)).status).toBe(429);
    expect((await joinCode(wrong(77), school)).status).toBe(429);
  });

  it('counts hellos to simuls that do not exist as guesses too', async () => {
    await start({ missedLookupsPerMinute: 3 });
    const guesser = await from('198.51.100.9');
    for (let i = 0; i < 3; i++) {
      expect(outcomeOf(await guesser.send('simul:hello', { v: 2, simulId: `nosuch${i}xyz`, lastSeq: 0 }))).toBe('unknown-simul');
    }
    expect(await guesser.send('simul:hello', { v: 2, simulId: 'nosuch9xyz', lastSeq: 0 })).toMatchObject({
      ok: false,
      error: { code: 'rate-limited', params: { retryAfterMs: 20_000 } },
    });
  });
});

describe('seat squatting', () => {
  it('limits the seats one network takes in one simul, not in another simul or from another network', async () => {
    await start({ joinsPerAddressPerMinute: 3 });
    const host = await from(null);
    const a = await createSimul(host, { boards: 6 });
    const b = await createSimul(host, { boards: 6 });
    const squat = async (simulId: string, address: string, name: string) => {
      const c = await from(address);
      await hello(c, simulId);
      return outcomeOf(await c.send('simul:join', { name }));
    };
    const outcomes = [];
    for (const n of [1, 2, 3, 4]) outcomes.push(await squat(a.simulId, '203.0.113.5', `Squat ${n}`));
    expect(outcomes).toEqual(['ok', 'ok', 'ok', 'rate-limited']);
    expect(await squat(b.simulId, '203.0.113.5', 'Squat 5')).toBe('ok');
    expect(await squat(a.simulId, '203.0.113.6', 'Student')).toBe('ok');
    // A refused join does not spend the budget: a typo'd name costs nothing.
    budgetTime += 20_000;
    const c = await from('203.0.113.5');
    await hello(c, a.simulId);
    expect(outcomeOf(await c.send('simul:join', { name: '' }))).toBe('name-invalid');
    expect(outcomeOf(await c.send('simul:join', { name: 'Squat 6' }))).toBe('ok');
  });

  it('lets the host remove a squatter and block its network from this simul, at once', async () => {
    await start({});
    const host = await from(null);
    const s = await createSimul(host, { boards: 3 });
    await hello(host, s.simulId, { hostKey: s.hostKey });
    const squatter = await from('203.0.113.50');
    await hello(squatter, s.simulId);
    const seat = await join(squatter, 'Squatter', 1);
    const student = await from('203.0.113.51');
    await hello(student, s.simulId);

    // The squatter's retry leaves in the same turn as the host's command: it must still lose.
    const removed = host.send('simul:command', { type: 'free-seat', board: 1, block: true });
    const retry = squatter.send('simul:join', { name: 'Squatter again', board: 1 });
    expect(outcomeOf(await removed)).toBe('ok');
    expect(outcomeOf(await retry)).toBe('blocked');
    const fresh = await from('203.0.113.50');
    expect(outcomeOf(await fresh.send('simul:hello', { v: 2, simulId: s.simulId, lastSeq: 0, seatToken: seat.seatToken }))).toBe(
      'bad-credentials',
    );
    await hello(fresh, s.simulId);
    expect(outcomeOf(await fresh.send('simul:join', { name: 'Someone else' }))).toBe('blocked');
    // Another network takes the seat; the blocked one may still watch, and join another simul.
    expect((await join(student, 'Student', 1)).board).toBe(1);
    const other = await createSimul(host, { boards: 1 });
    await hello(fresh, other.simulId);
    expect((await join(fresh, 'Elsewhere')).board).toBe(1);
    const freed = server.hub.get(s.simulId)!.log.find((e) => e.type === 'seat-freed');
    expect(freed).toMatchObject({ board: 1, blocked: true });
  });
});

describe('connections', () => {
  it('caps the open connections of one network', async () => {
    await start({ connectionsPerAddress: 3 });
    const ok = [await from('192.0.2.1'), await from('192.0.2.1'), await from('192.0.2.1')];
    expect(ok.every((c) => c.socket.connected)).toBe(true);
    const fourth = new TestClient(server.url, { 'x-forwarded-for': '192.0.2.1' });
    opened.push(fourth);
    expect(await fourth.refusal()).not.toBeNull();
    expect(server.budgets.refused.connectionsRefused).toBe(1);
    expect(await from('192.0.2.2')).toBeTruthy();
    ok[0].close();
    await new Promise((r) => setTimeout(r, 50)); // the server hears the close
    const again = new TestClient(server.url, { 'x-forwarded-for': '192.0.2.1' });
    opened.push(again);
    expect(await again.refusal()).toBeNull();
  });

  it('refuses pages of other sites, and allows the ones configured', async () => {
    await start({}, { allowedOrigins: ['https://school.example.org'] });
    const url = new URL(server.url);
    const cases: [string, boolean][] = [
      ['https://evil.example', false],
      [`http://${url.host}`, true],
      [`http://localhost:${url.port}`, true],
      ['https://school.example.org', true],
      ['null', false],
    ];
    for (const [origin, allowed] of cases) {
      const c = new TestClient(server.url, { origin });
      opened.push(c);
      expect(await c.refusal(), origin).toBe(allowed ? null : 'websocket error');
    }
    expect(server.budgets.refused.originsRefused).toBe(2);
  });

  it('refuses a DNS-rebinding page: an Origin that names the same host as the Host header is not the server\'s own', async () => {
    await start({});
    const url = new URL(server.url);
    const rebind = `rebind.example:${url.port}`;
    const c = new TestClient(server.url, { origin: `http://${rebind}`, host: rebind });
    opened.push(c);
    expect(await c.refusal()).toBe('websocket error');
    expect(server.budgets.refused.originsRefused).toBe(1);
  });

  it('speaks WebSocket only: a long-polling handshake is refused', async () => {
    await start({});
    const polling = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`);
    expect(polling.status).toBe(400);
    const c = new TestClient(server.url);
    opened.push(c);
    expect(await c.refusal()).toBeNull();
  });

  it('counts an IPv6 network by its /64 and this machine as one, when creating simuls', async () => {
    await start({ simulsPerAddressPerHour: 1 });
    const create = async (address: string) =>
      outcomeOf(await (await from(address)).send('simul:create', { title: 'x', boards: 1, hostColor: 'white', mode: 'async' }));
    expect(await create('2001:db8:1:2::1')).toBe('ok');
    expect(await create('2001:db8:1:2::99')).toBe('too-many-simuls');
    expect(await create('2001:db8:1:3::1')).toBe('ok');
    expect(await create('127.0.0.2')).toBe('ok');
    expect(await create('127.0.0.3')).toBe('too-many-simuls');
  });
});

describe('floods', () => {
  it('refuses a flood and then disconnects the flooder; its neighbours keep playing', async () => {
    await start({ commandBurst: 10, commandsPerSecond: 5, floodStrikes: 20 });
    const game = await seatedSimul(clients, { boards: 1, seated: 1, start: true });
    const flooder = await from('192.0.2.66');
    const replies = await Promise.allSettled(
      Array.from({ length: 200 }, () => flooder.socket.timeout(500).emitWithAck('simul:command', { type: 'start' })),
    );
    // Ten are admitted and twenty refused; then the flooder is cut off at once, without waiting
    // for it to read its answers (so how many of those reach it depends on the machine's load).
    const answered = replies.filter((r) => r.status === 'fulfilled');
    expect(answered.length).toBeLessThan(10 + 20 + 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(flooder.socket.connected).toBe(false);
    expect(server.budgets.refused.floodsClosed).toBe(1);
    await command(game.host, { type: 'move', board: 1, from: 'e2', to: 'e4', clientMoveId: 'h1' });
  });

  it('budgets the frames of all connections of one network together', async () => {
    await start({ addressCommandBurst: 30, addressCommandsPerSecond: 1, floodStrikes: 1e6 });
    const sockets = [await from('192.0.2.70'), await from('192.0.2.70'), await from('192.0.2.70')];
    const codes = await Promise.all(
      sockets.flatMap((s) => Array.from({ length: 20 }, () => s.send('simul:command', { type: 'teleport' }).then(outcomeOf))),
    );
    expect(codes.filter((c) => c === 'bad-payload')).toHaveLength(30);
    expect(codes.filter((c) => c === 'rate-limited')).toHaveLength(30);
    const neighbour = await from('192.0.2.71');
    expect(outcomeOf(await neighbour.send('simul:command', { type: 'teleport' }))).toBe('bad-payload');
  });
});

describe('hello replies', () => {
  it('serves a long log in pages, every page budgeted in bytes', async () => {
    await start({ helloByteBurst: 400 * 1024, helloBytesPerSecond: 100 * 1024, commandBurst: 1e9, addressCommandBurst: 1e9 });
    const game = await seatedSimul(clients, { boards: 1, seated: 1, start: true });
    // A long log of small events: draw offers declined, over and over.
    const room = server.hub.get(game.simulId)!;
    for (let i = 0; i < 4000; i++) {
      await command(game.host, { type: 'offer-draw', board: 1 });
      await command(game.opponents[0].client, { type: 'answer-draw', board: 1, accept: false });
    }
    const total = room.log.length;
    const bytes = JSON.stringify(room.log).length;
    expect(bytes).toBeGreaterThan(600 * 1024);

    const reader = await from('192.0.2.80');
    const first = await hello(reader, game.simulId);
    if (first.kind !== 'reset') throw new Error(`a ${first.kind} hello`);
    expect(first.more).toBe(true);
    let seq = first.events.at(-1)!.seq;
    let pages = 1;
    let refusal = null;
    while (seq < total) {
      const reply = await reader.send('simul:hello', { v: 2, simulId: game.simulId, lastSeq: seq });
      if (!reply.ok) {
        refusal = reply.error;
        budgetTime += retryAfterMs(reply.error) ?? 0;
        continue;
      }
      const page = reply as unknown as { events: { seq: number }[]; more: boolean; kind: string };
      expect(page.kind).toBe('delta');
      expect(page.events[0].seq).toBe(seq + 1);
      seq = page.events.at(-1)!.seq;
      expect(page.more).toBe(seq < total);
      pages++;
    }
    expect(pages).toBeGreaterThanOrEqual(2);
    // The second page overdrew the 400 KB burst: refused with when to come back, then served.
    expect(refusal).toMatchObject({ code: 'rate-limited' });
  }, 300_000);
});

describe('slow readers', () => {
  it('closes a connection whose unsent output passes the limit', async () => {
    await start({ helloByteBurst: 1e9, addressHelloByteBurst: 1e9, hellosPerSecond: 1e9, helloBurst: 1e9, commandBurst: 1e9, addressCommandBurst: 1e9, maxOutboundBytes: 1024 * 1024 });
    const game = await seatedSimul(clients, { boards: 1, seated: 1, start: true });
    for (let i = 0; i < 1000; i++) {
      await command(game.host, { type: 'offer-draw', board: 1 });
      await command(game.opponents[0].client, { type: 'answer-draw', board: 1, accept: false });
    }
    const ws = rawSocket(server.url, '192.0.2.90');
    expect(await joined(ws)).toBe(true);
    (ws as unknown as { _socket: { pause(): void } })._socket.pause();
    // Each reply is the whole log (about 170 KB); 200 of them fill every buffer on the way.
    // (A client that does not read does not see the close either: ask the server.)
    for (let i = 0; i < 200; i++) ws.send(`42${i}["simul:hello",{"v":2,"simulId":"${game.simulId}","lastSeq":0}]`);
    while (server.budgets.refused.slowReadersClosed === 0) await new Promise((r) => setTimeout(r, 50));
    expect(server.io.of('/').sockets.size).toBe(2);
    ws.terminate();
    // Everyone else is served as before.
    await command(game.host, { type: 'offer-draw', board: 1 });
  }, 300_000);
});
