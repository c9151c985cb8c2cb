// The browser's connection (lib/client) as a phone and as a console, against a real server: what
// it folds, how it sees a gap, and how a move whose acknowledgement was lost is settled. Each of
// these fails when the part of the connection it names is taken out.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { credentials } from '../lib/client/saved-credentials';
import { SimulConnection } from '../lib/client/simul-connection';
import { openSimulSocket } from '../lib/client/simul-socket';
import { SimulController } from '../lib/client/simul-controller';
import type { BoardEvents } from '../lib/protocol/events';
import type { SimulEvent } from '../lib/simul/types';
import { dropNetwork, MemoryStorage, until } from './testing/browser-connection';
import { Clients, command, hello, join, seatedSimul, type SeatedSimul } from './testing/simul-fixture';
import { startTestServer } from './testing/test-client';
import { holdCommits } from './testing/hold-commits';

let server: Awaited<ReturnType<typeof startTestServer>>;
let clients: Clients;
const connections: SimulConnection[] = [];

beforeEach(async () => {
  (globalThis as { window?: unknown }).window = { localStorage: new MemoryStorage() };
  server = await startTestServer();
  clients = new Clients(server.url);
});

afterEach(async () => {
  for (const c of connections.splice(0)) c.close();
  clients.closeAll();
  await server.close();
  delete (globalThis as { window?: unknown }).window;
});

interface Socketish {
  listeners(event: string): ((...args: unknown[]) => void)[];
  off(event: string): void;
  on(event: string, fn: (...args: unknown[]) => void): void;
  emit(event: string, ...args: unknown[]): void;
  timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
}
const socketOf = (c: SimulConnection) => (c as unknown as { socket: Socketish }).socket;

/** Lets through only what `keep` accepts of `event`: a lost message, as a network would lose it. */
function filter(c: SimulConnection, event: string, keep: (payload: unknown) => boolean): void {
  const socket = socketOf(c);
  const [original] = socket.listeners(event);
  socket.off(event);
  socket.on(event, (payload: unknown) => {
    if (keep(payload)) original(payload);
  });
}

/** Commands leave with no acknowledgement callback: their answers are lost. */
function loseAcks(c: SimulConnection): void {
  const socket = socketOf(c);
  const timeout = socket.timeout.bind(socket);
  socket.timeout = (ms: number) => ({
    emitWithAck: (event: string, ...args: unknown[]) => {
      if (event !== 'simul:command') return timeout(ms).emitWithAck(event, ...args);
      socket.emit(event, ...args);
      return new Promise(() => {});
    },
  });
}

function open(simul: SeatedSimul, as: 'phone 1' | 'host', want: 'log' | 'state'): SimulConnection {
  if (as === 'host') credentials.saveHostKey(simul.simulId, simul.hostKey);
  else credentials.saveSeatToken(simul.simulId, simul.opponents[0].seatToken);
  const c = new SimulConnection(simul.simulId, openSimulSocket(server.url), { want });
  connections.push(c);
  return c;
}

const hostMove = (s: SeatedSimul, board: number, from: string, to: string, id: string) =>
  command(s.host, { type: 'move', board, from, to, clientMoveId: id });
const fenOf = (s: SeatedSimul, board: number) => server.hub.get(s.simulId)!.state.boards.get(board)!.chess.fen();

describe('a phone', () => {
  it('folds its own board from its events, and the rest from the summary', async () => {
    const s = await seatedSimul(clients, { boards: 3, seated: 3, start: true, hostColor: 'white' });
    const phone = open(s, 'phone 1', 'state');
    await until(phone, (v) => v.role === 'opponent' && v.status === 'online');
    await hostMove(s, 2, 'e2', 'e4', 'a');
    await hostMove(s, 1, 'd2', 'd4', 'b');
    const view = await until(phone, (v) => v.state.boards.get(1)!.moveCount === 1);
    expect(view.state.boards.get(1)!.chess.fen()).toBe(fenOf(s, 1));
    expect(view.log).toEqual([]);
    // Its student is to move: it shows nothing of where the host is, and hears none of it.
    expect(view.queue).toBeNull();
    // Its student moves: where the host is comes with its board's frame (board 3 awaits the host
    // first, then its own); another board's position and moves are not followed while the games run...
    await command(s.opponents[0].client, { type: 'move', board: 1, from: 'd7', to: 'd5', clientMoveId: 'c' });
    const where = await until(phone, (v) => v.queue?.join() === '3,1');
    expect(where.state.focus).toBe(3);
    expect(where.state.boards.get(2)!.moveCount).toBe(0);
    // ...and its moves are counted with the final results.
    await command(s.host, { type: 'end-simul' });
    await until(phone, (v) => v.state.phase === 'finished' && v.state.boards.get(2)!.moveCount === 1);
  });

  it('names in its final results every opponent, also those who sat down after it', async () => {
    const s = await seatedSimul(clients, { boards: 3, seated: 1, hostColor: 'white', names: ['Ada'] });
    const phone = open(s, 'phone 1', 'state');
    await until(phone, (v) => v.role === 'opponent' && v.status === 'online');
    for (const name of ['Bo', 'Chidi']) {
      const client = await clients.connect();
      await hello(client, s.simulId);
      await join(client, name);
    }
    await command(s.host, { type: 'start' });
    // While the games run, the phone hears no other board's seat: no names yet.
    const playing = await until(phone, (v) => v.state.phase === 'playing');
    expect(playing.state.boards.get(2)?.opponent?.name).toBeUndefined();
    await command(s.host, { type: 'end-simul' });
    const over = await until(phone, (v) => v.state.phase === 'finished');
    expect([1, 2, 3].map((n) => over.state.boards.get(n)!.opponent?.name)).toEqual(['Ada', 'Bo', 'Chidi']);
  });

  it('sees a gap in its board events and catches up', async () => {
    const s = await seatedSimul(clients, { boards: 1, seated: 1, start: true, hostColor: 'white' });
    const phone = open(s, 'phone 1', 'state');
    await until(phone, (v) => v.role === 'opponent' && v.status === 'online');
    let dropped = false;
    filter(phone, 'board:events', (batch) => {
      const moved = (batch as BoardEvents).events.some((e) => e.type === 'move-made' && e.san === 'e4');
      if (moved && !dropped) return !(dropped = true);
      return true;
    });
    await hostMove(s, 1, 'e2', 'e4', 'a'); // lost on the way
    await command(s.opponents[0].client, { type: 'move', board: 1, from: 'e7', to: 'e5', clientMoveId: 'b' });
    await hostMove(s, 1, 'g1', 'f3', 'c');
    const view = await until(phone, (v) => v.state.boards.get(1)!.moveCount === 3);
    expect(dropped).toBe(true);
    expect(view.state.boards.get(1)!.chess.fen()).toBe(fenOf(s, 1));
  });

  it('settles a move whose acknowledgement was lost when its board event shows it', async () => {
    const s = await seatedSimul(clients, { boards: 1, seated: 1, start: true, hostColor: 'black' });
    const phone = open(s, 'phone 1', 'state');
    await until(phone, (v) => v.role === 'opponent' && v.status === 'online');
    loseAcks(phone);
    const answer = await phone.outbox.command({ type: 'move', board: 1, from: 'e2', to: 'e4', clientMoveId: 'lost-ack' });
    expect(answer).toEqual({ ok: true });
    expect(phone.store.getState().pendingCommands).toBe(0);
  });

  it('settles such a move from the snapshot it reopens with', async () => {
    const s = await seatedSimul(clients, { boards: 1, seated: 1, start: true, hostColor: 'black' });
    const phone = open(s, 'phone 1', 'state');
    await until(phone, (v) => v.role === 'opponent' && v.status === 'online');
    loseAcks(phone);
    filter(phone, 'board:events', () => false); // and the event too
    const answer = phone.outbox.command({ type: 'move', board: 1, from: 'e2', to: 'e4', clientMoveId: 'lost-both' });
    await until(phone, () => server.hub.get(s.simulId)!.state.boards.get(1)!.moveCount === 1).catch(() => {});
    // The page is reloaded in effect: it opens from the state, which holds the move.
    (phone as unknown as { listening: null }).listening = null;
    dropNetwork(phone);
    expect(await answer).toEqual({ ok: true });
  });
});

describe('any command', () => {
  it('is settled after a reconnect when both its acknowledgement and its event were lost', async () => {
    const s = await seatedSimul(clients, { boards: 2, seated: 2, start: true, hostColor: 'white' });
    const phone = open(s, 'phone 1', 'state');
    await until(phone, (v) => v.role === 'opponent' && v.status === 'online');
    loseAcks(phone);
    filter(phone, 'board:events', () => false); // nor is it seen in the board's events
    const answer = phone.outbox.command({ type: 'resign', board: 1 });
    await until(phone, () => server.hub.get(s.simulId)!.state.boards.get(1)!.status === 'finished').catch(() => {});
    expect(server.hub.get(s.simulId)!.state.boards.get(1)!.status).toBe('finished');
    expect(phone.store.getState().pendingCommands).toBe(1);
    // Back online: the catch-up shows it applied (and a resend would be a duplicate: protocol.test.ts).
    const socket = socketOf(phone) as unknown as { timeout: unknown };
    delete socket.timeout;
    dropNetwork(phone);
    expect(await answer).toEqual({ ok: true });
    expect(server.hub.get(s.simulId)!.log.filter((e) => e.type === 'game-ended')).toHaveLength(1);
  });
});

describe('the controller', () => {
  it('keeps the last refusal for the screen, and clears it when a command is accepted', async () => {
    const s = await seatedSimul(clients, { boards: 1, seated: 1, start: true, hostColor: 'white' });
    const host = open(s, 'host', 'log');
    await until(host, (v) => v.role === 'host' && v.status === 'online');
    const controller = new SimulController(host);
    expect(await controller.move(1, 'e2', 'e5')).toMatchObject({ ok: false, error: { code: 'illegal-move' } });
    expect(host.store.getState().refusal).toMatchObject({ code: 'illegal-move', params: { from: 'e2', to: 'e5' } });
    expect(await controller.move(1, 'e2', 'e4')).toEqual({ ok: true });
    expect(host.store.getState().refusal).toBeNull();
    await controller.offerDraw(1);
    expect((await controller.offerDraw(1)).ok).toBe(false);
    expect(host.store.getState().refusal?.code).toBe('draw-already-offered');
    controller.dismiss();
    expect(host.store.getState().refusal).toBeNull();
  });
});

describe('a console', () => {
  it('sees a gap in the simul events and catches up from its last seq', async () => {
    const s = await seatedSimul(clients, { boards: 2, seated: 2, start: true, hostColor: 'white' });
    const host = open(s, 'host', 'log');
    await until(host, (v) => v.role === 'host' && v.status === 'online');
    let dropped = false;
    filter(host, 'simul:events', (events) => {
      const first = (events as SimulEvent[])[0];
      if (first.type === 'move-made' && first.san === 'e4' && !dropped) return !(dropped = true);
      return true;
    });
    await hostMove(s, 1, 'e2', 'e4', 'a'); // lost on the way
    await hostMove(s, 2, 'd2', 'd4', 'b');
    const view = await until(host, (v) => v.state.boards.get(1)!.moveCount === 1 && v.state.boards.get(2)!.moveCount === 1);
    expect(dropped).toBe(true);
    expect(view.log.map((e) => e.seq)).toEqual(server.hub.get(s.simulId)!.log.map((e) => e.seq));
  });

  it('opens a long log with the positions from the snapshot and the whole history, in pages', async () => {
    const s = await seatedSimul(clients, { boards: 2, seated: 2, start: true, hostColor: 'white' });
    await hostMove(s, 1, 'e2', 'e4', 'a');
    await command(s.opponents[0].client, { type: 'move', board: 1, from: 'e7', to: 'e5', clientMoveId: 'b' });
    // A log of several pages: draw offers declined, over and over.
    const room = server.hub.get(s.simulId)!;
    for (let i = 0; i < 1500; i++) {
      await room.dispatch({ role: 'host' }, { type: 'offer-draw', board: 2 });
      await room.dispatch({ role: 'opponent', board: 2 }, { type: 'answer-draw', board: 2, accept: false });
    }
    expect(room.pages.pageAfter(0)!.more).toBe(true);
    const host = open(s, 'host', 'log');
    await until(host, (v) => v.role === 'host');
    await hostMove(s, 2, 'd2', 'd4', 'c'); // while the pages come, or after
    const view = await until(host, (v) => v.log.length === room.log.length);
    expect(view.log).toEqual(room.log);
    expect(view.state.seq).toBe(room.state.seq);
    for (const n of [1, 2]) expect(view.state.boards.get(n)!.chess.fen()).toBe(fenOf(s, n));
    expect(view.boards.get(2)!.fen).toBe(fenOf(s, 2));
  });

  it('opens while a move waits for its commit: the log folded from the start, then that move', async () => {
    const s = await seatedSimul(clients, { boards: 2, seated: 2, start: true, hostColor: 'white' });
    await hostMove(s, 1, 'e2', 'e4', 'a');
    const room = server.hub.get(s.simulId)!;
    const release = holdCommits();
    let moved: Promise<unknown>;
    try {
      moved = hostMove(s, 2, 'd2', 'd4', 'b'); // decided, not yet durable: no snapshot to give
      await vi.waitFor(() => expect(room.snapshot()).toBeNull(), { timeout: 60_000 });
      const host = open(s, 'host', 'log');
      const opened = await until(host, (v) => v.role === 'host' && v.status === 'online');
      expect(opened.state.boards.get(1)!.chess.fen()).toBe(fenOf(s, 1));
      expect(opened.state.boards.get(2)!.moveCount).toBe(0);
      release();
      await moved;
      const view = await until(host, (v) => v.log.length === room.log.length);
      expect(view.log).toEqual(room.log);
      expect(view.state.boards.get(2)!.chess.fen()).toBe(fenOf(s, 2));
    } finally {
      release();
    }
  });

  it('settles a move whose acknowledgement was lost when the log shows it', async () => {
    const s = await seatedSimul(clients, { boards: 1, seated: 1, start: true, hostColor: 'white' });
    const host = open(s, 'host', 'log');
    await until(host, (v) => v.role === 'host' && v.status === 'online');
    loseAcks(host);
    expect(await host.outbox.command({ type: 'move', board: 1, from: 'e2', to: 'e4', clientMoveId: 'lost' })).toEqual({ ok: true });
  });
});
