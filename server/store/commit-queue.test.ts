// Group commit: commands of one event-loop turn share one transaction; nothing is
// acknowledged or broadcast before it is durable; a failed commit leaves no trace.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { SimulEvent } from '../../lib/simul/types';
import { SimulHub } from '../room/simul-hub';
import { realClock } from '../room/simul-time';
import { CommitQueue } from './commit-queue';
import type { AppendEntry } from './event-store';
import { MemoryEventStore } from './memory-store';
import { SqliteEventStore } from './sqlite-store';
import { created, move as moveEvent } from './test-events';

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
    expect(room.pages.pageAfter(room.state.seq - 3)?.events).toEqual([]);

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

/** The real SQLite store (its worker thread), with the size of each transaction it was sent. */
class CountingSqlite extends SqliteEventStore {
  batches: string[][] = [];
  override appendMany(entries: readonly AppendEntry[]): Promise<void> {
    this.batches.push(entries.map((e) => `${e.simulId}${e.events[0].seq}`));
    return super.appendMany(entries);
  }
}

describe('group commit on the SQLite store', () => {
  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

  async function sqliteQueue() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simul-commit-'));
    const file = path.join(dir, 'simul.db');
    const store = new CountingSqlite(file);
    await store.createSimul('a', 'h', created('a'));
    await store.createSimul('b', 'h', created('b'));
    const done: string[] = [];
    const queue = new CommitQueue(store);
    const add = (simulId: string, seq: number) =>
      new Promise<boolean>((resolve) =>
        queue.add({ simulId, events: [moveEvent(seq)] }, (ok) => {
          done.push(`${simulId}${seq} ${ok}`);
          resolve(ok);
        }),
      );
    const cleanUp = async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    };
    return { file, store, queue, add, done, cleanUp };
  }

  it('gathers what arrives while a batch is being written into the next, and acknowledges in order', async () => {
    const { file, store, add, done, cleanUp } = await sqliteQueue();
    // Another connection holds the write lock, so the first batch stays in the worker a while.
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    const first = add('a', 2);
    await nextTurn();
    expect(store.batches).toEqual([['a2']]);
    // Three more turns of commands while the first batch waits for the disk: this thread runs them.
    const later = [add('a', 3), add('b', 2)];
    await nextTurn();
    later.push(add('a', 4));
    await nextTurn();
    expect(store.batches).toEqual([['a2']]);
    expect(done).toEqual([]);

    other.exec('ROLLBACK');
    other.close();
    expect(await Promise.all([first, ...later])).toEqual([true, true, true, true]);
    expect(store.batches).toEqual([['a2'], ['a3', 'b2', 'a4']]);
    expect(done).toEqual(['a2 true', 'a3 true', 'b2 true', 'a4 true']);
    expect((await store.load('a'))!.events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    await cleanUp();
  });

  it('fails exactly the entries of the simul the database refused, and commits the others', async () => {
    const { store, add, done, cleanUp } = await sqliteQueue();
    // b's seq 5 does not follow its seq 1: the database refuses it, and the whole batch rolls back.
    const results = await Promise.all([add('a', 2), add('b', 5), add('a', 3)]);
    expect(results).toEqual([true, false, true]);
    expect(done.sort()).toEqual(['a2 true', 'a3 true', 'b5 false']);
    expect(store.batches).toEqual([['a2', 'b5', 'a3'], ['a2', 'a3'], ['b5']]);
    expect((await store.load('a'))!.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect((await store.load('b'))!.events.map((e) => e.seq)).toEqual([1]);
    await cleanUp();
  });
});
