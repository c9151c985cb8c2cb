// The checks a database file must pass before the server trusts it: an existing file holds
// the Async Simul schema at a version this server knows, and SQLite finds its pages sound.
// Each failed check throws an error that names the file, says why, and what to do.
import type Database from 'better-sqlite3';

/** How many problems of a failed quick_check the error lists. */
const PROBLEMS_SHOWN = 5;

/**
 * Throws unless the open database `db` (read from the existing file `file`) holds the
 * Async Simul schema at a version from 1 to `knownVersion`. Returns that version.
 *
 * An empty file, or a copy of a WAL-mode database taken without its -wal file, reads as a
 * valid database with no tables: opening it as if it were new would start with no simuls.
 */
export function checkSchema(db: Database.Database, file: string, knownVersion: number): number {
  const { version, hasSimuls } = readSchema(db, file);
  if (version > knownVersion) {
    throw new Error(
      `${file} has schema v${version}, newer than this server (v${knownVersion}): it was written ` +
        'by a newer version of Async Simul. Run that version, or restore an older backup.',
    );
  }
  if (version === 0 || !hasSimuls) {
    throw new Error(
      `${file} exists but holds no Async Simul schema: it may be empty or a copy taken without ` +
        'its -wal file. Refusing it so that no simul is silently lost: move it away to start ' +
        'fresh, or restore it from a backup.',
    );
  }
  return version;
}

/**
 * Runs `PRAGMA quick_check` and throws, listing the first problems, unless SQLite answers ok.
 * Returns how long the check took in milliseconds, measured with `now`.
 */
export function quickCheck(
  db: Database.Database,
  file: string,
  now: () => number = () => performance.now(),
): number {
  const started = now();
  let problems: string[];
  try {
    const rows = db.pragma(`quick_check(${PROBLEMS_SHOWN})`) as { quick_check: string }[];
    // A row may hold several lines, under a heading like "*** in database main ***".
    problems = rows
      .flatMap((row) => row.quick_check.split('\n'))
      .filter((line) => !line.startsWith('***'))
      .slice(0, PROBLEMS_SHOWN);
  } catch (err) {
    problems = [(err as Error).message];
  }
  if (problems.length !== 1 || problems[0] !== 'ok') {
    throw new Error(
      `${file} failed PRAGMA quick_check, so it is damaged: ${problems.join('; ')}. ` +
        'Refusing it; restore it from a backup.',
    );
  }
  return now() - started;
}

function readSchema(db: Database.Database, file: string): { version: number; hasSimuls: boolean } {
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    const hasSimuls =
      db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'simuls'").get() !==
      undefined;
    return { version, hasSimuls };
  } catch (err) {
    throw new Error(`${file} is not a readable SQLite database (${(err as Error).message}).`);
  }
}
