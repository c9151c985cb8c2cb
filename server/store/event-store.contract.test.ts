// The EventStore contract: the same cases run against every implementation.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventStore } from './event-store';
import { MemoryEventStore } from './memory-store';
import { SqliteEventStore } from './sqlite-store';
import { created, finished, move, seatTaken } from './test-events';

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const implementations: Array<[string, () => EventStore]> = [
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
];

describe.each(implementations)('%s', (_name, open) => {
  let store: EventStore;
  afterEach(() => store.close());
  const fresh = () => (store = open());

  it('round-trips a created simul and appended events', () => {
    fresh();
    const log = [
      created('s1'),
      seatTaken(2, 1),
      seatTaken(3, 2),
      move(4),
      { ...move(5), promotion: 'q' as const },
    ];
    store.createSimul('s1', 'host-hash', log[0]);
    store.append('s1', log.slice(1, 3));
    store.append('s1', log.slice(3));
    store.append('s1', []);
    expect(store.load('s1')).toEqual({
      events: log,
      credentials: { hostKeyHash: 'host-hash', seatTokenHashes: new Map(), secrets: new Map() },
    });
    expect(store.load('nope')).toBeNull();
  });

  it('rejects a second simul with the same id, or a first event that is not seq 1', () => {
    fresh();
    store.createSimul('s1', 'h', created('s1'));
    expect(() => store.createSimul('s1', 'other', created('s1'))).toThrow();
    expect(() => store.createSimul('s2', 'h', { ...created('s2'), seq: 2 })).toThrow();
    expect(store.load('s1')?.credentials.hostKeyHash).toBe('h');
    expect(store.load('s2')).toBeNull();
  });

  it('sets, replaces and frees seat credentials together with events', () => {
    fresh();
    store.createSimul('s1', 'h', created('s1'));
    store.append('s1', [seatTaken(2, 1)], { board: 1, tokenHash: 'a' });
    store.append('s1', [seatTaken(3, 2)], { board: 2, tokenHash: 'b' });
    expect(store.load('s1')?.credentials.seatTokenHashes).toEqual(new Map([[1, 'a'], [2, 'b']]));

    store.append('s1', [{ seq: 4, at: 4_000, type: 'seat-reissued', board: 1 }], {
      board: 1,
      tokenHash: 'a2',
    });
    expect(store.load('s1')?.credentials.seatTokenHashes).toEqual(new Map([[1, 'a2'], [2, 'b']]));

    store.append('s1', [{ seq: 5, at: 5_000, type: 'seat-freed', board: 2 }], {
      board: 2,
      tokenHash: null,
    });
    expect(store.load('s1')?.credentials.seatTokenHashes).toEqual(new Map([[1, 'a2']]));
    expect(store.load('s1')?.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps the room\'s secrets from creation on, set, replaced and deleted together with events, all or none', () => {
    fresh();
    store.createSimul('s1', 'h', created('s1'), [{ name: 'bot-seed:host', value: '7' }]);
    expect(store.load('s1')?.credentials.secrets).toEqual(new Map([['bot-seed:host', '7']]));
    store.appendMany([{ simulId: 's1', events: [seatTaken(2, 1)], secrets: [{ name: 'bot-seed:1', value: '11' }, { name: 'seat-network:1', value: 'n' }] }]);
    store.append('s1', [{ seq: 3, at: 3_000, type: 'seat-freed', board: 1 }]);
    store.appendMany([{ simulId: 's1', events: [seatTaken(4, 1)], secrets: [{ name: 'bot-seed:1', value: '12' }, { name: 'seat-network:1', value: null }, { name: 'blocked-network:n', value: '1' }] }]);
    expect(store.load('s1')?.credentials.secrets).toEqual(
      new Map([['bot-seed:host', '7'], ['bot-seed:1', '12'], ['blocked-network:n', '1']]),
    );
    // A batch that fails writes none of its secrets.
    expect(() => store.appendMany([{ simulId: 's1', events: [move(9)], secrets: [{ name: 'bot-seed:2', value: '1' }] }])).toThrow(/seq/);
    expect(store.load('s1')?.credentials.secrets.has('bot-seed:2')).toBe(false);
  });

  it('throws on a bad seq and writes nothing of that append', () => {
    fresh();
    store.createSimul('s1', 'h', created('s1'));
    store.append('s1', [seatTaken(2, 1)], { board: 1, tokenHash: 'a' });
    const before = store.load('s1');
    const seat = { board: 1, tokenHash: 'changed' };

    expect(() => store.append('s1', [move(3), move(4), move(4)], seat)).toThrow(/seq/); // duplicate, halfway
    expect(() => store.append('s1', [move(3), move(5)], seat)).toThrow(/seq/); // gap, halfway
    expect(() => store.append('s1', [move(4)], seat)).toThrow(/seq/); // gap
    expect(() => store.append('s1', [move(2)], seat)).toThrow(/seq/); // seq already in the log
    expect(() => store.append('s1', [move(1)], seat)).toThrow(/seq/);
    expect(store.load('s1')).toEqual(before);

    store.append('s1', [move(3)]);
    expect(store.load('s1')?.events.map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('throws when appending to an unknown simul', () => {
    fresh();
    expect(() => store.append('nope', [move(2)])).toThrow(/unknown simul/);
    expect(store.load('nope')).toBeNull();
  });

  it('lists unfinished simuls oldest first, until they log simul-finished', () => {
    fresh();
    expect(store.unfinishedSimulIds()).toEqual([]);
    store.createSimul('a', 'h', created('a', 1_000));
    store.createSimul('b', 'h', created('b', 2_000));
    store.createSimul('c', 'h', created('c', 3_000));
    expect(store.unfinishedSimulIds()).toEqual(['a', 'b', 'c']);

    store.append('b', [move(2), finished(3)]);
    expect(store.unfinishedSimulIds()).toEqual(['a', 'c']);
    expect(() => store.append('a', [move(2), finished(2)])).toThrow(); // rolled back
    expect(store.unfinishedSimulIds()).toEqual(['a', 'c']);
    store.append('a', [finished(2)]);
    expect(store.unfinishedSimulIds()).toEqual(['c']);
    expect(store.load('a')?.events.at(-1)).toEqual(finished(2));
  });

  it('prunes only finished simuls older than the cutoff, and only when asked', () => {
    fresh();
    store.createSimul('old', 'h', created('old'));
    store.append('old', [seatTaken(2, 1), finished(3, 10_000)], { board: 1, tokenHash: 't' });
    store.createSimul('recent', 'h', created('recent'));
    store.append('recent', [finished(2, 50_000)]);
    store.createSimul('running', 'h', created('running', 0));

    expect(store.pruneFinished(40_000, 50_000)).toBe(0); // cutoff 10_000: nothing older
    expect(store.load('old')).not.toBeNull();
    expect(store.pruneFinished(30_000, 50_000)).toBe(1); // cutoff 20_000: 'old' goes
    expect(store.load('old')).toBeNull();
    expect(store.load('recent')).not.toBeNull();
    expect(store.pruneFinished(0, 1e15)).toBe(1); // 'recent' goes; unfinished never
    expect(store.load('recent')).toBeNull();
    expect(store.unfinishedSimulIds()).toEqual(['running']);
    expect(store.pruneFinished(0, 1e15)).toBe(0);

    // Its events and seats went with it: the id can be used again from scratch.
    store.createSimul('old', 'h2', created('old'));
    expect(store.load('old')).toEqual({
      events: [created('old')],
      credentials: { hostKeyHash: 'h2', seatTokenHashes: new Map(), secrets: new Map() },
    });
  });
});
