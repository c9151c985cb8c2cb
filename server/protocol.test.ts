// The wire protocol against a real server on a free port, with real socket.io-client sockets.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from './guards/limits';
import { startTestServer, TestClient } from './testing/test-client';
import type { TextProblem } from '../lib/simul/display-text';

type Server = Awaited<ReturnType<typeof startTestServer>>;

let server: Server;
const clients: TestClient[] = [];

beforeEach(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server.close();
});

async function client(): Promise<TestClient> {
  const c = new TestClient(server.url);
  clients.push(c);
  return c.connected();
}

async function createSimul(opts: Partial<{ boards: number; mode: string; hostColor: string }> = {}) {
  const host = await client();
  const created = await host.send('simul:create', {
    title: 'Period 3',
    boards: opts.boards ?? 3,
    hostColor: opts.hostColor ?? 'white',
    mode: opts.mode ?? 'async',
  });
  expect(created.ok).toBe(true);
  const { simulId, hostKey, joinCode } = created as unknown as { simulId: string; hostKey: string; joinCode: string };
  const hello = await host.send('simul:hello', { v: 2, simulId, lastSeq: 0, hostKey });
  expect(hello).toMatchObject({ ok: true, role: 'host' });
  return { host, simulId, hostKey, joinCode };
}

async function joinAs(simulId: string, name: string) {
  const c = await client();
  expect(await c.send('simul:hello', { v: 2, simulId, lastSeq: 0 })).toMatchObject({ ok: true, role: 'spectator' });
  const joined = (await c.send('simul:join', { name })) as unknown as { ok: boolean; board: number; seatToken: string };
  expect(joined.ok).toBe(true);
  return { client: c, board: joined.board, seatToken: joined.seatToken };
}

let moveId = 0;
function move(board: number, from: string, to: string, extra: object = {}) {
  return { type: 'move', board, from, to, clientMoveId: `m${++moveId}`, ...extra };
}

describe('the simul protocol', () => {
  it('creates, seats, starts and plays, broadcasting the events to everyone watching', async () => {
    const { host, simulId, joinCode } = await createSimul();
    expect(joinCode).toMatch(/^\d{6}$/);
    const alice = await joinAs(simulId, 'Alice');
    const bob = await joinAs(simulId, 'Bob');
    expect([alice.board, bob.board]).toEqual([1, 2]);
    const watcher = await client();
    await watcher.send('simul:hello', { v: 2, simulId, lastSeq: 0 });

    expect(await host.send('simul:command', { type: 'start' })).toEqual({ ok: true });
    await watcher.waitFor((e) => e.type === 'simul-started');

    expect(await host.send('simul:command', move(1, 'e2', 'e4'))).toEqual({ ok: true });
    const seen = await alice.client.waitFor((e) => e.type === 'move-made' && e.board === 1);
    expect(seen).toMatchObject({ by: 'host', san: 'e4' });
    expect(await alice.client.send('simul:command', move(1, 'e7', 'e5'))).toEqual({ ok: true });
    await watcher.waitFor((e) => e.type === 'move-made' && e.san === 'e5');

    // Nothing secret is ever broadcast.
    const wire = JSON.stringify(watcher.received);
    expect(wire).not.toContain(alice.seatToken);
    expect(wire).not.toContain('hostKey');
  });

  it('refuses bad moves with a code and changes nothing', async () => {
    const { host, simulId } = await createSimul();
    const alice = await joinAs(simulId, 'Alice');
    const bob = await joinAs(simulId, 'Bob');
    const watcher = await client();
    await watcher.send('simul:hello', { v: 2, simulId, lastSeq: 0 });
    await host.send('simul:command', { type: 'start' });

    const code = async (c: TestClient, payload: unknown) => {
      const res = await c.send('simul:command', payload);
      return res.ok ? 'ok' : res.error.code;
    };
    expect(await code(alice.client, move(1, 'e7', 'e5'))).toBe('not-your-turn');
    expect(await code(host, move(1, 'e2', 'e5'))).toBe('illegal-move');
    expect(await code(bob.client, move(1, 'e2', 'e4'))).toBe('not-your-board');
    expect(await code(watcher, move(1, 'e2', 'e4'))).toBe('not-seated');
    expect(await code(alice.client, { type: 'start' })).toBe('not-host');
    expect(await code(host, move(9, 'e2', 'e4'))).toBe('unknown-board');
    expect(await code(host, { type: 'move', board: 1, from: 'e2', to: 'e4' })).toBe('bad-payload');
    expect(await code(host, { type: 'move', board: '1', from: 'e2', to: 'e4', clientMoveId: 'x' })).toBe('bad-payload');
    expect(await code(host, { ...move(1, 'e2', 'e4'), extra: true })).toBe('bad-payload');
    expect(await code(host, { type: 'teleport' })).toBe('bad-payload');
    expect(await code(host, null)).toBe('bad-payload');
    expect(watcher.received.filter((e) => e.type === 'move-made')).toHaveLength(0);

    // The server still serves everyone.
    expect(await code(host, move(1, 'e2', 'e4'))).toBe('ok');
  });

  it('refuses unknown simuls, spoofed keys and tokens', async () => {
    const { simulId } = await createSimul();
    const c = await client();
    expect(await c.send('simul:hello', { v: 2, simulId: 'nosuchsimul', lastSeq: 0 })).toMatchObject({
      ok: false,
      error: { code: 'unknown-simul' },
    });
    const spoof = 'A'.repeat(32);
    expect(await c.send('simul:hello', { v: 2, simulId, lastSeq: 0, hostKey: spoof })).toMatchObject({
      error: { code: 'bad-credentials' },
    });
    expect(await c.send('simul:hello', { v: 2, simulId, lastSeq: 0, seatToken: spoof })).toMatchObject({
      error: { code: 'bad-credentials' },
    });
  });

  it('keeps names unique and refuses joining a full or closed simul', async () => {
    const { host, simulId } = await createSimul({ boards: 2 });
    await joinAs(simulId, 'Alice');
    const dup = await client();
    await dup.send('simul:hello', { v: 2, simulId, lastSeq: 0 });
    expect(await dup.send('simul:join', { name: '  alice ' })).toMatchObject({ error: { code: 'name-taken' } });
    expect(await dup.send('simul:join', { name: 'x'.repeat(41) })).toMatchObject({ error: { code: 'name-invalid' } });
    expect(await host.send('simul:command', { type: 'close-joining' })).toEqual({ ok: true });
    expect(await dup.send('simul:join', { name: 'Carol' })).toMatchObject({ error: { code: 'joining-closed' } });
    await host.send('simul:command', { type: 'open-joining' });
    await joinAs(simulId, 'Dan');
    expect(await dup.send('simul:join', { name: 'Erin' })).toMatchObject({ error: { code: 'simul-full' } });
  });

  it('returns a reopened join link to the same seat, and the host can free it', async () => {
    const { host, simulId } = await createSimul();
    const alice = await joinAs(simulId, 'Alice');
    const again = await client();
    expect(await again.send('simul:hello', { v: 2, simulId, lastSeq: 0, seatToken: alice.seatToken })).toMatchObject({
      ok: true,
      role: 'opponent',
      board: alice.board,
    });
    expect(await host.send('simul:command', { type: 'free-seat', board: alice.board })).toEqual({ ok: true });
    expect(await again.send('simul:hello', { v: 2, simulId, lastSeq: 0, seatToken: alice.seatToken })).toMatchObject({
      error: { code: 'bad-credentials' },
    });
  });

  it('catches a reconnecting client up from its last sequence number', async () => {
    const { host, simulId } = await createSimul();
    const alice = await joinAs(simulId, 'Alice');
    await host.send('simul:command', { type: 'start' });
    const seqBefore = (await alice.client.waitFor((e) => e.type === 'game-started')).seq;
    alice.client.close();

    await host.send('simul:command', move(1, 'd2', 'd4'));
    const back = await client();
    const hello = (await back.send('simul:hello', {
      v: 2,
      simulId,
      lastSeq: seqBefore,
      seatToken: alice.seatToken,
    })) as unknown as { ok: true; events: { seq: number; type: string }[]; kind: string };
    expect(hello.kind).toBe('delta');
    expect(hello.events.map((e) => e.type)).toEqual(['move-made']);
    expect(hello.events[0].seq).toBe(seqBefore + 1);

    // A client ahead of the server's log (it saw another life of it) gets the whole log.
    const ahead = (await back.send('simul:hello', { v: 2, simulId, lastSeq: 999, seatToken: alice.seatToken })) as unknown as {
      kind: string;
      events: unknown[];
    };
    expect(ahead.kind).toBe('reset');
    expect(ahead.events.length).toBe(seqBefore + 1);
  });

  it('gives a client that wants only the state a snapshot instead of the log', async () => {
    const { host, simulId } = await createSimul();
    const alice = await joinAs(simulId, 'Alice');
    await host.send('simul:command', { type: 'start' });
    await host.send('simul:command', move(1, 'e2', 'e4'));
    await alice.client.waitFor((e) => e.type === 'move-made');

    const phone = await client();
    const fresh = (await phone.send('simul:hello', { v: 2, simulId, lastSeq: 0, seatToken: alice.seatToken, want: 'state' })) as unknown as {
      events: unknown[];
      kind: string;
      snapshot: { seq: number; boards: { number: number; fen: string; moveCount: number }[] };
    };
    const room = server.hub.get(simulId)!;
    expect(fresh.kind).toBe('snapshot');
    expect(fresh.events).toBeUndefined();
    expect(fresh.snapshot.seq).toBe(room.state.seq);
    expect(fresh.snapshot.boards.find((b) => b.number === 1)).toMatchObject({
      fen: room.state.boards.get(1)!.chess.fen(),
      moveCount: 1,
    });
    expect(JSON.stringify(fresh)).not.toContain(alice.seatToken);

    // A client just a few events behind still gets those events.
    const behind = (await phone.send('simul:hello', { v: 2, simulId, lastSeq: room.state.seq - 1, want: 'state' })) as unknown as {
      events: { type: string }[];
      snapshot?: unknown;
      kind: string;
    };
    expect(behind.kind).toBe('delta');
    expect(behind.snapshot).toBeUndefined();
    expect(behind.events.map((e) => e.type)).toEqual(['move-made']);
  });

  it('applies a resent move with the same client move id once', async () => {
    const { host, simulId } = await createSimul();
    const alice = await joinAs(simulId, 'Alice');
    await host.send('simul:command', { type: 'start' });
    const m = move(1, 'e2', 'e4');
    expect(await host.send('simul:command', m)).toEqual({ ok: true });
    expect(await host.send('simul:command', m)).toEqual({ ok: true });
    await alice.client.send('simul:command', move(1, 'c7', 'c5'));
    await alice.client.waitFor((e) => e.type === 'move-made' && e.san === 'c5');
    expect(alice.client.received.filter((e) => e.type === 'move-made').map((e) => (e as { san: string }).san)).toEqual([
      'e4',
      'c5',
    ]);
  });

  it('answers a resent command with its first outcome: a resignation, a draw answer, a focus', async () => {
    const { host, simulId } = await createSimul();
    const alice = await joinAs(simulId, 'Alice');
    await host.send('simul:command', { type: 'start' });
    const offer = { type: 'offer-draw', board: 1, commandId: 'offer-1' };
    expect(await host.send('simul:command', offer)).toEqual({ ok: true });
    expect(await host.send('simul:command', offer)).toEqual({ ok: true });
    const resign = { type: 'resign', board: 1, commandId: 'resign-1' };
    expect(await alice.client.send('simul:command', resign)).toEqual({ ok: true });
    expect(await alice.client.send('simul:command', resign)).toEqual({ ok: true });
    // The same without an id is a new command, and the game is over.
    expect(await alice.client.send('simul:command', { type: 'resign', board: 1 })).toMatchObject({ ok: false, error: { code: 'simul-finished' } });
    const log = server.hub.get(simulId)!.log;
    expect(log.filter((e) => e.type === 'draw-offered')).toHaveLength(1);
    expect(log.filter((e) => e.type === 'game-ended')).toHaveLength(1);
  });

  it('refuses a flood from one socket without slowing the others', async () => {
    const { host, simulId } = await createSimul();
    const flooder = await client();
    await flooder.send('simul:hello', { v: 2, simulId, lastSeq: 0 });
    // A burst of 40 frames (the hello was one), then refusals (a socket that keeps going is cut
    // off: budgets.test.ts).
    const replies = await Promise.all(
      Array.from({ length: 45 }, () => flooder.send('simul:command', { type: 'start' })),
    );
    // Six past the burst; fewer when the machine is slow enough for the budget to refill while
    // the frames arrive (20 a second): the exact count belongs to budgets.test.ts's own clock.
    const refused = replies.filter((r) => !r.ok && r.error.code === 'rate-limited').length;
    expect(refused).toBeGreaterThanOrEqual(1);
    expect(refused).toBeLessThanOrEqual(6);
    expect(await host.send('simul:command', { type: 'close-joining' })).toEqual({ ok: true });
  });

  it('limits how many simuls one address creates', async () => {
    const limited = await startTestServer({ limits: { ...DEFAULT_LIMITS, simulsPerAddressPerHour: 2 } });
    const c = new TestClient(limited.url);
    await c.connected();
    const create = () => c.send('simul:create', { title: 'x', boards: 1, hostColor: 'white', mode: 'async' });
    expect((await create()).ok).toBe(true);
    expect((await create()).ok).toBe(true);
    expect(await create()).toMatchObject({ ok: false, error: { code: 'too-many-simuls' } });
    c.close();
    await limited.close();
  });

  it('refuses a title with control or invisible characters, spending none of the hourly budget', async () => {
    const limited = await startTestServer({ limits: { ...DEFAULT_LIMITS, simulsPerAddressPerHour: 1 } });
    const c = new TestClient(limited.url);
    await c.connected();
    const create = (title: string) => c.send('simul:create', { title, boards: 1, hostColor: 'white', mode: 'async' });
    const refused: [string, TextProblem][] = [
      ['Period\u00003', { kind: 'invisible' }],
      ['\u001b[2JPeriod 3', { kind: 'invisible' }],
      ['Period \u202e3', { kind: 'invisible' }],
      ['Period\u200b3', { kind: 'invisible' }],
      ['Period 3\uD800', { kind: 'lone-surrogate' }],
      ['x'.repeat(81), { kind: 'length', max: 80 }],
      ['   ', { kind: 'length', max: 80 }],
    ];
    for (const [title, params] of refused) {
      expect(await create(title), JSON.stringify(title)).toEqual({ ok: false, error: { code: 'title-invalid', params } });
    }
    expect(limited.hub.size).toBe(0);
    // Line breaks fold to a space, as in names; the one creation allowed is still there.
    const created = (await create(' Period\n3 ')) as unknown as { ok: boolean; simulId: string };
    expect(created.ok).toBe(true);
    expect(limited.hub.get(created.simulId)!.log[0]).toMatchObject({ type: 'simul-created', title: 'Period 3' });
    expect(await create('x'.repeat(201))).toMatchObject({ error: { code: 'bad-payload' } });
    c.close();
    await limited.close();
  });

  it("keeps the host's name as the teacher gave it, cleaned as a name; refuses a bad one and creates nothing", async () => {
    const c = new TestClient(server.url);
    await c.connected();
    const create = (hostName: string) => c.send('simul:create', { title: 'Period 3', boards: 1, hostColor: 'white', mode: 'async', hostName });
    const before = server.hub.size;
    expect(await create('Ms.\u200bOkafor')).toEqual({ ok: false, error: { code: 'name-invalid', params: { kind: 'invisible' } } });
    expect(await create('x'.repeat(201))).toMatchObject({ error: { code: 'bad-payload' } });
    expect(server.hub.size).toBe(before);
    const named = (await create(' Ms. Okafor ')) as unknown as { simulId: string };
    expect(server.hub.get(named.simulId)!.log[0]).toMatchObject({ type: 'simul-created', hostName: 'Ms. Okafor' });
    // Left empty: no name, the games say "Host".
    const unnamed = (await create('  ')) as unknown as { simulId: string };
    expect(server.hub.get(unnamed.simulId)!.log[0]).not.toHaveProperty('hostName');
    c.close();
  });

  it('gives hellos, which send the whole log, a small budget of their own', async () => {
    const limited = await startTestServer({ limits: DEFAULT_LIMITS });
    const c = new TestClient(limited.url);
    await c.connected();
    const created = (await c.send('simul:create', { title: 'x', boards: 1, hostColor: 'white', mode: 'async' })) as unknown as {
      simulId: string;
    };
    const replies = await Promise.all(Array.from({ length: 8 }, () => c.send('simul:hello', { v: 2, simulId: created.simulId, lastSeq: 0 })));
    expect(replies.filter((r) => r.ok)).toHaveLength(DEFAULT_LIMITS.helloBurst);
    expect(replies.filter((r) => !r.ok && r.error.code === 'rate-limited')).toHaveLength(8 - DEFAULT_LIMITS.helloBurst);
    // Commands keep their own budget.
    expect(await c.send('simul:command', { type: 'teleport' })).toMatchObject({ error: { code: 'bad-payload' } });
    c.close();
    await limited.close();
  });

  it('redirects a typed join code to its simul', async () => {
    const { simulId, joinCode } = await createSimul();
    const res = await fetch(`${server.url}/j/${joinCode}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/play/${simulId}`);
    const missing = await fetch(`${server.url}/j/999999x`, { redirect: 'manual' });
    expect(missing.headers.get('location')).toContain('missing=1');
  });
});
