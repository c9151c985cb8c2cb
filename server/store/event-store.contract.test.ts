// The EventStore contract: the same cases run against every implementation.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EventStore } from './event-store';
import { MemoryEventStore } from './memory-store';
import { PostgresEventStore } from './postgres-store';
import { SqliteEventStore } from './sqlite-store';
import { created, finished, move, seatTaken } from './test-events';
import { servicesSkipReason, startPostgres, type Service } from '../testing/services';

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

// A real Postgres 15 of the test's own, emptied before each case.
const noPostgres = servicesSkipReason();
let postgres: Service | null = null;
beforeAll(async () => {
  if (!noPostgres) postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
  await postgres?.stop();
});
if (noPostgres) it.skip(`PostgresEventStore: ${noPostgres}`, () => {});

const implementations: Array<[string, () => EventStore | Promise<EventStore>]> = [
  ['MemoryEventStore', () => new MemoryEventStore()],
  ['SqliteEventStore (:memory:)', () => new SqliteEventStore(':memory:')],
  [
    'SqliteEventStore (file)',
    () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simul-store-'));
      tempDirs.push(dir);
      return new SqliteEventStore(path.join(dir, 'simul.db'));
    },
  ],
  ...(noPostgres
    ? []
    : [
        [
          'PostgresEventStore',
          async () => {
            const store = await PostgresEventStore.open(postgres!.url);
            await store.pool.query('TRUNCATE simuls CASCADE');
            return store;
          },
        ] as [string, () => Promise<EventStore>],
      ]),
];

describe.each(implementations)('%s', (_name, open) => {
  let store: EventStore;
  afterEach(() => store.close());
  const fresh = async () => (store = await open());

  it('round-trips a created simul and appended events', async () => {
    await fresh();
    const log = [
      created('s1'),
      seatTaken(2, 1),
      seatTaken(3, 2),
      move(4),
      { ...move(5), promotion: 'q' as const },
    ];
    await store.createSimul('s1', 'host-hash', log[0]);
    await store.append('s1', log.slice(1, 3));
    await store.append('s1', log.slice(3));
    await store.append('s1', []);
    expect(await store.load('s1')).toEqual({
      events: log,
      credentials: { hostKeyHash: 'host-hash', seatTokenHashes: new Map(), secrets: new Map() },
    });
    expect(await store.load('nope')).toBeNull();
  });

  it('rejects a second simul with the same id, or a first event that is not seq 1', async () => {
    await fresh();
    await store.createSimul('s1', 'h', created('s1'));
    await expect(store.createSimul('s1', 'other', created('s1'))).rejects.toThrow();
    await expect(store.createSimul('s2', 'h', { ...created('s2'), seq: 2 })).rejects.toThrow();
    expect((await store.load('s1'))?.credentials.hostKeyHash).toBe('h');
    expect(await store.load('s2')).toBeNull();
  });

  it('sets, replaces and frees seat credentials together with events', async () => {
    await fresh();
    await store.createSimul('s1', 'h', created('s1'));
    await store.append('s1', [seatTaken(2, 1)], { board: 1, tokenHash: 'a' });
    await store.append('s1', [seatTaken(3, 2)], { board: 2, tokenHash: 'b' });
    expect((await store.load('s1'))?.credentials.seatTokenHashes).toEqual(new Map([[1, 'a'], [2, 'b']]));

    await store.append('s1', [{ seq: 4, at: 4_000, type: 'seat-reissued', board: 1 }], {
      board: 1,
      tokenHash: 'a2',
    });
    expect((await store.load('s1'))?.credentials.seatTokenHashes).toEqual(new Map([[1, 'a2'], [2, 'b']]));

    await store.append('s1', [{ seq: 5, at: 5_000, type: 'seat-freed', board: 2 }], {
      board: 2,
      tokenHash: null,
    });
    expect((await store.load('s1'))?.credentials.seatTokenHashes).toEqual(new Map([[1, 'a2']]));
    expect((await store.load('s1'))?.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps the room\'s secrets from creation on, set, replaced and deleted together with events, all or none', async () => {
    await fresh();
    await store.createSimul('s1', 'h', created('s1'), [{ name: 'bot-seed:host', value: '7' }]);
    expect((await store.load('s1'))?.credentials.secrets).toEqual(new Map([['bot-seed:host', '7']]));
    await store.appendMany([{ simulId: 's1', events: [seatTaken(2, 1)], secrets: [{ name: 'bot-seed:1', value: '11' }, { name: 'seat-network:1', value: 'n' }] }]);
    await store.append('s1', [{ seq: 3, at: 3_000, type: 'seat-freed', board: 1 }]);
    await store.appendMany([{ simulId: 's1', events: [seatTaken(4, 1)], secrets: [{ name: 'bot-seed:1', value: '12' }, { name: 'seat-network:1', value: null }, { name: 'blocked-network:n', value: '1' }] }]);
    expect((await store.load('s1'))?.credentials.secrets).toEqual(
      new Map([['bot-seed:host', '7'], ['bot-seed:1', '12'], ['blocked-network:n', '1']]),
    );
    // A batch that fails writes none of its secrets.
    await expect(store.appendMany([{ simulId: 's1', events: [move(9)], secrets: [{ name: 'bot-seed:2', value: '1' }] }])).rejects.toThrow(/seq/);
    expect((await store.load('s1'))?.credentials.secrets.has('bot-seed:2')).toBe(false);
  });

  it('throws on a bad seq and writes nothing of that append', async () => {
    await fresh();
    await store.createSimul('s1', 'h', created('s1'));
    await store.append('s1', [seatTaken(2, 1)], { board: 1, tokenHash: 'a' });
    const before = await store.load('s1');
    const seat = { board: 1, tokenHash: 'changed' };

    await expect(store.append('s1', [move(3), move(4), move(4)], seat)).rejects.toThrow(/seq/); // duplicate, halfway
    await expect(store.append('s1', [move(3), move(5)], seat)).rejects.toThrow(/seq/); // gap, halfway
    await expect(store.append('s1', [move(4)], seat)).rejects.toThrow(/seq/); // gap
    await expect(store.append('s1', [move(2)], seat)).rejects.toThrow(/seq/); // seq already in the log
    await expect(store.append('s1', [move(1)], seat)).rejects.toThrow(/seq/);
    expect(await store.load('s1')).toEqual(before);

    await store.append('s1', [move(3)]);
    expect((await store.load('s1'))?.events.map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('throws when appending to an unknown simul', async () => {
    await fresh();
    await expect(store.append('nope', [move(2)])).rejects.toThrow(/unknown simul/);
    expect(await store.load('nope')).toBeNull();
  });

  it('lists unfinished simuls oldest first, until they log simul-finished', async () => {
    await fresh();
    expect(await store.unfinishedSimulIds()).toEqual([]);
    await store.createSimul('a', 'h', created('a', 1_000));
    await store.createSimul('b', 'h', created('b', 2_000));
    await store.createSimul('c', 'h', created('c', 3_000));
    expect(await store.unfinishedSimulIds()).toEqual(['a', 'b', 'c']);

    await store.append('b', [move(2), finished(3)]);
    expect(await store.unfinishedSimulIds()).toEqual(['a', 'c']);
    await expect(store.append('a', [move(2), finished(2)])).rejects.toThrow(); // rolled back
    expect(await store.unfinishedSimulIds()).toEqual(['a', 'c']);
    await store.append('a', [finished(2)]);
    expect(await store.unfinishedSimulIds()).toEqual(['c']);
    expect((await store.load('a'))?.events.at(-1)).toEqual(finished(2));
  });

  it('prunes only finished simuls older than the cutoff, and only when asked', async () => {
    await fresh();
    await store.createSimul('old', 'h', created('old'));
    await store.append('old', [seatTaken(2, 1), finished(3, 10_000)], { board: 1, tokenHash: 't' });
    await store.createSimul('recent', 'h', created('recent'));
    await store.append('recent', [finished(2, 50_000)]);
    await store.createSimul('running', 'h', created('running', 0));

    expect(await store.pruneFinished(40_000, 50_000)).toBe(0); // cutoff 10_000: nothing older
    expect(await store.load('old')).not.toBeNull();
    expect(await store.pruneFinished(30_000, 50_000)).toBe(1); // cutoff 20_000: 'old' goes
    expect(await store.load('old')).toBeNull();
    expect(await store.load('recent')).not.toBeNull();
    expect(await store.pruneFinished(0, 1e15)).toBe(1); // 'recent' goes; unfinished never
    expect(await store.load('recent')).toBeNull();
    expect(await store.unfinishedSimulIds()).toEqual(['running']);
    expect(await store.pruneFinished(0, 1e15)).toBe(0);

    // Its events and seats went with it: the id can be used again from scratch.
    await store.createSimul('old', 'h2', created('old'));
    expect(await store.load('old')).toEqual({
      events: [created('old')],
      credentials: { hostKeyHash: 'h2', seatTokenHashes: new Map(), secrets: new Map() },
    });
  });
});
