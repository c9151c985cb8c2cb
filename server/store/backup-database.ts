// A consistent copy of a live database, made with SQLite's online backup API: safe while the
// server runs and writes, unlike cp, which can miss the moves still in the -wal file.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { checkSchema, quickCheck } from './database-check';
import { MIGRATIONS } from './sqlite-database';

interface BackupSummary {
  simuls: number;
  events: number;
  bytes: number;
  quickCheckMs: number;
}

/**
 * Copies the database at `source` to `destination` and checks the copy (schema and
 * quick_check) before it takes the destination's name. Refuses a missing source, a source
 * with no Async Simul schema, and an existing destination unless `force`.
 */
export async function backupDatabase(
  source: string,
  destination: string,
  { force = false }: { force?: boolean } = {},
): Promise<BackupSummary> {
  if (!fs.existsSync(source)) throw new Error(`${source} does not exist: nothing to back up`);
  if (path.resolve(source) === path.resolve(destination)) {
    throw new Error(`the backup must go to another file than the database ${source}`);
  }
  if (fs.existsSync(destination) && !force) {
    throw new Error(`${destination} already exists; pass --force to overwrite it`);
  }

  const partial = `${destination}.partial`;
  fs.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
  removeWithSidecars(partial);
  const live = new Database(source, { readonly: true, fileMustExist: true });
  try {
    checkSchema(live, source, MIGRATIONS.length);
    // All pages in one step, so in one read transaction: a snapshot of the last commit that
    // does not block the server's writers (WAL). In smaller steps, every write by the server
    // between two steps would restart the copy.
    await live.backup(partial, { progress: () => 0x7fffffff });
  } catch (err) {
    removeWithSidecars(partial);
    throw err;
  } finally {
    live.close();
  }

  let summary: Omit<BackupSummary, 'bytes'>;
  const copy = new Database(partial, { fileMustExist: true });
  try {
    // The copy is a single file (no -wal to forget); the server turns WAL back on when it opens it.
    copy.pragma('journal_mode = DELETE');
    checkSchema(copy, partial, MIGRATIONS.length);
    summary = {
      quickCheckMs: quickCheck(copy, partial),
      simuls: copy.prepare<[], number>('SELECT count(*) FROM simuls').pluck().get()!,
      events: copy.prepare<[], number>('SELECT count(*) FROM events').pluck().get()!,
    };
  } catch (err) {
    copy.close();
    removeWithSidecars(partial);
    throw err;
  }
  copy.close();

  // A stale -wal beside the old destination would be replayed onto the new copy.
  removeWithSidecars(destination);
  fs.renameSync(partial, destination);
  return { ...summary, bytes: fs.statSync(destination).size };
}

function removeWithSidecars(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
}
