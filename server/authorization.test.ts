// The authorisation matrix: every command from every kind of socket, each cell against a
// fresh simul A set up in the phase where the command can succeed for someone. A cell that is
// allowed changes A's log by exactly the expected events; a refused one changes nothing, and
// carries the exact code. Simul B is another simul whose credentials must grant nothing on A.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HelloReply } from '../lib/protocol/events';
import type { EventType, SimulEvent } from '../lib/simul/types';
import {
  Clients,
  command,
  hello,
  outcomeOf,
  seatedSimul,
  type SeatedSimul,
} from './testing/simul-fixture';
import { startTestServer, type TestClient } from './testing/test-client';
import { holdCommits } from './testing/hold-commits';

type Server = Awaited<ReturnType<typeof startTestServer>>;

let server: Server;
let shared: Clients;
let clients: Clients;
/** Simul B: in its lobby, board 1 seated. Its opponent's socket is the "other simul" role. */
let b: SeatedSimul;

beforeAll(async () => {
  server = await startTestServer();
  shared = new Clients(server.url);
  b = await seatedSimul(shared, { boards: 2, seated: 1 });
});
afterAll(async () => {
  shared.closeAll();
  await server.close();
});
beforeEach(() => {
  clients = new Clients(server.url);
});
afterEach(() => clients.closeAll());

const logOf = (simulId: string): SimulEvent[] => structuredClone(server.hub.get(simulId)!.log);

// --- Simul A's phases: each is where the commands of one column can succeed. ---------------

type Phase =
  | 'lobby'
  | 'lobby-closed'
  | 'playing'
  | 'opponent-to-move'
  | 'opponent-moved'
  | 'draw-offered'
  | 'seat-reissued'
  | 'repetition'
  | 'paused'
  | 'takeback-requested'
  | 'board-1-over';

/**
 * Simul A: three boards, the host white, boards 1 and 2 seated, board 3 free. In 'repetition'
 * its draws are claimed, and board 1's first position has come a third time, the host to move.
 */
async function simulA(phase: Phase): Promise<SeatedSimul> {
  const inLobby = phase === 'lobby' || phase === 'lobby-closed';
  const drawRules = phase === 'repetition' ? ('claimed' as const) : undefined;
  const a = await seatedSimul(clients, { boards: 3, seated: 2, hostColor: 'white', start: !inLobby, drawRules });
  if (phase === 'lobby-closed') await command(a.host, { type: 'close-joining' });
  if (phase === 'opponent-to-move' || phase === 'opponent-moved' || phase === 'takeback-requested') {
    await command(a.host, { type: 'move', board: 1, from: 'e2', to: 'e4', clientMoveId: 'h1' });
  }
  if (phase === 'opponent-moved' || phase === 'takeback-requested') {
    await command(a.opponents[0].client, { type: 'move', board: 1, from: 'e7', to: 'e5', clientMoveId: 'o1' });
  }
  if (phase === 'takeback-requested') await command(a.opponents[0].client, { type: 'request-takeback', board: 1 });
  if (phase === 'paused') await command(a.host, { type: 'pause' });
  if (phase === 'board-1-over') await command(a.opponents[0].client, { type: 'resign', board: 1 });
  if (phase === 'draw-offered') await command(a.host, { type: 'offer-draw', board: 1 });
  // The seat token the fixture keeps for board 1 is now the replaced one.
  if (phase === 'seat-reissued') await command(a.host, { type: 'reissue-seat', board: 1 });
  if (phase === 'repetition') {
    const knights = [['g1', 'f3'], ['g8', 'f6'], ['f3', 'g1'], ['f6', 'g8']];
    for (let i = 0; i < 8; i++) {
      const [from, to] = knights[i % 4];
      await command(i % 2 === 0 ? a.host : a.opponents[0].client, { type: 'move', board: 1, from, to, clientMoveId: `r${i}` });
    }
  }
  return a;
}

// --- The roles: who sends the command. -------------------------------------------------------

const ROLES = ['host', 'opponent', 'other opponent', 'spectator', 'stranger', 'other simul'] as const;
type Role = (typeof ROLES)[number];

async function socketFor(role: Role, a: SeatedSimul): Promise<TestClient> {
  switch (role) {
    case 'host':
      return a.host;
    case 'opponent': // board 1, the board every command below names
      return a.opponents[0].client;
    case 'other opponent': // board 2
      return a.opponents[1].client;
    case 'spectator': {
      const c = await clients.connect();
      await hello(c, a.simulId);
      return c;
    }
    case 'stranger':
      return clients.connect();
    case 'other simul': {
      // Sits at B's board 1 with a valid token of B; presenting that token to A is refused,
      // so every command it sends reaches B (in its lobby) and never A.
      const c = await clients.connect();
      await hello(c, b.simulId, { seatToken: b.opponents[0].seatToken });
      const onA = await c.send('simul:hello', { v: 2, simulId: a.simulId, lastSeq: 0, seatToken: b.opponents[0].seatToken });
      expect(outcomeOf(onA)).toBe('bad-credentials');
      return c;
    }
  }
}

// --- The columns: every command, and hello with every kind of credential. -------------------

interface Column {
  phase: Phase;
  event: 'simul:join' | 'simul:command' | 'simul:hello';
  payload: (a: SeatedSimul) => object;
  /** The events an allowed command appends to A's log. */
  emits?: EventType[];
}

const cmd = (phase: Phase, payload: object, emits: EventType[]): Column => ({
  phase,
  event: 'simul:command',
  payload: () => payload,
  emits,
});
const helloWith = (phase: Phase, credential: (a: SeatedSimul) => object): Column => ({
  phase,
  event: 'simul:hello',
  payload: (a) => ({ v: 2, simulId: a.simulId, lastSeq: 0, ...credential(a) }),
});
const move = (from: string, to: string) => ({ type: 'move', board: 1, from, to, clientMoveId: 'cell-move' });

const COLUMNS = {
  join: { phase: 'lobby', event: 'simul:join', payload: () => ({ name: 'Zed' }), emits: ['seat-taken'] },
  'seat-bot': cmd('lobby', { type: 'seat-bot', board: 3, name: 'Bot 3', bot: { strength: 'random', think: { meanMs: 1000, spreadMs: 0 } } }, ['seat-taken']),
  'free-seat': cmd('lobby', { type: 'free-seat', board: 1 }, ['seat-freed']),
  'reissue-seat': cmd('playing', { type: 'reissue-seat', board: 1 }, ['seat-reissued']),
  'close-joining': cmd('lobby', { type: 'close-joining' }, ['joining-closed']),
  'open-joining': cmd('lobby-closed', { type: 'open-joining' }, ['joining-opened']),
  start: cmd('lobby', { type: 'start' }, ['simul-started', 'game-started', 'game-started']),
  "move (host's turn)": cmd('playing', move('e2', 'e4'), ['move-made']),
  "move (opponent's turn)": cmd('opponent-to-move', move('e7', 'e5'), ['move-made']),
  resign: cmd('playing', { type: 'resign', board: 1 }, ['game-ended']),
  'offer-draw': cmd('playing', { type: 'offer-draw', board: 1 }, ['draw-offered']),
  'answer-draw (host offered)': cmd('draw-offered', { type: 'answer-draw', board: 1, accept: true }, ['game-ended']),
  'claim-draw (host to move)': cmd('repetition', { type: 'claim-draw', board: 1 }, ['game-ended']),
  // The room's own commands, on its timers: no client can send them.
  'time-out': cmd('playing', { type: 'time-out', board: 1 }, []),
  'resume-clocks': cmd('playing', { type: 'resume-clocks', downSince: 0 }, []),
  focus: cmd('playing', { type: 'focus', board: 2 }, ['host-focused']),
  'abort-game': cmd('playing', { type: 'abort-game', board: 1 }, ['game-aborted']),
  'end-simul': cmd('playing', { type: 'end-simul' }, ['game-aborted', 'game-aborted', 'simul-finished']),
  pause: cmd('playing', { type: 'pause' }, ['simul-paused']),
  resume: cmd('paused', { type: 'resume' }, ['simul-resumed']),
  'take-back (host moved)': cmd('opponent-to-move', { type: 'take-back', board: 1 }, ['takeback-accepted']),
  'request-takeback (opponent moved)': cmd('opponent-moved', { type: 'request-takeback', board: 1 }, ['takeback-requested']),
  'answer-takeback (requested)': cmd('takeback-requested', { type: 'answer-takeback', board: 1, accept: true }, ['takeback-accepted']),
  'rematch (board 1 over)': cmd('board-1-over', { type: 'rematch', board: 1, swapColors: true }, ['game-restarted']),
  'hello, host key': helloWith('lobby', (a) => ({ hostKey: a.hostKey })),
  'hello, seat token': helloWith('lobby', (a) => ({ seatToken: a.opponents[0].seatToken })),
  'hello, no credential': helloWith('lobby', () => ({})),
  'hello, forged token': helloWith('lobby', () => ({ seatToken: 'F'.repeat(32) })),
  'hello, replaced seat token': helloWith('seat-reissued', (a) => ({ seatToken: a.opponents[0].seatToken })),
  "hello, other simul's host key": helloWith('lobby', () => ({ hostKey: b.hostKey })),
  "hello, other simul's seat token": helloWith('lobby', () => ({ seatToken: b.opponents[0].seatToken })),
} satisfies Record<string, Column>;

type ColumnName = keyof typeof COLUMNS;

// --- The matrix. 'ok' is allowed; a hello that is allowed names the role it grants. -------------

const NH = 'not-host';
const US = 'unknown-simul';
const BC = 'bad-credentials';
const BP = 'bad-payload';

//                                        host              opponent (b1)     other opp. (b2)   spectator         stranger  other simul
const MATRIX: Record<ColumnName, readonly [string, string, string, string, string, string]> = {
  join:                                 ['already-seated', 'already-seated', 'already-seated', 'ok',             US,       'already-seated'],
  'seat-bot':                           ['ok',             NH,               NH,               NH,               US,       NH],
  'free-seat':                          ['ok',             NH,               NH,               NH,               US,       NH],
  'reissue-seat':                       ['ok',             NH,               NH,               NH,               US,       NH],
  'close-joining':                      ['ok',             NH,               NH,               NH,               US,       NH],
  'open-joining':                       ['ok',             NH,               NH,               NH,               US,       NH],
  start:                                ['ok',             NH,               NH,               NH,               US,       NH],
  "move (host's turn)":                 ['ok',             'not-your-turn',  'not-your-board', 'not-seated',     US,       'not-started'],
  "move (opponent's turn)":             ['not-your-turn',  'ok',             'not-your-board', 'not-seated',     US,       'not-started'],
  resign:                               ['ok',             'ok',             'not-your-board', 'not-seated',     US,       'not-started'],
  'offer-draw':                         ['ok',             'ok',             'not-your-board', 'not-seated',     US,       'not-started'],
  'answer-draw (host offered)':         ['no-draw-offer',  'ok',             'not-your-board', 'not-seated',     US,       'not-started'],
  'claim-draw (host to move)':          ['ok',             'not-your-turn',  'not-your-board', 'not-seated',     US,       'not-started'],
  'time-out':                           [BP,               BP,               BP,               BP,               BP,       BP],
  'resume-clocks':                      [BP,               BP,               BP,               BP,               BP,       BP],
  focus:                                ['ok',             NH,               NH,               NH,               US,       NH],
  'abort-game':                         ['ok',             NH,               NH,               NH,               US,       NH],
  'end-simul':                          ['ok',             NH,               NH,               NH,               US,       NH],
  pause:                                ['ok',             NH,               NH,               NH,               US,       NH],
  resume:                               ['ok',             NH,               NH,               NH,               US,       NH],
  'take-back (host moved)':             ['ok',             NH,               NH,               NH,               US,       NH],
  'request-takeback (opponent moved)':  ['students-only',  'ok',             'not-your-board', 'students-only',  US,       'not-started'],
  'answer-takeback (requested)':        ['ok',             NH,               NH,               NH,               US,       NH],
  'rematch (board 1 over)':             ['ok',             'rematch-host-only', 'not-your-board', 'not-seated',  US,       'rematch-host-only'],
  'hello, host key':                    ['host',           'host',           'host',           'host',           'host',   'host'],
  'hello, seat token':                  ['opponent 1',     'opponent 1',     'opponent 1',     'opponent 1',     'opponent 1', 'opponent 1'],
  'hello, no credential':               ['spectator',      'spectator',      'spectator',      'spectator',      'spectator', 'spectator'],
  'hello, forged token':                [BC,               BC,               BC,               BC,               BC,       BC],
  'hello, replaced seat token':         [BC,               BC,               BC,               BC,               BC,       BC],
  "hello, other simul's host key":      [BC,               BC,               BC,               BC,               BC,       BC],
  "hello, other simul's seat token":    [BC,               BC,               BC,               BC,               BC,       BC],
};

const CELLS = (Object.keys(MATRIX) as ColumnName[]).flatMap((column) =>
  ROLES.map((role, i) => ({ column, role, expected: MATRIX[column][i] })),
);

/** A hello's outcome as the matrix writes it: the role it grants, or the refusal's code. */
function helloOutcome(reply: Awaited<ReturnType<TestClient['send']>>): string {
  if (!reply.ok) return reply.error.code;
  const granted = reply as unknown as HelloReply;
  return granted.role === 'opponent' ? `opponent ${granted.board}` : granted.role;
}

describe('the authorisation matrix', () => {
  it('has a cell for every command and role', () => {
    expect(CELLS).toHaveLength(31 * 6);
    expect(CELLS.filter((c) => c.expected === 'ok')).toHaveLength(24);
  });

  it.each(CELLS)('$column from $role: $expected', async ({ column, role, expected }) => {
    const spec: Column = COLUMNS[column];
    const a = await simulA(spec.phase);
    const actor = await socketFor(role, a);
    const aBefore = logOf(a.simulId);
    const bBefore = logOf(b.simulId);

    const reply = await actor.send(spec.event, spec.payload(a));

    if (spec.event === 'simul:hello') {
      expect(helloOutcome(reply)).toBe(expected);
      expect(logOf(a.simulId)).toEqual(aBefore);
    } else {
      expect(outcomeOf(reply)).toBe(expected);
      const appended = logOf(a.simulId).slice(aBefore.length);
      expect(logOf(a.simulId).slice(0, aBefore.length)).toEqual(aBefore);
      expect(appended.map((e) => e.type)).toEqual(expected === 'ok' ? spec.emits : []);
    }
    expect(logOf(b.simulId)).toEqual(bBefore);
  });
});

describe('credentials of one simul on another', () => {
  it("refuses A's host key and seat token on B, and B's on A", async () => {
    const a = await seatedSimul(clients, { boards: 2, seated: 1 });
    const c = await clients.connect();
    const refused = async (simulId: string, credential: object) =>
      outcomeOf(await c.send('simul:hello', { v: 2, simulId, lastSeq: 0, ...credential }));
    expect(await refused(b.simulId, { hostKey: a.hostKey })).toBe(BC);
    expect(await refused(b.simulId, { seatToken: a.opponents[0].seatToken })).toBe(BC);
    expect(await refused(a.simulId, { hostKey: b.hostKey })).toBe(BC);
    expect(await refused(a.simulId, { seatToken: b.opponents[0].seatToken })).toBe(BC);
    // The same credentials are good where they belong.
    expect(helloOutcome(await c.send('simul:hello', { v: 2, simulId: a.simulId, lastSeq: 0, hostKey: a.hostKey }))).toBe('host');
    expect(helloOutcome(await c.send('simul:hello', { v: 2, simulId: b.simulId, lastSeq: 0, hostKey: b.hostKey }))).toBe('host');
  });

  it('leaves a socket as it was after a refused hello: same role, same simul, same broadcasts', async () => {
    const a = await seatedSimul(clients, { boards: 2, seated: 1 });
    const other = await seatedSimul(clients, { boards: 2, seated: 1 });
    // A's host presents the other simul's host key: refused, and still A's host.
    expect(outcomeOf(await a.host.send('simul:hello', { v: 2, simulId: a.simulId, lastSeq: 0, hostKey: other.hostKey }))).toBe(BC);
    expect(await a.host.send('simul:command', { type: 'close-joining' })).toEqual({ ok: true });

    // The other simul's opponent presents its token to A: refused, and it hears only its own simul.
    const outsider = other.opponents[0].client;
    const heardBefore = outsider.received.length;
    expect(outcomeOf(await outsider.send('simul:hello', { v: 2, simulId: a.simulId, lastSeq: 0, seatToken: other.opponents[0].seatToken }))).toBe(BC);
    expect(await a.host.send('simul:command', { type: 'open-joining' })).toEqual({ ok: true });
    expect(await other.host.send('simul:command', { type: 'close-joining' })).toEqual({ ok: true });
    await outsider.waitFor((e) => e.type === 'joining-closed' && e.seq === logOf(other.simulId).length);
    expect(outsider.received.slice(heardBefore)).toEqual([logOf(other.simulId).at(-1)]);
    expect(outcomeOf(await outsider.send('simul:command', { type: 'resign', board: 1 }))).toBe('not-started');
  });
});

describe('a command sent between a seat change and its commit', () => {
  let release = () => {};
  afterEach(() => release());

  it("refuses the old holder's move and resignation once the host re-issued the seat, and changes nothing", async () => {
    const a = await simulA('opponent-to-move');
    const old = a.opponents[0].client;
    const before = logOf(a.simulId);
    release = holdCommits();

    const reissued = a.host.send('simul:command', { type: 'reissue-seat', board: 1 });
    // Decided and in the room's log, not yet durable: the host has no acknowledgement.
    await vi.waitFor(() => expect(logOf(a.simulId)).toHaveLength(before.length + 1), { timeout: 60_000 });
    const moved = old.send('simul:command', move('e7', 'e5'));
    const resigned = old.send('simul:command', { type: 'resign', board: 1 });
    // Refused at once whoever sends it: once it is answered, the two before it have been decided.
    expect(outcomeOf(await old.send('simul:command', { type: 'focus', board: 2 }))).toBe('not-host');
    release();

    expect(outcomeOf(await moved)).toBe('not-seated');
    expect(outcomeOf(await resigned)).toBe('not-seated');
    expect(outcomeOf(await reissued)).toBe('ok');
    expect(logOf(a.simulId).slice(before.length).map((e) => e.type)).toEqual(['seat-reissued']);
  });

  it("refuses the old holder's join once the host freed and blocked the seat in the lobby, and changes nothing", async () => {
    const a = await simulA('lobby');
    const old = a.opponents[0].client;
    const before = logOf(a.simulId);
    release = holdCommits();

    const freed = a.host.send('simul:command', { type: 'free-seat', board: 1, block: true });
    await vi.waitFor(() => expect(logOf(a.simulId)).toHaveLength(before.length + 1), { timeout: 60_000 });
    const joined = old.send('simul:join', { name: 'Back again', board: 1 });
    expect(outcomeOf(await old.send('simul:command', { type: 'focus', board: 2 }))).toBe('not-host');
    release();

    expect(outcomeOf(await joined)).toBe('blocked');
    expect(outcomeOf(await freed)).toBe('ok');
    expect(logOf(a.simulId).slice(before.length).map((e) => e.type)).toEqual(['seat-freed']);
  });
});

describe('secrets on the wire', () => {
  it('never puts a host key or seat token in a broadcast or a hello reply', async () => {
    const inbound: { socket: string; event: string; body: string }[] = [];
    const watch = (name: string, c: TestClient) =>
      c.socket.onAny((event, ...args) => inbound.push({ socket: name, event, body: JSON.stringify(args) }));
    const helloReplies: string[] = [];
    const sayHello = async (c: TestClient, simulId: string, credential: object, lastSeq = 0) => {
      const reply = await c.send('simul:hello', { v: 2, simulId, lastSeq, ...credential });
      expect(reply.ok).toBe(true);
      helloReplies.push(JSON.stringify(reply));
    };

    const a = await seatedSimul(clients, { boards: 4, seated: 3 });
    const [p1, p2, p3] = a.opponents;
    watch('host', a.host);
    a.opponents.forEach((o) => watch(o.name, o.client));
    const spectator = await clients.connect();
    watch('spectator', spectator);
    await sayHello(spectator, a.simulId, {});
    const secrets = [a.hostKey, b.hostKey, b.opponents[0].seatToken, ...a.opponents.map((o) => o.seatToken)];

    // Seat changes: a re-issued seat, a freed seat, a new player on it.
    const reissued = await command(a.host, { type: 'reissue-seat', board: 2 });
    secrets.push(reissued.seatToken as string);
    await command(a.host, { type: 'free-seat', board: 3 });
    const dana = await clients.connect();
    watch('dana', dana);
    await sayHello(dana, a.simulId, {});
    const joined = await dana.send('simul:join', { name: 'Dana', board: 3 });
    secrets.push((joined as unknown as { seatToken: string }).seatToken);

    // Play, then everyone reconnects with a credential and catches up.
    await command(a.host, { type: 'start' });
    await command(a.host, { type: 'move', board: 1, from: 'e2', to: 'e4', clientMoveId: 's1' });
    await command(p1.client, { type: 'move', board: 1, from: 'e7', to: 'e5', clientMoveId: 's2' });
    const lastSeq = logOf(a.simulId).length;
    await spectator.waitFor((e) => e.seq === lastSeq);
    for (const [c, credential] of [
      [a.host, { hostKey: a.hostKey }],
      [p1.client, { seatToken: p1.seatToken }],
      [p2.client, { seatToken: reissued.seatToken }],
      [dana, { seatToken: secrets.at(-1) }],
      [spectator, {}],
    ] as const) {
      await sayHello(c, a.simulId, credential, 0);
      await sayHello(c, a.simulId, credential, 3);
    }

    expect(secrets.every((s) => typeof s === 'string' && s.length >= 16)).toBe(true);
    expect(new Set(secrets).size).toBe(secrets.length);
    expect(inbound.filter((m) => m.event === 'simul:events').length).toBeGreaterThan(20);
    expect(helloReplies).toHaveLength(12);
    for (const secret of secrets) {
      expect(inbound.filter((m) => m.body.includes(secret))).toEqual([]);
      expect(helloReplies.filter((r) => r.includes(secret))).toEqual([]);
    }
    // The replaced seat's socket was told, with the board and why, nothing secret.
    expect(inbound.filter((m) => m.event === 'simul:revoked')).toEqual([
      { socket: p2.name, event: 'simul:revoked', body: '[{"board":2,"reason":"reissued"}]' },
      { socket: p3.name, event: 'simul:revoked', body: '[{"board":3,"reason":"freed"}]' },
    ]);
    expect(p3.client.socket.connected).toBe(true);
  });
});
