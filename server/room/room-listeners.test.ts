// The fan-out on a real server: a mover's acknowledgement goes out before the events reach the
// simul's listeners, and a listener gets one frame per turn however many commits the turn made.
import { describe, expect, it } from 'vitest';
import type { SimulEvent } from '../../lib/simul/types';
import { command, hello, seatedSimul } from '../testing/simul-fixture';
import { serveForTest } from '../testing/serve-for-test';
import { WATCHER_EVERY_MS, WATCHER_LONGEST_MS, WATCHER_SLICE, WATCHER_WRITES_PER_SECOND, watcherEveryMs } from './room-listeners';


describe('fan-out', () => {
  it("acknowledges the mover before it sends the move to the simul's listeners, the mover's own console included", async () => {
    const { clients } = await serveForTest();
    const simul = await seatedSimul(clients, { boards: 2, seated: 1, hostColor: 'white', start: true });
    const order: string[] = [];
    simul.host.socket.on('simul:events', (events) => {
      if (events.some((e) => e.type === 'move-made')) order.push('events');
    });
    // The order on the wire: the ack's callback runs as its packet is read (a promise's
    // continuation would run after every packet that arrived in the same read).
    await new Promise<void>((resolve) =>
      simul.host.socket.emit('simul:command', { type: 'move', board: 1, from: 'e2', to: 'e4', clientMoveId: 'm1' }, (res) => {
        expect(res.ok).toBe(true);
        order.push('ack');
        resolve();
      }),
    );
    await simul.host.waitFor((e) => e.type === 'move-made');
    expect(order).toEqual(['ack', 'events']);
  });

  it("sends a listener one frame for a turn's commits, in order", async () => {
    const { server, clients } = await serveForTest();
    const simul = await seatedSimul(clients, { boards: 3, seated: 3, hostColor: 'white', start: true });
    const spectator = await clients.connect();
    await hello(spectator, simul.simulId);
    const frames: SimulEvent[][] = [];
    spectator.socket.on('simul:events', (events) => frames.push(events));
    // Three moves decided in one turn (as three sockets' commands can be): one commit, one frame.
    const room = server.hub.get(simul.simulId)!;
    const moves = [1, 2, 3].map((board) =>
      room.dispatch({ role: 'host' }, { type: 'move', board, from: 'e2', to: 'e4', clientMoveId: `c${board}` }),
    );
    await Promise.all(moves);
    await spectator.waitFor((e) => e.type === 'move-made' && e.board === 3);
    const withMoves = frames.filter((f) => f.some((e) => e.type === 'move-made'));
    expect(withMoves).toHaveLength(1);
    expect(withMoves[0].filter((e) => e.type === 'move-made').map((e) => (e as { board: number }).board)).toEqual([1, 2, 3]);
    const seqs = withMoves[0].map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });
});

describe("a crowd's pacing", () => {
  it('sends one slice at once, a crowd every WATCHER_EVERY_MS, a bigger crowd within a write budget, never rarer than WATCHER_LONGEST_MS', () => {
    expect(watcherEveryMs(WATCHER_SLICE)).toBe(0);
    expect(watcherEveryMs(WATCHER_SLICE + 1)).toBe(WATCHER_EVERY_MS);
    expect(watcherEveryMs(2000)).toBe(WATCHER_EVERY_MS);
    expect(watcherEveryMs(5000)).toBe((1000 * 5000) / WATCHER_WRITES_PER_SECOND);
    expect(watcherEveryMs(10_000)).toBe(800);
    expect(watcherEveryMs(100_000)).toBe(WATCHER_LONGEST_MS);
  });
});
