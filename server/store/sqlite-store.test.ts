// SQLite-only behaviour: files, schema, migrations, atomicity and durability.
// The behaviour shared with the memory store is in event-store.contract.test.ts.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SimulEvent } from '../../lib/simul/types';
import { MIGRATIONS } from './sqlite-database';
import { SqliteEventStore } from './sqlite-store';
import { created, finished, move, seatTaken } from './test-events';

const projectRoot = path.resolve(__dirname, '../..');
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simul-sqlite-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('SqliteEventStore', () => {
  it('creates parent directories and finds everything again after reopening', async () => {
    const file = path.join(dir, 'nested', 'deeper', 'simul.db');
    const store = new SqliteEventStore(file);
    await store.createSimul('a', 'host-a', created('a', 1_000));
    await store.append('a', [seatTaken(2, 1), seatTaken(3, 3)], { board: 3, tokenHash: 't3' });
    await store.append('a', [move(4, 3)], { board: 1, tokenHash: 't1' });
    await store.createSimul('b', 'host-b', created('b', 2_000));
    await store.append('b', [finished(2)]);
    await store.createSimul('c', 'host-c', created('c', 3_000));
    const before = await Promise.all(['a', 'b', 'c'].map((id) => store.load(id)));
    await store.close();

    const reopened = new SqliteEventStore(file);
    expect(await Promise.all(['a', 'b', 'c'].map((id) => reopened.load(id)))).toEqual(before);
    expect((await reopened.load('a'))?.credentials.seatTokenHashes).toEqual(new Map([[3, 't3'], [1, 't1']]));
    expect(await reopened.unfinishedSimulIds()).toEqual(['a', 'c']);
    await reopened.append('a', [move(5, 1)]);
    await reopened.close();
  });

  it('migrates a fresh file to the latest schema version, in WAL mode, once', async () => {
    const file = path.join(dir, 'simul.db');
    await new SqliteEventStore(file).close();
    const raw = new Database(file);
    expect(raw.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = raw
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(['events', 'seats', 'secrets', 'simuls']);
    raw.close();

    // Reopening an up-to-date file runs no migration (it would fail: the tables exist).
    await new SqliteEventStore(file).close();
  });

  it('refuses a database from a newer schema version', async () => {
    const file = path.join(dir, 'simul.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => new SqliteEventStore(file)).toThrow(/newer/);
  });

  it('rejects a duplicate (simul_id, seq) in the schema itself', async () => {
    const file = path.join(dir, 'simul.db');
    const store = new SqliteEventStore(file);
    await store.createSimul('a', 'h', created('a'));
    await store.close();
    const raw = new Database(file);
    expect(() =>
      raw
        .prepare("INSERT INTO events (simul_id, seq, at, type, body) VALUES ('a', 1, 0, 'x', '{}')")
        .run(),
    ).toThrow(/UNIQUE|PRIMARY KEY/);
    raw.close();
  });

  it('rolls back the whole append when an event fails halfway for another reason', async () => {
    const store = new SqliteEventStore(':memory:');
    await store.createSimul('a', 'h', created('a'));
    // An object is no value SQLite can bind: the second event fails after the first is inserted.
    const bad = { ...move(3), at: { when: 'now' } } as unknown as SimulEvent;
    await expect(store.append('a', [move(2), bad, finished(4)], { board: 1, tokenHash: 't' })).rejects.toThrow(/parameter/);
    expect(await store.load('a')).toEqual({
      events: [created('a')],
      credentials: { hostKeyHash: 'h', seatTokenHashes: new Map(), secrets: new Map() },
    });
    expect(await store.unfinishedSimulIds()).toEqual(['a']);
    await store.close();
  });

  it('commits on its own thread: this one runs on while the database waits for a lock', async () => {
    const file = path.join(dir, 'simul.db');
    const store = new SqliteEventStore(file);
    await store.createSimul('a', 'h', created('a'));
    // Another connection holds the write lock: the store's transaction has to wait for it.
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    const appended = store.append('a', [move(2)]).then(() => 'committed');
    // A store on this thread would be stuck in its transaction here; this thread's timers run.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await Promise.race([appended, Promise.resolve('waiting')])).toBe('waiting');
    other.exec('ROLLBACK');
    other.close();
    expect(await appended).toBe('committed');
    expect((await store.load('a'))!.events.map((e) => e.seq)).toEqual([1, 2]);
    await store.close();
  });

  it('answers the calls in the order they were sent, each write committed before the next', async () => {
    const store = new SqliteEventStore(path.join(dir, 'simul.db'));
    const answered: string[] = [];
    const calls = [store.createSimul('a', 'h', created('a')).then(() => answered.push('create'))];
    for (let seq = 2; seq <= 200; seq++) calls.push(store.append('a', [move(seq)]).then(() => answered.push(`append ${seq}`)));
    const loaded = await store.load('a');
    expect(answered).toEqual(['create', ...Array.from({ length: 199 }, (_, i) => `append ${i + 2}`)]);
    expect(loaded!.events.map((e) => e.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    await Promise.all(calls);
    await store.close();
  });

  it('fails a refused write alone, with the reason the database gave, and runs the next call', async () => {
    const store = new SqliteEventStore(path.join(dir, 'simul.db'));
    await store.createSimul('a', 'h', created('a'));
    await expect(store.append('a', [move(3)])).rejects.toThrow('event seq 3 out of order in a');
    await expect(store.append('b', [move(2)])).rejects.toThrow('unknown simul b');
    await store.append('a', [move(2)]);
    expect((await store.load('a'))!.events.map((e) => e.seq)).toEqual([1, 2]);
    await store.close();
    await expect(store.load('a')).rejects.toThrow(/is closed/);
  });

  it('keeps every acknowledged append when the process is killed with SIGKILL', async () => {
    const file = path.join(dir, 'simul.db');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'durability-child.ts'), file],
      { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );

    // Read acknowledged seqs until enough have been printed, then kill mid-stream.
    let acknowledged = 0;
    let buffered = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        for (const line of lines) acknowledged = Number(line);
        if (acknowledged >= 300 && child.exitCode === null && !child.killed) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`child exited before the kill: ${stderr}`)));
    });
    expect(await exited).toBe('SIGKILL');

    const store = new SqliteEventStore(file);
    const loaded = await store.load('s1');
    await store.close();
    const seqs = loaded!.events.map((e) => e.seq);
    // Every printed seq is there, in order, and nothing beyond what the child could write.
    expect(seqs.length).toBeGreaterThanOrEqual(acknowledged);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    // The seat change of the last committed append came with it.
    expect(loaded!.credentials.seatTokenHashes.get(1)).toBe(`t${seqs.at(-1)}`);
  });
});
