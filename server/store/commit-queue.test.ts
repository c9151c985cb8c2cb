// Group commit: commands of one event-loop turn share one transaction; nothing is
// acknowledged or broadcast before it is durable; a failed commit leaves no trace.
import { describe, expect, it } from 'vitest';
import type { SimulEvent } from '../../lib/simul/types';
import { SimulHub } from '../room/simul-hub';
import { realClock } from '../room/simul-time';
import type { AppendEntry } from './event-store';
import { MemoryEventStore } from './memory-store';

class CountingStore extends MemoryEventStore {
  batches: number[] = [];
  failNext = false;
  override async appendMany(entries: readonly AppendEntry[]): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('disk full');
    }
    this.batches.push(entries.length);
    await super.appendMany(entries);
  }
}

async function setUp() {
  const store = new CountingStore();
  const broadcasts: SimulEvent[][] = [];
  const hub = new SimulHub(store, realClock(() => 1_000), { onEvents: (_room, events) => broadcasts.push(events) });
  const { simulId } = await hub.create({ title: 'Batch', boards: 3, hostColor: 'white', mode: 'async' });
  const room = hub.get(simulId)!;
  for (const name of ['Ada', 'Bo', 'Cy']) await room.dispatch({ role: 'spectator' }, { type: 'join', name, playerId: name });
  await room.dispatch({ role: 'host' }, { type: 'start' });
  store.batches = [];
  broadcasts.length = 0;
  return { store, hub, simulId, broadcasts };
}

const move = (board: number, from: string, to: string) => ({ type: 'move' as const, board, from, to, clientMoveId: `${board}${from}` });

describe('group commit', () => {
  it('writes the commands of one turn in one transaction, then acknowledges and broadcasts them in order', async () => {
    const { store, hub, simulId, broadcasts } = await setUp();
    const room = hub.get(simulId)!;
    const acks = Promise.all([
      room.dispatch({ role: 'host' }, move(1, 'e2', 'e4')),
      room.dispatch({ role: 'host' }, move(2, 'd2', 'd4')),
      room.dispatch({ role: 'host' }, move(3, 'c2', 'c4')),
    ]);
    // Decided and folded at once, but neither durable nor served yet.
    expect(room.state.boards.get(3)!.moveCount).toBe(1);
    expect(broadcasts).toHaveLength(0);
    expect(room.pageAfter(room.state.seq - 3)?.events).toEqual([]);

    expect((await acks).every((r) => r.ok)).toBe(true);
    expect(store.batches).toEqual([3]);
    expect(broadcasts.flat().map((e) => e.seq)).toEqual((await store.load(simulId))!.events.slice(-3).map((e) => e.seq));
  });

  it('refuses every command of a failed batch and serves the simul again from the store', async () => {
    const { store, hub, simulId, broadcasts } = await setUp();
    const before = (await store.load(simulId))!.events.length;
    store.failNext = true;
    const res = await hub.get(simulId)!.dispatch({ role: 'host' }, move(1, 'e2', 'e4'));
    expect(res).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(broadcasts).toHaveLength(0);

    const reloaded = (await hub.open(simulId))!;
    expect(reloaded.state.seq).toBe(before);
    expect(reloaded.state.boards.get(1)!.moveCount).toBe(0);
    expect(await reloaded.dispatch({ role: 'host' }, move(1, 'e2', 'e4'))).toMatchObject({ ok: true });
  });

  it('acknowledges a resent move only once the move it repeats is durable', async () => {
    const { store, hub, simulId } = await setUp();
    const room = hub.get(simulId)!;
    store.failNext = true;
    const first = room.dispatch({ role: 'host' }, move(1, 'e2', 'e4'));
    const resent = room.dispatch({ role: 'host' }, move(1, 'e2', 'e4'));
    // Both were in the batch that failed: neither may say ok.
    expect(await first).toMatchObject({ ok: false });
    expect(await resent).toMatchObject({ ok: false });
    expect((await store.load(simulId))!.events.some((e) => e.type === 'move-made')).toBe(false);
  });
});
