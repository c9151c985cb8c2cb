// The browser's connection (lib/client) against a real server: a dropped connection comes
// back by itself, catches up from its last seq, and a move made while offline is applied once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SimulConnection } from '../lib/client/simul-connection';
import { openSimulSocket } from '../lib/client/simul-socket';
import { credentials } from '../lib/client/saved-credentials';
import { dropNetwork, MemoryStorage, until } from './testing/browser-connection';
import { startTestServer, TestClient } from './testing/test-client';

let server: Awaited<ReturnType<typeof startTestServer>>;
const closers: (() => void)[] = [];

beforeEach(async () => {
  (globalThis as { window?: unknown }).window = { localStorage: new MemoryStorage() };
  server = await startTestServer();
});

afterEach(async () => {
  for (const close of closers.splice(0)) close();
  await server.close();
  delete (globalThis as { window?: unknown }).window;
});

/** A one-board simul created by a plain test client, which stays open as the host's other device. */
async function createOneBoardSimul(title: string) {
  const setup = new TestClient(server.url);
  closers.push(() => setup.close());
  await setup.connected();
  const created = (await setup.send('simul:create', { title, boards: 1, hostColor: 'white', mode: 'async' })) as unknown as {
    simulId: string;
    hostKey: string;
  };
  return { setup, created };
}

describe('the browser connection', () => {
  it('reconnects, catches up, and sends a move made offline exactly once', async () => {
    const { created } = await createOneBoardSimul('Drop');
    credentials.saveHostKey(created.simulId, created.hostKey);

    const student = new TestClient(server.url);
    closers.push(() => student.close());
    await student.connected();
    await student.send('simul:hello', { v: 2, simulId: created.simulId, lastSeq: 0 });
    await student.send('simul:join', { name: 'Ada' });

    const host = new SimulConnection(created.simulId, openSimulSocket(server.url));
    closers.push(() => host.close());
    await until(host, (v) => v.role === 'host' && v.status === 'online');
    expect(await host.outbox.command({ type: 'start' })).toEqual({ ok: true });

    // Offline: the move waits, then goes once the connection is back.
    dropNetwork(host);
    await until(host, (v) => v.status === 'reconnecting');
    const acked = host.outbox.command({ type: 'move', board: 1, from: 'e2', to: 'e4', clientMoveId: 'offline-1' });
    expect(host.store.getState().pendingCommands).toBe(1);
    expect(await acked).toEqual({ ok: true });
    await until(host, (v) => v.status === 'online' && v.pendingCommands === 0 && v.state.boards.get(1)!.moveCount === 1);

    // Events missed while offline arrive on reconnect, from the last seq.
    dropNetwork(host);
    await until(host, (v) => v.status === 'reconnecting');
    expect(await student.send('simul:command', { type: 'move', board: 1, from: 'e7', to: 'e5', clientMoveId: 's1' })).toEqual({ ok: true });
    const caughtUp = await until(host, (v) => v.status === 'online' && v.state.boards.get(1)!.moveCount === 2);

    const room = server.hub.get(created.simulId)!;
    expect(caughtUp.state.seq).toBe(room.state.seq);
    expect(caughtUp.state.boards.get(1)!.chess.fen()).toBe(room.state.boards.get(1)!.chess.fen());
    expect(room.log.filter((e) => e.type === 'move-made' && e.clientMoveId === 'offline-1')).toHaveLength(1);
    expect(caughtUp.log.map((e) => e.seq)).toEqual(room.log.map((e) => e.seq));
  });

  it('forgets a seat token the host re-issued, and watches instead', async () => {
    const { setup, created } = await createOneBoardSimul('Move');
    await setup.send('simul:hello', { v: 2, simulId: created.simulId, lastSeq: 0, hostKey: created.hostKey });

    const phone = new SimulConnection(created.simulId, openSimulSocket(server.url));
    closers.push(() => phone.close());
    await until(phone, (v) => v.status === 'online');
    expect(await phone.join('Ada')).toEqual({ ok: true, board: 1 });
    expect(credentials.seatToken(created.simulId)).toBeTruthy();

    const reissued = (await setup.send('simul:command', { type: 'reissue-seat', board: 1 })) as { ok: boolean; seatToken?: string };
    expect(reissued.ok).toBe(true);
    const after = await until(phone, (v) => v.role === 'spectator');
    expect(after.problem?.code).toBe('seat-moved');
    expect(credentials.seatToken(created.simulId)).toBeUndefined();
  });

  it('keeps telling a phone why it lost its seat while it watches, until it joins again', async () => {
    for (const [type, code] of [['reissue-seat', 'seat-moved'], ['free-seat', 'seat-freed']] as const) {
      const { setup, created } = await createOneBoardSimul(type);
      await setup.send('simul:hello', { v: 2, simulId: created.simulId, lastSeq: 0, hostKey: created.hostKey });
      const phone = new SimulConnection(created.simulId, openSimulSocket(server.url), { want: 'state' });
      closers.push(() => phone.close());
      await until(phone, (v) => v.version > 0);
      expect(await phone.join('Ada')).toEqual({ ok: true, board: 1 });

      expect(await setup.send('simul:command', { type, board: 1 })).toMatchObject({ ok: true });
      await until(phone, (v) => v.role === 'spectator' && v.problem?.code === code);
      // The hellos that follow (one refused, if it went out with the old token) leave the reason shown.
      await expect(until(phone, (v) => v.problem?.code !== code, 300)).rejects.toThrow('timed out');
      expect(phone.store.getState()).toMatchObject({ role: 'spectator', status: 'online', problem: { code } });
      if (type === 'free-seat') {
        // A freed seat can be taken again, and then the reason goes.
        expect(await phone.join('Ada')).toEqual({ ok: true, board: 1 });
        expect(phone.store.getState().problem).toBeNull();
      }
    }
  });
  it('a projector in the host\'s own browser watches as a spectator: it never sends the host key', async () => {
    const { created } = await createOneBoardSimul('Projector');
    credentials.saveHostKey(created.simulId, created.hostKey);
    const hellos: Record<string, unknown>[] = [];
    server.io.on('connection', (socket) => socket.on('simul:hello', (payload: unknown) => void hellos.push(payload as Record<string, unknown>)));

    const projector = new SimulConnection(created.simulId, openSimulSocket(server.url), { as: 'watcher' });
    closers.push(() => projector.close());
    const view = await until(projector, (v) => v.status === 'online' && v.role !== null);
    expect(view.role).toBe('spectator');
    expect(view.state.title).toBe('Projector');
    expect(hellos).toHaveLength(1);
    expect(JSON.stringify(hellos)).not.toContain(created.hostKey);
    // The same browser's console still opens as the host.
    const hostConsole = new SimulConnection(created.simulId, openSimulSocket(server.url));
    closers.push(() => hostConsole.close());
    expect((await until(hostConsole, (v) => v.role !== null)).role).toBe('host');
  });
});
