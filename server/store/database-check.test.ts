// The checks on opening a database file: an existing file with no schema, a copy taken
// without its -wal file, a damaged file, and a new path. Through SqliteEventStore, which
// runs them, and quickCheck alone for its timing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { quickCheck } from './database-check';
import { SqliteEventStore } from './sqlite-store';
import { created, move } from './test-events';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simul-check-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const NO_SCHEMA = /exists but holds no Async Simul schema: it may be empty or a copy taken without its -wal file/;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A store at `file` with simul 'a' and events 1..count, left open. */
async function storeWithEvents(file: string, count: number): Promise<SqliteEventStore> {
  const store = new SqliteEventStore(file);
  await store.createSimul('a', 'h', created('a'));
  for (let seq = 2; seq <= count; seq++) await store.append('a', [move(seq)]);
  return store;
}

describe('opening a database file', () => {
  it('creates a new path with the schema, and says so', async () => {
    const file = path.join(dir, 'new', 'simul.db');
    const store = new SqliteEventStore(file);
    expect(store.startupCheck).toEqual({ file, created: true, quickCheckMs: expect.any(Number) });
    await store.createSimul('a', 'h', created('a'));
    await store.close();

    const reopened = new SqliteEventStore(file);
    expect(reopened.startupCheck.created).toBe(false);
    expect(await reopened.unfinishedSimulIds()).toEqual(['a']);
    await reopened.close();
  });

  it('refuses an existing 0-byte file, naming it, and leaves it untouched', async () => {
    const file = path.join(dir, 'simul.db');
    fs.writeFileSync(file, '');
    expect(() => new SqliteEventStore(file)).toThrow(NO_SCHEMA);
    expect(() => new SqliteEventStore(file)).toThrow(file);
    expect(fs.statSync(file).size).toBe(0);
    expect(fs.readdirSync(dir)).toEqual(['simul.db']);
  });

  it('refuses a file that is not a SQLite database', async () => {
    const file = path.join(dir, 'simul.db');
    fs.writeFileSync(file, 'simul notes, not a database\n'.repeat(200));
    expect(() => new SqliteEventStore(file)).toThrow(`${file} is not a readable SQLite database`);
  });

  it('refuses a copy of the main file taken while the schema was still only in the -wal', async () => {
    // The crash case: the server made the file and has been writing, and nothing was
    // checkpointed yet (SQLite checkpoints every 1000 pages, or on the last close). Turning
    // WAL on wrote only the header to the main file; the schema and every event are in -wal.
    const live = path.join(dir, 'simul.db');
    const writer = await storeWithEvents(live, 50);
    const copy = path.join(dir, 'copy.db');
    fs.copyFileSync(live, copy);
    const copied = fs.readFileSync(copy);
    expect(fs.statSync(`${live}-wal`).size).toBeGreaterThan(copied.length);

    expect(() => new SqliteEventStore(copy)).toThrow(NO_SCHEMA);
    expect(fs.readFileSync(copy)).toEqual(copied);
    await writer.close();
  });

  it('opens a copy taken without its -wal once the schema was checkpointed, missing the later events', async () => {
    // Closing checkpoints the schema and events 1..10 into the main file; events 11..30 are
    // in -wal only when the copy is taken. The copy is a sound database with fewer moves:
    // nothing can tell, which is why the README asks for `npm run backup` rather than cp.
    const live = path.join(dir, 'simul.db');
    await (await storeWithEvents(live, 10)).close();
    const writer = new SqliteEventStore(live);
    for (let seq = 11; seq <= 30; seq++) await writer.append('a', [move(seq)]);
    const copy = path.join(dir, 'copy.db');
    fs.copyFileSync(live, copy);

    const opened = new SqliteEventStore(copy);
    expect((await opened.load('a'))!.events.map((e) => e.seq)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    await opened.close();
    expect((await writer.load('a'))!.events).toHaveLength(30);
    await writer.close();
  });

  it('refuses a file with garbage written over one of its pages, listing what quick_check found', async () => {
    const file = path.join(dir, 'simul.db');
    await (await storeWithEvents(file, 400)).close(); // closing checkpoints: every page is in the main file
    const pageSize = 4096;
    const pages = fs.statSync(file).size / pageSize;
    expect(pages).toBeGreaterThan(5);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, Math.floor(pages / 2) * pageSize);
    fs.closeSync(fd);

    expect(() => new SqliteEventStore(file)).toThrow(
      new RegExp(`^${escapeRegExp(file)} failed PRAGMA quick_check, so it is damaged: \\S`),
    );
  });

  it('refuses an existing file whose user_version is set but has no simuls table', async () => {
    const file = path.join(dir, 'simul.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE notes (text TEXT)');
    raw.pragma('user_version = 1');
    raw.close();
    expect(() => new SqliteEventStore(file)).toThrow(NO_SCHEMA);
  });
});

describe('quickCheck', () => {
  it('returns how long the check took on the given clock', async () => {
    const db = new Database(':memory:');
    const times = [100, 112.5];
    expect(quickCheck(db, ':memory:', () => times.shift()!)).toBe(12.5);
    db.close();
  });
});
