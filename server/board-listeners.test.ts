// Protocol v2 on a real server: a seated student's phone hears its own board's events, numbered
// per board, and a coalesced summary of the rest; it catches up by its board's number; a page
// that speaks another version is told to reload.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BoardEvents, HelloReply } from '../lib/protocol/events';
import { boardSummaries, whereTheHostIs, type SimulSummary } from '../lib/simul/summary';
import { QUIET_MS, SUMMARY_EVERY_MS } from './room/room-listeners';
import { SNAPSHOT_AFTER_EVENTS } from './room/hello-replies';
import { Clients, command, outcomeOf, seatedSimul, type SeatedSimul } from './testing/simul-fixture';
import { RAISED_LIMITS, startTestServer, type TestClient } from './testing/test-client';

type Server = Awaited<ReturnType<typeof startTestServer>>;

let server: Server;
let clients: Clients;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  clients = new Clients(server.url);
});
afterEach(() => clients.closeAll());

/** A phone: says hello as its board's listener and records what it hears. */
async function phone(s: SeatedSimul, board: number, boardSeq = 0) {
  const client = await clients.connect();
  const heard = { boards: [] as BoardEvents[], summaries: [] as SimulSummary[], simul: 0 };
  // Summaries come as frames of their own, or riding on the board's frame.
  client.socket.on('board:events', (b) => {
    heard.boards.push(b);
    if (b.summary) heard.summaries.push(b.summary);
  });
  client.socket.on('simul:summary', (sum) => heard.summaries.push(sum));
  client.socket.on('simul:events', () => heard.simul++);
  const reply = await client.send('simul:hello', {
    v: 2,
    simulId: s.simulId,
    lastSeq: 0,
    seatToken: s.opponents[board - 1].seatToken,
    listen: 'board',
    boardSeq,
  });
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  return { client, heard, reply: reply as unknown as HelloReply };
}

const hostMove = (s: SeatedSimul, board: number, from: string, to: string, id: string) =>
  command(s.host, { type: 'move', board, from, to, clientMoveId: id });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The summary says where the host is as the server has it now. */
function expectLatest(summary: SimulSummary | undefined, s: SeatedSimul): void {
  const { boards: _, ...where } = summary!;
  expect(where).toEqual(whereTheHostIs(server.hub.get(s.simulId)!.state));
}

describe('a board listener', () => {
  it('hears only its own board, numbered, and the summary; never the whole stream', async () => {
    const s = await seatedSimul(clients, { boards: 3, seated: 3, start: true, hostColor: 'white' });
    const p2 = await phone(s, 2);
    expect(p2.reply.kind).toBe('snapshot');
    const start = p2.reply.kind === 'snapshot' ? p2.reply.boardSeq! : -1;
    // seat-taken, simul-started, game-started on board 2 so far.
    expect(start).toBe(3);

    await hostMove(s, 1, 'e2', 'e4', 'a');
    await hostMove(s, 3, 'd2', 'd4', 'b');
    await hostMove(s, 2, 'c2', 'c4', 'c');
    await command(s.opponents[1].client, { type: 'move', board: 2, from: 'e7', to: 'e5', clientMoveId: 'd' });
    await sleep(SUMMARY_EVERY_MS + 100);

    expect(p2.heard.simul).toBe(0);
    const events = p2.heard.boards.flatMap((b) => b.events);
    expect(events.every((e) => 'board' in e && e.board === 2)).toBe(true);
    expect(events.map((e) => (e.type === 'move-made' ? e.san : e.type))).toEqual(['c4', 'e5']);
    expect(p2.heard.boards.map((b) => b.from)).toEqual([start + 1, start + 2]);
    // Where the host is, from the summary: board 2's move put it in the host's queue.
    const last = p2.heard.summaries.at(-1)!;
    expect(last.phase).toBe('playing');
    expect(last.queue).toEqual([2]);
    expectLatest(last, s);
  });

  it('hears at most one summary per interval however fast the other boards move', async () => {
    // A sync simul: board 4 waits for its game to begin, and its phone shows which board is played.
    const s = await seatedSimul(clients, { boards: 4, seated: 4, start: true, hostColor: 'black', mode: 'sync' });
    const p4 = await phone(s, 4);
    // Board 1 plays back and forth; board 4's place never changes.
    const moves: [string, string, string, string][] = [
      ['g1', 'f3', 'b8', 'c6'], ['f3', 'g1', 'c6', 'b8'], ['g1', 'f3', 'b8', 'c6'], ['f3', 'g1', 'c6', 'b8'],
    ];
    const started = performance.now();
    for (const [i, [of, ot, hf, ht]] of moves.entries()) {
      await command(s.opponents[0].client, { type: 'move', board: 1, from: of, to: ot, clientMoveId: `o${i}` });
      await hostMove(s, 1, hf, ht, `h${i}`);
    }
    const elapsed = performance.now() - started;
    await sleep(SUMMARY_EVERY_MS + 100);
    const allowed = Math.ceil((elapsed + SUMMARY_EVERY_MS + 100) / SUMMARY_EVERY_MS) + 1;
    expect(p4.heard.summaries.length).toBeGreaterThanOrEqual(1);
    expect(p4.heard.summaries.length).toBeLessThanOrEqual(allowed);
    expectLatest(p4.heard.summaries.at(-1), s);
    expect(p4.heard.boards).toEqual([]);
  });

  it("hears the boards' lines only when they change: where the host is at every change, a game's end with the lines", async () => {
    const s = await seatedSimul(clients, { boards: 3, seated: 3, start: true, hostColor: 'white' });
    const p3 = await phone(s, 3);
    const lines = () => p3.heard.summaries.filter((sum) => sum.boards !== undefined).length;
    for (const [board, id] of [[1, 'a'], [2, 'b'], [3, 'c']] as const) await hostMove(s, board, 'e2', 'e4', id);
    // Board 1 awaits the host, who goes there; board 3 waits behind it (its own frame says so).
    await command(s.opponents[0].client, { type: 'move', board: 1, from: 'e7', to: 'e5', clientMoveId: 'd' });
    await command(s.opponents[2].client, { type: 'move', board: 3, from: 'e7', to: 'e5', clientMoveId: 'e' });
    await sleep(QUIET_MS + 50);
    // Board 2 joins the queue, ahead of board 3 in table order: board 3's phone hears where the
    // host is now, in the interval's frame.
    await command(s.opponents[1].client, { type: 'move', board: 2, from: 'e7', to: 'e5', clientMoveId: 'f' });
    await sleep(SUMMARY_EVERY_MS + 100);
    expectLatest(p3.heard.summaries.at(-1), s);
    expect(p3.heard.summaries.at(-1)!.queue).toEqual([1, 2, 3]);
    // No board's status changed since its hello's answer (the state, every board's line in it):
    // the summaries since said only where the host is (the lines cost most of a summary's bytes).
    expect(p3.heard.summaries.length).toBeGreaterThanOrEqual(2);
    expect(lines()).toBe(0);
    // Board 2's student resigns: the next summary carries the lines, board 2 finished.
    await command(s.opponents[1].client, { type: 'resign', board: 2 });
    await sleep(SUMMARY_EVERY_MS + 100);
    expect(lines()).toBe(1);
    const withLines = p3.heard.summaries.at(-1)!;
    expect(withLines.boards).toEqual(boardSummaries(server.hub.get(s.simulId)!.state));
    expect(withLines.boards![1]).toMatchObject({ board: 2, status: 'finished', result: '1-0' });
    expect(withLines.boards![1].moves).toBeUndefined();
  });

  it('hears no interval summary while its student is to move; its own move brings the latest', async () => {
    const s = await seatedSimul(clients, { boards: 3, seated: 3, start: true, hostColor: 'black' });
    const p3 = await phone(s, 3);
    // Board 3's student is to move (White); boards 1 and 2 play.
    for (const board of [1, 2]) {
      await command(s.opponents[board - 1].client, { type: 'move', board, from: 'e2', to: 'e4', clientMoveId: `o${board}` });
      await hostMove(s, board, 'e7', 'e5', `h${board}`);
    }
    await sleep(SUMMARY_EVERY_MS + QUIET_MS + 100);
    expect(p3.heard.summaries).toEqual([]);
    await command(s.opponents[2].client, { type: 'move', board: 3, from: 'd2', to: 'd4', clientMoveId: 'o3' });
    await sleep(50);
    const frame = p3.heard.boards.at(-1)!;
    expectLatest(frame.summary, s);
    expect(frame.summary?.queue).toContain(3);
  });

  it('hears no interval summary while the host is at its board: its phone says only that', async () => {
    const s = await seatedSimul(clients, { boards: 2, seated: 2, start: true, hostColor: 'black' });
    const p1 = await phone(s, 1);
    // Board 1's student moves: the host goes there (its own frame says so).
    await command(s.opponents[0].client, { type: 'move', board: 1, from: 'e2', to: 'e4', clientMoveId: 'a' });
    await sleep(QUIET_MS + 50);
    const heard = p1.heard.summaries.length;
    expect(p1.heard.summaries.at(-1)!.focus).toBe(1);
    // Board 2 joins the queue behind it: nothing board 1's phone shows changes.
    await command(s.opponents[1].client, { type: 'move', board: 2, from: 'e2', to: 'e4', clientMoveId: 'b' });
    await sleep(SUMMARY_EVERY_MS + QUIET_MS + 100);
    expect(p1.heard.summaries.length).toBe(heard);
    // The host moves there: its student is to move, which the board's own event says; nothing of
    // where the host went comes with it, then or later.
    await hostMove(s, 1, 'e7', 'e5', 'c');
    await sleep(SUMMARY_EVERY_MS + QUIET_MS + 100);
    expect(p1.heard.boards.at(-1)!.events.some((e) => e.type === 'move-made')).toBe(true);
    expect(p1.heard.summaries.length).toBe(heard);
  });

  it('hears that the host came once the host has stayed the quiet time, and nothing of a host that came and left at once', async () => {
    const s = await seatedSimul(clients, { boards: 3, seated: 3, start: true, hostColor: 'black' });
    for (const board of [1, 2, 3]) await command(s.opponents[board - 1].client, { type: 'move', board, from: 'e2', to: 'e4', clientMoveId: `o${board}` });
    const p2 = await phone(s, 2);
    await sleep(QUIET_MS + 50);
    // The host moves at board 1 and goes on to board 2, then straight to board 3.
    await hostMove(s, 1, 'e7', 'e5', 'h1');
    await command(s.host, { type: 'focus', board: 3 });
    await sleep(QUIET_MS + 100);
    expect(p2.heard.summaries.some((sum) => sum.focus === 2)).toBe(false);
    // The host moves at board 3 and goes on to board 2, and stays: its phone hears it once the
    // host has stayed the quiet time.
    await hostMove(s, 3, 'e7', 'e5', 'h3');
    const asked = performance.now();
    while (p2.heard.summaries.at(-1)?.focus !== 2 && performance.now() - asked < 5_000) await sleep(10);
    expect(p2.heard.summaries.at(-1)?.focus).toBe(2);
    expect(performance.now() - asked).toBeGreaterThanOrEqual(QUIET_MS - 20);
    expectLatest(p2.heard.summaries.at(-1), s);
  });

  it('hears at once when its own place changes, if it heard none in its quiet time', async () => {
    const s = await seatedSimul(clients, { boards: 2, seated: 2, start: true, hostColor: 'black' });
    const p1 = await phone(s, 1);
    await command(s.opponents[1].client, { type: 'move', board: 2, from: 'e2', to: 'e4', clientMoveId: 'x' });
    // Quiet: the summaries that move causes have gone out, and an interval has passed since.
    let last = p1.heard.summaries.length;
    for (;;) {
      await sleep(SUMMARY_EVERY_MS + 50);
      if (p1.heard.summaries.length === last) break;
      last = p1.heard.summaries.length;
    }
    const before = p1.heard.summaries.length;
    await command(s.opponents[0].client, { type: 'move', board: 1, from: 'e2', to: 'e4', clientMoveId: 'y' });
    await sleep(30);
    // Board 1 joined the host's queue: its phone heard it without waiting for the interval.
    expect(p1.heard.summaries.length).toBeGreaterThan(before);
    expect(p1.heard.summaries.at(-1)!.queue).toContain(1);
  });

  it('never hears a summary frame within its quiet time of the last summary, however its place changes', async () => {
    const s = await seatedSimul(clients, { boards: 3, seated: 3, start: true, hostColor: 'black' });
    const p1 = await phone(s, 1);
    const heard: { at: number; frame: boolean }[] = [];
    p1.client.socket.on('simul:summary', () => heard.push({ at: performance.now(), frame: true }));
    p1.client.socket.on('board:events', (b) => b.summary && heard.push({ at: performance.now(), frame: false }));
    // Board 1 joins the queue, the host arrives, moves, again and again, as fast as it can.
    const line: [string, string, string, string][] = [['g1', 'f3', 'g8', 'f6'], ['f3', 'g1', 'f6', 'g8'], ['g1', 'f3', 'g8', 'f6']];
    for (const [i, [of, ot, hf, ht]] of line.entries()) {
      await command(s.opponents[0].client, { type: 'move', board: 1, from: of, to: ot, clientMoveId: `o${i}` });
      await command(s.host, { type: 'focus', board: 1 });
      await hostMove(s, 1, hf, ht, `h${i}`);
    }
    // Board 3 moves (the host goes there), board 1 once more (it waits behind board 3), then the
    // host moves at board 3 and comes to board 1, at once: board 1 hears that in a frame of its
    // own, once its quiet time is up.
    await command(s.opponents[2].client, { type: 'move', board: 3, from: 'e2', to: 'e4', clientMoveId: 'p' });
    await command(s.opponents[0].client, { type: 'move', board: 1, from: 'e2', to: 'e4', clientMoveId: 'o' });
    await hostMove(s, 3, 'e7', 'e5', 'q');
    await sleep(SUMMARY_EVERY_MS + QUIET_MS + 100);
    // Its own board's frames carried the summary while it played; board 3's move came on its own.
    expect(heard.some((h) => !h.frame)).toBe(true);
    expect(heard.some((h) => h.frame)).toBe(true);
    // Timers run a little early or late; the interval is what the server keeps.
    heard.forEach((h, i) => {
      if (h.frame && i > 0) expect(h.at - heard[i - 1].at).toBeGreaterThanOrEqual(QUIET_MS - 20);
    });
    // And the last one it heard is the latest.
    expectLatest(p1.heard.summaries.at(-1), s);
  });

  it('catches up from its board number: the missed events, numbered, and the summary', async () => {
    const s = await seatedSimul(clients, { boards: 2, seated: 2, start: true, hostColor: 'white' });
    const first = await phone(s, 1);
    const seen = first.reply.kind === 'snapshot' ? first.reply.boardSeq! : -1;
    first.client.close();
    await hostMove(s, 1, 'e2', 'e4', 'a');
    await hostMove(s, 2, 'e2', 'e4', 'b');
    await command(s.opponents[0].client, { type: 'move', board: 1, from: 'e7', to: 'e5', clientMoveId: 'c' });
    const back = await phone(s, 1, seen);
    expect(back.reply.kind).toBe('board-delta');
    if (back.reply.kind !== 'board-delta') return;
    expect(back.reply.from).toBe(seen + 1);
    expect(back.reply.events.map((e) => (e.type === 'move-made' ? e.san : e.type))).toEqual(['e4', 'e5']);
    expect(back.reply.summary.boards?.map((b) => b.status)).toEqual(['playing', 'playing']);
    expectLatest(back.reply.summary, s);
    // A number from another life of the log is answered with the state.
    const lost = await phone(s, 1, 999);
    expect(lost.reply.kind).toBe('snapshot');
  });

  it('is only for a seated student, and ends with the seat', async () => {
    const s = await seatedSimul(clients, { boards: 2, seated: 1, start: true, hostColor: 'white' });
    const spectator = await clients.connect();
    const refused = await spectator.send('simul:hello', { v: 2, simulId: s.simulId, lastSeq: 0, listen: 'board' });
    expect(outcomeOf(refused)).toBe('not-seated');
    const p1 = await phone(s, 1);
    const revoked = new Promise((r) => p1.client.socket.once('simul:revoked', r));
    await command(s.host, { type: 'reissue-seat', board: 1 });
    await revoked;
    await hostMove(s, 1, 'e2', 'e4', 'after');
    await sleep(SUMMARY_EVERY_MS + 100);
    expect(p1.heard.boards.flatMap((b) => b.events).filter((e) => e.type === 'move-made')).toEqual([]);
  });
});

describe('the protocol version', () => {
  it('tells a page without this version to reload, not that its payload is bad', async () => {
    const s = await seatedSimul(clients, { boards: 1, seated: 1 });
    const old: TestClient = await clients.connect();
    for (const v of [undefined, 1, 3, '2']) {
      const reply = await old.send('simul:hello', { ...(v === undefined ? {} : { v }), simulId: s.simulId, lastSeq: 0, seatToken: s.opponents[0].seatToken });
      expect(reply, String(v)).toMatchObject({ ok: false, error: { code: 'outdated-client' } });
    }
  });
});

describe('far behind', () => {
  it(`gets the state instead of the events past ${SNAPSHOT_AFTER_EVENTS} events, as a console with want 'state' or a phone`, async () => {
    // A long log quickly: this test's server lets commands through faster than a person sends them.
    await server.close();
    server = await startTestServer({ limits: { ...RAISED_LIMITS, commandBurst: 1e6, commandsPerSecond: 1e6 } });
    clients = new Clients(server.url);
    const s = await seatedSimul(clients, { boards: 1, seated: 1, start: true, hostColor: 'white' });
    for (let i = 0; i < 110; i++) {
      await command(s.host, { type: 'offer-draw', board: 1 });
      await command(s.opponents[0].client, { type: 'answer-draw', board: 1, accept: false });
    }
    const room = server.hub.get(s.simulId)!;
    const watcher = await clients.connect();
    const kindAt = async (lastSeq: number) =>
      ((await watcher.send('simul:hello', { v: 2, simulId: s.simulId, lastSeq, want: 'state' })) as unknown as HelloReply).kind;
    expect(await kindAt(room.state.seq - SNAPSHOT_AFTER_EVENTS)).toBe('delta');
    expect(await kindAt(room.state.seq - SNAPSHOT_AFTER_EVENTS - 1)).toBe('snapshot');

    const boardSeq = room.pages.boardSeq(1);
    const phoneKind = async (seq: number) => (await phone(s, 1, seq)).reply.kind;
    expect(await phoneKind(boardSeq - SNAPSHOT_AFTER_EVENTS)).toBe('board-delta');
    expect(await phoneKind(boardSeq - SNAPSHOT_AFTER_EVENTS - 1)).toBe('snapshot');
  });
});
