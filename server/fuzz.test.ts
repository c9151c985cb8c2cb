// Nothing lost, no one where they don't belong: thousands of generated hostile payloads over
// real sockets, from strangers, spectators and opponents in a lobby (who may do nothing but
// watch). Every acked one is refused with a known code, no simul's log changes, no simul is
// created, Object.prototype stays clean, and the server then still runs a game normally.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SimulEvent } from '../lib/simul/types';
import { DEFAULT_LIMITS, type ServerLimits } from './guards/limits';
import { nextCase, type FuzzCase, type FuzzWorld } from './testing/fuzz-payloads';
import { Prng } from '../lib/random';
import { REJECTION_CODES } from './testing/rejection-codes';
import { Clients, command, hello, join, seatedSimul, type Credential, type SeatedSimul } from './testing/simul-fixture';
import { RAISED_LIMITS, startTestServer, type TestClient } from './testing/test-client';

const SEED = 20_261_125;
const ACK_TIMEOUT_MS = 3_000;
/** Requests per batch a socket sends before it waits for their acks. */
const BATCH = 100;
const FUZZ_LIMITS: ServerLimits = { ...RAISED_LIMITS, commandsPerSecond: 1e9, commandBurst: 1e9, hellosPerSecond: 1e9, helloBurst: 1e9, simulsPerAddressPerHour: 30 };

type Server = Awaited<ReturnType<typeof startTestServer>>;

let server: Server | undefined;
let clients: Clients | undefined;
afterEach(async () => {
  clients?.closeAll();
  await server?.close();
});

/** Who a fuzzing socket is: set up legitimately (and again after each reconnect), never by the fuzz. */
interface Context {
  name: string;
  simulId?: string;
  credential?: Credential;
}

interface Tally {
  payloads: number;
  byCategory: Record<string, number>;
  byCode: Record<string, number>;
  /** Sockets the server closed (oversized payloads, broken packets); each was replaced. */
  reconnects: number;
  failures: string[];
}

function newTally(): Tally {
  return { payloads: 0, byCategory: {}, byCode: {}, reconnects: 0, failures: [] };
}

function count(into: Record<string, number>, key: string): void {
  into[key] = (into[key] ?? 0) + 1;
}

function preview(c: FuzzCase): string {
  const text = c.raw ?? JSON.stringify([c.event, ...c.args]) ?? String(c.args);
  return `${c.category}: ${text.slice(0, 160)}`;
}

type AckResult = { reply: unknown } | { error: Error };

async function emitWithAck(client: TestClient, event: string, args: unknown[]): Promise<AckResult> {
  const socket = client.socket.timeout(ACK_TIMEOUT_MS) as unknown as {
    emitWithAck(event: string, ...args: unknown[]): Promise<unknown>;
  };
  try {
    return { reply: await socket.emitWithAck(event, ...args) };
  } catch (error) {
    return { error: error as Error };
  }
}

/** A refusal's params: a flat object with at least one field, each a number or a string. */
function isParams(params: unknown): boolean {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return false;
  const values = Object.values(params);
  return values.length > 0 && values.every((v) => typeof v === 'number' || typeof v === 'string');
}

/** What is wrong with a reply to a payload that must be refused, or null when nothing is. */
function problemWith(reply: unknown, expected: 'bad-payload' | 'refused', rateLimits: 'raised' | 'default'): string | null {
  const r = reply as { ok?: unknown; error?: { code?: unknown; params?: unknown } };
  const shapeOk =
    typeof reply === 'object' &&
    reply !== null &&
    Object.keys(reply).sort().join() === 'error,ok' &&
    r.ok === false &&
    typeof r.error === 'object' &&
    r.error !== null &&
    ['code', 'code,params'].includes(Object.keys(r.error).sort().join()) &&
    typeof r.error.code === 'string' &&
    (!('params' in r.error) || isParams(r.error.params));
  if (!shapeOk) return `not a refusal: ${JSON.stringify(reply)?.slice(0, 200)}`;
  const code = String(r.error!.code);
  if (!REJECTION_CODES.has(code)) return `unknown code ${code}`;
  if (code === 'internal') return 'the handler threw';
  if (code === 'rate-limited') {
    const wait = (r.error!.params as { retryAfterMs?: unknown } | undefined)?.retryAfterMs;
    if (!(typeof wait === 'number' && wait > 0)) return `rate-limited without a wait: ${JSON.stringify(r.error)}`;
    return rateLimits === 'default' ? null : 'rate-limited with raised limits';
  }
  // A hello without this protocol's version is refused as from an outdated page, which keeps its secrets.
  if (expected === 'bad-payload' && code !== 'bad-payload' && code !== 'outdated-client') return `expected bad-payload, got ${code}`;
  return null;
}

function record(tally: Tally, c: FuzzCase, problem: string | null, code?: string): void {
  if (code) count(tally.byCode, code);
  if (problem) tally.failures.push(`${problem} <- ${preview(c)}`);
}

interface Run {
  server: Server;
  clients: Clients;
  world: FuzzWorld;
  rateLimits: 'raised' | 'default';
  /** Called after every batch (the default-limits run moves the clock so tokens come back). */
  afterBatch?: () => void;
}

async function connectAs(run: Run, ctx: Context): Promise<TestClient> {
  const client = await run.clients.connect();
  if (ctx.simulId) await hello(client, ctx.simulId, ctx.credential);
  return client;
}

/** Sends an oversized payload or a broken packet; false when the server closed the socket. */
async function sendDisruptive(run: Run, client: TestClient, c: FuzzCase, tally: Tally): Promise<boolean> {
  if (c.expect.kind === 'disconnect') {
    const result = await emitWithAck(client, c.event, c.args);
    if ('reply' in result) record(tally, c, `an oversized payload was answered: ${JSON.stringify(result.reply)}`);
    else if (client.socket.connected) record(tally, c, `no reply and no disconnect: ${result.error.message}`);
    return false;
  }
  // A broken packet: the server either ignores it or closes the socket. A probe tells which.
  (client.socket.io.engine as unknown as { write(data: string): void }).write(c.raw!);
  const probe = await emitWithAck(client, 'simul:command', [{ type: 'teleport' }]);
  if ('reply' in probe) {
    const problem = problemWith(probe.reply, 'bad-payload', run.rateLimits);
    record(tally, c, problem && `probe after the packet: ${problem}`);
    return true;
  }
  if (client.socket.connected) record(tally, c, `probe timed out on a live socket: ${probe.error.message}`);
  return false;
}

async function sendPlain(run: Run, client: TestClient, c: FuzzCase, tally: Tally): Promise<void> {
  if (c.expect.kind === 'no-ack') {
    (client.socket as unknown as { emit(event: string, ...args: unknown[]): void }).emit(c.event, ...c.args);
    return;
  }
  if (c.expect.kind !== 'ack') throw new Error(`not a plain case: ${c.expect.kind}`);
  const result = await emitWithAck(client, c.event, c.args);
  if ('error' in result) return record(tally, c, `no reply: ${result.error.message}`);
  const code = (result.reply as { error?: { code?: string } })?.error?.code;
  record(tally, c, problemWith(result.reply, c.expect.code, run.rateLimits), code);
}

/** One socket's share of the fuzz: batches of plain cases, disruptive ones alone at a batch's end. */
async function fuzzSocket(run: Run, ctx: Context, payloads: number, rng: Prng, tally: Tally): Promise<void> {
  let client = await connectAs(run, ctx);
  let sent = 0;
  // Enough failures to read: stop rather than wait out an ack timeout for every later case.
  while (sent < payloads && tally.failures.length < 20) {
    const batch: FuzzCase[] = [];
    let disruptive: FuzzCase | null = null;
    while (!disruptive && batch.length < BATCH && sent + batch.length < payloads) {
      const c = nextCase(rng, run.world);
      if (c.expect.kind === 'disconnect' || c.expect.kind === 'raw') disruptive = c;
      else batch.push(c);
    }
    await Promise.all(batch.map((c) => sendPlain(run, client, c, tally)));
    if (disruptive && !(await sendDisruptive(run, client, disruptive, tally))) {
      client.close();
      client = await connectAs(run, ctx);
      tally.reconnects++;
    }
    for (const c of disruptive ? [...batch, disruptive] : batch) count(tally.byCategory, c.category);
    const n = batch.length + (disruptive ? 1 : 0);
    sent += n;
    tally.payloads += n;
    run.afterBatch?.();
  }
}

interface Targets {
  lobby: SeatedSimul;
  playing: SeatedSimul;
  other: SeatedSimul;
}

/** Three simuls: one in its lobby, one playing, and another lobby for "another simul's socket". */
async function setUpTargets(clients: Clients): Promise<Targets> {
  const lobby = await seatedSimul(clients, { boards: 3, seated: 1 });
  const playing = await seatedSimul(clients, { boards: 2, seated: 2, start: true });
  await command(playing.host, { type: 'move', board: 1, from: 'e2', to: 'e4', clientMoveId: 'setup-1' });
  const other = await seatedSimul(clients, { boards: 2, seated: 1 });
  return { lobby, playing, other };
}

function contextsFor(t: Targets): Context[] {
  return [
    { name: 'stranger' },
    { name: 'another stranger' },
    { name: 'spectator in a lobby', simulId: t.lobby.simulId },
    { name: 'opponent in a lobby', simulId: t.lobby.simulId, credential: { seatToken: t.lobby.opponents[0].seatToken } },
    { name: 'spectator of a game', simulId: t.playing.simulId },
    { name: 'opponent of another simul', simulId: t.other.simulId, credential: { seatToken: t.other.opponents[0].seatToken } },
  ];
}

function worldOf(t: Targets): FuzzWorld {
  return {
    simuls: [t.lobby, t.playing, t.other].map((s) => ({
      simulId: s.simulId,
      hostKey: s.hostKey,
      seatTokens: s.opponents.map((o) => o.seatToken),
    })),
  };
}

interface Snapshot {
  logs: Map<string, SimulEvent[]>;
  simuls: number;
  unfinished: string[];
  broadcastsSeen: number;
}

async function snapshot(server: Server, t: Targets): Promise<Snapshot> {
  const all = [t.lobby, t.playing, t.other];
  // The fan-out follows the acknowledgements at the end of the turn: every host has heard its
  // simul's last event before the snapshot counts what the hosts saw.
  await vi.waitFor(
    () => {
      for (const s of all) expect(s.host.received.at(-1)?.seq).toBe(server.hub.get(s.simulId)!.log.at(-1)!.seq);
    },
    { timeout: 60_000 },
  );
  // The store first: the rest is read in one synchronous step, with nothing in between.
  const unfinished = await server.store.unfinishedSimulIds();
  return {
    logs: new Map(all.map((s) => [s.simulId, structuredClone(server.hub.get(s.simulId)!.log)])),
    simuls: server.hub.size,
    unfinished,
    // Every host's socket sees every broadcast of its simul.
    broadcastsSeen: all.reduce((n, s) => n + s.host.received.length, 0),
  };
}

/** Fuzzes `payloads` cases spread over one socket per context, all at once. */
async function fuzz(run: Run, t: Targets, payloads: number): Promise<Tally> {
  const tally = newTally();
  const contexts = contextsFor(t);
  const each = Math.ceil(payloads / contexts.length);
  await Promise.all(contexts.map((ctx, i) => fuzzSocket(run, ctx, each, new Prng(SEED + i * 7919), tally)));
  return tally;
}

/** The server still runs a whole game: create, join, start and moves, all acked ok. */
async function playsNormally(clients: Clients, t: Targets): Promise<void> {
  const fresh = await seatedSimul(clients, { boards: 2, seated: 1, start: true });
  const alice = fresh.opponents[0];
  const moves: [TestClient, string, string][] = [
    [fresh.host, 'e2', 'e4'],
    [alice.client, 'e7', 'e5'],
    [fresh.host, 'g1', 'f3'],
    [alice.client, 'b8', 'c6'],
  ];
  for (const [i, [client, from, to]] of moves.entries()) {
    expect(await client.send('simul:command', { type: 'move', board: 1, from, to, clientMoveId: `after-${i}` })).toEqual({ ok: true });
  }
  const last = await fresh.host.waitFor((e) => e.type === 'move-made' && e.clientMoveId === 'after-3');
  expect(last).toMatchObject({ san: 'Nc6', by: 'opponent' });
  // The fuzzed simuls go on too: a late joiner in the lobby, the next move in the game.
  const late = await clients.connect();
  await hello(late, t.lobby.simulId);
  expect((await join(late, 'Late Lucy')).board).toBe(2);
  const reply = await t.playing.opponents[0].client.send('simul:command', {
    type: 'move',
    board: 1,
    from: 'c7',
    to: 'c5',
    clientMoveId: 'after-fuzz',
  });
  expect(reply).toEqual({ ok: true });
}

const PROBED_KEYS = ['polluted', 'isHost', 'role', 'hostKey', 'prototype'];

function prototypeState() {
  const probe = {} as Record<string, unknown>;
  return {
    names: Object.getOwnPropertyNames(Object.prototype).sort(),
    symbols: Object.getOwnPropertySymbols(Object.prototype).length,
    probed: PROBED_KEYS.map((k) => probe[k]),
  };
}

describe('fuzzing the socket protocol', () => {
  it('refuses 10,000 hostile payloads at raised rate limits and changes nothing', async () => {
    const started = Date.now();
    const protoBefore = prototypeState();
    server = await startTestServer({ limits: FUZZ_LIMITS });
    clients = new Clients(server.url);
    const targets = await setUpTargets(clients);
    const before = await snapshot(server, targets);

    const tally = await fuzz({ server, clients, world: worldOf(targets), rateLimits: 'raised' }, targets, 10_000);

    expect(tally.failures).toEqual([]);
    expect(tally.payloads).toBeGreaterThanOrEqual(10_000);
    // Every kind of hostile payload was sent, and both the parser and the domain refused some.
    expect(Object.keys(tally.byCategory).sort()).toEqual(
      [
        'deep-nesting', 'extra-arguments', 'extra-field', 'forged-credential', 'huge-array', 'huge-string',
        'invalid-name', 'invalid-title', 'invalid-value', 'missing-field', 'no-payload', 'other-simul-credential', 'oversize',
        'proto-key', 'raw-packet', 'unissued-id', 'unknown-event', 'command-not-allowed', 'wrong-type-field',
        'wrong-type-payload',
      ]
        .flatMap((c) => (['oversize', 'raw-packet', 'unknown-event'].includes(c) ? [c] : [c, `${c} (no ack)`]))
        .sort(),
    );
    // A join to a started simul is no longer refused as already-started while joining stays
    // open (late joiners): its hostile name is refused as name-invalid instead.
    // Who asks is checked first: a student's command for a board not its own (an unknown one
    // too) is refused as not-your-board.
    expect(Object.keys(tally.byCode).sort()).toEqual([
      'already-seated', 'bad-credentials', 'bad-payload', 'name-invalid', 'not-host',
      'not-seated', 'not-started', 'not-your-board', 'outdated-client', 'title-invalid', 'unknown-simul',
    ]);
    expect(tally.byCategory.oversize).toBeGreaterThanOrEqual(20);
    expect(tally.reconnects).toBeGreaterThanOrEqual(tally.byCategory.oversize);

    expect(await snapshot(server, targets)).toEqual(before);
    expect(prototypeState()).toEqual(protoBefore);
    await playsNormally(clients, targets);

    const seconds = (Date.now() - started) / 1000;
    console.log(
      `fuzz (raised limits): ${tally.payloads} payloads, ${tally.reconnects} sockets closed by the server and replaced, ` +
        `${seconds.toFixed(1)} s; codes ${JSON.stringify(tally.byCode)}`,
    );
  }, 300_000);

  it('refuses hostile payloads at the default rate limits too', async () => {
    const protoBefore = prototypeState();
    // The budgets refill on the clock the test moves. Two limits are raised: this test is about
    // the refusals' codes, and a flooding or guessing socket is shown the door (hostile-client.test.ts).
    let budgetTime = 0;
    const limits = { ...DEFAULT_LIMITS, floodStrikes: 1e9, missedLookupsPerMinute: 1e9, simulsPerAddressPerHour: 1e4 };
    server = await startTestServer({ limits, budgetClock: () => budgetTime });
    clients = new Clients(server.url);
    const targets = await setUpTargets(clients);
    const before = await snapshot(server, targets);
    const clock = { advance: (ms: number) => (budgetTime += ms) };

    // A second of server time per batch: a burst is refused, the refilled tokens reach the parser.
    const tally = await fuzz(
      { server, clients, world: worldOf(targets), rateLimits: 'default', afterBatch: () => clock.advance(1000) },
      targets,
      1_500,
    );

    expect(tally.failures).toEqual([]);
    expect(tally.payloads).toBeGreaterThanOrEqual(1_500);
    expect(tally.byCode['rate-limited']).toBeGreaterThan(100);
    expect(tally.byCode['bad-payload']).toBeGreaterThan(100);
    expect(await snapshot(server, targets)).toEqual(before);
    expect(prototypeState()).toEqual(protoBefore);
    clock.advance(60_000);
    await playsNormally(clients, targets);
    console.log(`fuzz (default limits): ${tally.payloads} payloads; codes ${JSON.stringify(tally.byCode)}`);
  });
});
