import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryEventStore } from './memory-store';
import { describeStore, openStore } from './open-store';
import { SqliteEventStore } from './sqlite-store';

// Next's types make NODE_ENV a required key of ProcessEnv.
const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simul-open-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('openStore', () => {
  it('opens the memory store when asked for it', async () => {
    expect(openStore(env({ SIMUL_STORE: 'memory' }))).toBeInstanceOf(MemoryEventStore);
    expect(openStore(env({ SIMUL_DB: ':memory:' }))).toBeInstanceOf(MemoryEventStore);
  });

  it('opens a SQLite file at SIMUL_DB otherwise', async () => {
    const file = path.join(dir, 'sub', 'x.db');
    const store = openStore(env({ SIMUL_DB: file }));
    expect(store).toBeInstanceOf(SqliteEventStore);
    await store.close();
    expect(fs.existsSync(file)).toBe(true);
  });
});

describe('describeStore', () => {
  it('says which store opened and, for a database, what opening it found', async () => {
    expect(describeStore(openStore(env({ SIMUL_STORE: 'memory' })))).toBe(
      'store: memory only (nothing survives a restart)',
    );
    const file = path.join(dir, 'simul.db');
    const fresh = openStore(env({ SIMUL_DB: file }));
    expect(describeStore(fresh)).toBe(`database ${file}: created`);
    await fresh.close();
    const reopened = openStore(env({ SIMUL_DB: file }));
    expect(describeStore(reopened)).toMatch(new RegExp(`^database .*simul\\.db: quick_check ok in \\d+ ms$`));
    await reopened.close();
  });
});
