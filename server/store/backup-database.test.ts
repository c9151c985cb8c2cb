import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase } from './backup-database';
import { SqliteEventStore } from './sqlite-store';
import { created, move } from './test-events';

const projectRoot = path.resolve(__dirname, '../..');
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simul-backup-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const loadEvents = async (file: string, simulId: string) => {
  const store = new SqliteEventStore(file);
  const events = (await store.load(simulId))!.events;
  await store.close();
  return events;
};
const seqsOf = async (file: string, simulId: string) => (await loadEvents(file, simulId)).map((e) => e.seq);
const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('backupDatabase', () => {
  it('copies the events still in the -wal of an open writer, into one checked file', async () => {
    const live = path.join(dir, 'simul.db');
    const writer = new SqliteEventStore(live);
    await writer.createSimul('a', 'h', created('a'));
    for (let seq = 2; seq <= 120; seq++) await writer.append('a', [move(seq)]);
    await writer.createSimul('b', 'h', created('b'));
    expect(fs.statSync(`${live}-wal`).size).toBeGreaterThan(0); // not checkpointed

    const copy = path.join(dir, 'backups', 'copy.db');
    const summary = await backupDatabase(live, copy);
    await writer.append('a', [move(121)]); // after the backup: not in the copy

    expect(summary).toEqual({
      simuls: 2,
      events: 121,
      bytes: fs.statSync(copy).size,
      quickCheckMs: expect.any(Number),
    });
    // One self-contained file: not in WAL mode, nothing beside it.
    expect(fs.readdirSync(path.dirname(copy))).toEqual(['copy.db']);
    const raw = new Database(copy, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('delete');
    raw.close();
    expect(await seqsOf(copy, 'a')).toEqual(oneTo(120));
    expect(await seqsOf(copy, 'b')).toEqual([1]);
    await writer.close();
  });

  it('copies every committed event while another process keeps appending', async () => {
    const live = path.join(dir, 'simul.db');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'durability-child.ts'), live],
      { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    let acknowledged = 0;
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (buffered + chunk.toString()).split('\n');
      buffered = lines.pop()!;
      if (lines.length > 0) acknowledged = Number(lines.at(-1));
    });
    try {
      await expect
        .poll(() => acknowledged || stderr, { timeout: 15_000, interval: 20 })
        .toBeGreaterThanOrEqual(300);
      const before = acknowledged;
      const copy = path.join(dir, 'copy.db');
      const summary = await backupDatabase(live, copy);

      const copied = await loadEvents(copy, 's1');
      expect(summary.events).toBe(copied.length);
      expect(copied.map((e) => e.seq)).toEqual(oneTo(copied.length)); // a snapshot: no gap
      expect(copied.length).toBeGreaterThanOrEqual(before); // all acknowledged before it began
      // The backup did not stop the writer, and the copy is the start of what it wrote.
      await expect.poll(() => acknowledged, { timeout: 5_000 }).toBeGreaterThan(copied.length + 50);
      child.kill('SIGKILL');
      await exited;
      expect((await loadEvents(live, 's1')).slice(0, copied.length)).toEqual(copied);
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
  });

  it('refuses a missing source, the source itself as destination, and a source with no schema', async () => {
    const missing = path.join(dir, 'missing.db');
    await expect(backupDatabase(missing, path.join(dir, 'copy.db'))).rejects.toThrow(
      `${missing} does not exist`,
    );

    const live = path.join(dir, 'simul.db');
    await new SqliteEventStore(live).close();
    await expect(backupDatabase(live, path.join(dir, '.', 'simul.db'), { force: true })).rejects.toThrow(
      /another file than the database/,
    );

    const empty = path.join(dir, 'empty.db');
    fs.writeFileSync(empty, '');
    await expect(backupDatabase(empty, path.join(dir, 'copy.db'))).rejects.toThrow(
      /holds no Async Simul schema/,
    );
    expect(fs.readdirSync(dir).sort()).toEqual(['empty.db', 'simul.db']);
  });

  it('refuses to overwrite an existing destination unless forced', async () => {
    const live = path.join(dir, 'simul.db');
    const store = new SqliteEventStore(live);
    await store.createSimul('a', 'h', created('a'));
    const copy = path.join(dir, 'copy.db');
    fs.writeFileSync(copy, 'an older backup');

    await expect(backupDatabase(live, copy)).rejects.toThrow(
      `${copy} already exists; pass --force to overwrite it`,
    );
    expect(fs.readFileSync(copy, 'utf8')).toBe('an older backup');

    expect((await backupDatabase(live, copy, { force: true })).simuls).toBe(1);
    expect(await seqsOf(copy, 'a')).toEqual([1]);
    await store.close();
  });
});
