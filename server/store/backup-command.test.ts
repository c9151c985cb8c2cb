// `npm run backup` as the operator runs it: a real process, its output and its exit codes.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteEventStore } from './sqlite-store';
import { created, move } from './test-events';

const projectRoot = path.resolve(__dirname, '../..');
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simul-backup-cli-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function backup(db: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'backup-command.ts'), ...args],
      { cwd: projectRoot, env: { ...process.env, SIMUL_DB: db } },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const { code, stdout, stderr } = err as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

describe('npm run backup', () => {
  it('backs up SIMUL_DB while it is open, refuses to overwrite without --force, and says how to use it', async () => {
    const live = path.join(dir, 'simul.db');
    const store = new SqliteEventStore(live);
    await store.createSimul('a', 'h', created('a'));
    await store.append('a', [move(2), move(3)]);
    const copy = path.join(dir, 'backups', 'simul-2026-11-25.db');

    const first = await backup(live, copy);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(
      new RegExp(`^backed up ${escapeRegExp(live)} to ${escapeRegExp(copy)}: 1 simuls, 3 events, \\d+ kB; quick_check ok in \\d+ ms\\n$`),
    );

    const again = await backup(live, copy);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`backup failed: ${copy} already exists; pass --force to overwrite it\n`);

    await store.append('a', [move(4)]);
    expect(await backup(live, copy, '--force')).toMatchObject({ code: 0, stdout: expect.stringContaining('4 events') });
    await store.close();

    const missing = await backup(path.join(dir, 'missing.db'), path.join(dir, 'other.db'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/missing\.db does not exist/);

    expect(await backup(live)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^usage: npm run backup -- <file>/) });
    expect(await backup(live, copy, '--froce')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^unknown option --froce/) });
  });
});
