// The SQLite database itself, synchronous (better-sqlite3): its schema and migrations, the
// checks it must pass when it opens, and every statement the event store runs. Only one thread
// holds an open SqliteDatabase while the server runs: the store's worker (sqlite-worker.ts);
// sqlite-store.ts is the EventStore that the room's thread talks to.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { SimulEvent } from '../../lib/simul/types';
import { checkSchema, quickCheck } from './database-check';
import type { AppendEntry, LoadedSimul, SeatCredentialChange, SecretChange } from './event-store';

/**
 * Schema migrations, in order. The database's `PRAGMA user_version` is the number of
 * migrations already applied; on open, the pending ones run in a single transaction that
 * also sets user_version, so a database is always at one known version.
 *
 * To change the schema, APPEND a function here (e.g. `(db) => db.exec('ALTER TABLE ...')`).
 * Never edit, reorder or remove a migration that has shipped: existing files have run it.
 */
export const MIGRATIONS: ReadonlyArray<(db: Database.Database) => void> = [
  // 1: the initial schema.
  (db) =>
    db.exec(`
      CREATE TABLE simuls (
        simul_id      TEXT PRIMARY KEY,
        host_key_hash TEXT NOT NULL,
        created_at    INTEGER NOT NULL,
        finished_at   INTEGER            -- set by the append that logs simul-finished
      );
      CREATE INDEX simuls_unfinished ON simuls (created_at) WHERE finished_at IS NULL;
      CREATE INDEX simuls_finished ON simuls (finished_at) WHERE finished_at IS NOT NULL;

      CREATE TABLE events (
        simul_id TEXT NOT NULL REFERENCES simuls (simul_id) ON DELETE CASCADE,
        seq      INTEGER NOT NULL,
        at       INTEGER NOT NULL,
        type     TEXT NOT NULL,
        body     TEXT NOT NULL,          -- JSON of the event without seq, at and type
        PRIMARY KEY (simul_id, seq)
      );

      CREATE TABLE seats (
        simul_id   TEXT NOT NULL REFERENCES simuls (simul_id) ON DELETE CASCADE,
        board      INTEGER NOT NULL,
        token_hash TEXT NOT NULL,
        PRIMARY KEY (simul_id, board)
      );
    `),
  // 2: the room's other secrets (bots' seeds, seats' networks, blocked networks), by name.
  (db) =>
    db.exec(`
      CREATE TABLE secrets (
        simul_id TEXT NOT NULL REFERENCES simuls (simul_id) ON DELETE CASCADE,
        name     TEXT NOT NULL,
        value    TEXT NOT NULL,
        PRIMARY KEY (simul_id, name)
      );
    `),
];

export interface SqliteStoreOptions {
  /**
   * Durability of a committed append (default FULL).
   *
   * In WAL mode, NORMAL already survives kill -9 of the server: a commit has written the
   * WAL frames to the OS (page cache) before append returns, and the OS keeps them when the
   * process dies. NORMAL can lose the last commits on power loss or an OS crash, because
   * it fsyncs the WAL only at checkpoints. FULL fsyncs the WAL on every commit, so an
   * acknowledged move survives those too.
   *
   * FULL is the default: measured on the dev VM (3000 one-event appends), an append took
   * ~0.19 ms median / ~0.23 ms mean with FULL against ~0.03 ms / ~0.05 ms with NORMAL.
   * That still allows thousands of appends a second, far above what a classroom of simuls
   * sends, so the stronger guarantee is worth its cost.
   */
  synchronous?: 'FULL' | 'NORMAL';
}

/** Pages of write-ahead log between checkpoints (about 512 KB). */
const WAL_CHECKPOINT_PAGES = 128;
/** Bytes the write-ahead log file is cut back to after a checkpoint. */
const WAL_SIZE_LIMIT = 1024 * 1024;

/** What opening the database found, for the entry point to log. */
export interface StartupCheck {
  file: string;
  /** True when the file did not exist and was created with the schema. */
  created: boolean;
  /** How long PRAGMA quick_check took, in milliseconds. */
  quickCheckMs: number;
}

/** An event's row as read. */
interface StoredRow {
  seq: number;
  at: number;
  type: string;
  body: string;
}

/**
 * Opens the database at `file`, a path or ':memory:'. A path that does not exist is created
 * with the schema (parent directories too). An existing file must hold the schema and pass
 * quick_check (unless `checked`: the caller opened and checked it already), or this throws and
 * leaves the file as it was.
 */
export function openDatabase(
  file: string,
  options: SqliteStoreOptions = {},
  { checked = false }: { checked?: boolean } = {},
): { db: Database.Database; startupCheck: StartupCheck } {
  const onDisk = file !== ':memory:' && file !== '';
  const existed = onDisk && fs.existsSync(file);
  if (onDisk && !existed) fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    // Checked before anything writes: a refused file stays byte for byte as it was.
    if (existed && !checked) checkSchema(db, file, MIGRATIONS.length);
    const quickCheckMs = checked ? 0 : quickCheck(db, file);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
    db.pragma('foreign_keys = ON');
    // The write-ahead log is checkpointed into the main file every WAL_CHECKPOINT_PAGES pages
    // (SQLite's default, 1,000 pages, is 4 MB: on a small disk the log alone filled it again as
    // soon as space was freed), and cut back to WAL_SIZE_LIMIT after a checkpoint.
    db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
    db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`);
    migrate(db);
    return { db, startupCheck: { file, created: !existed, quickCheckMs } };
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * An event as its row holds it: seq, at, type, and the rest as JSON. Made on the room's thread
 * (eventRow), so that the database's thread is sent strings to copy, not objects to clone.
 */
export type EventRow = [seq: number, at: number, type: string, body: string];

export function eventRow(e: SimulEvent): EventRow {
  const { seq, at, type, ...body } = e;
  return [seq, at, type, JSON.stringify(body)];
}

/** An append of one simul, its events as rows. */
export interface RowsEntry extends Omit<AppendEntry, 'events' | 'epoch'> {
  rows: EventRow[];
}

/** The event store's statements on one open database, run synchronously. */
export class SqliteDatabase {
  private readonly stmts;
  private readonly appendTx;
  private readonly appendManyTx;
  private readonly createTx;
  /**
   * Each simul's last seq as committed, read from the file once: an append checks its order
   * without a query (this connection is the file's only writer); and as the transaction under
   * way wrote them, kept only once it commits.
   */
  private readonly lastSeqs = new Map<string, number>();
  private readonly writingSeqs = new Map<string, number>();

  constructor(private readonly db: Database.Database) {
    this.stmts = {
      insertSimul: db.prepare(
        'INSERT INTO simuls (simul_id, host_key_hash, created_at) VALUES (?, ?, ?)',
      ),
      insertEvent: db.prepare(
        'INSERT INTO events (simul_id, seq, at, type, body) VALUES (?, ?, ?, ?, ?)',
      ),
      lastSeq: db
        .prepare<[string], number | null>('SELECT max(seq) FROM events WHERE simul_id = ?')
        .pluck(),
      markFinished: db.prepare(
        'UPDATE simuls SET finished_at = ? WHERE simul_id = ? AND finished_at IS NULL',
      ),
      setSeat: db.prepare(
        `INSERT INTO seats (simul_id, board, token_hash) VALUES (?, ?, ?)
         ON CONFLICT (simul_id, board) DO UPDATE SET token_hash = excluded.token_hash`,
      ),
      freeSeat: db.prepare('DELETE FROM seats WHERE simul_id = ? AND board = ?'),
      setSecret: db.prepare(
        `INSERT INTO secrets (simul_id, name, value) VALUES (?, ?, ?)
         ON CONFLICT (simul_id, name) DO UPDATE SET value = excluded.value`,
      ),
      deleteSecret: db.prepare('DELETE FROM secrets WHERE simul_id = ? AND name = ?'),
      secrets: db.prepare<[string], { name: string; value: string }>('SELECT name, value FROM secrets WHERE simul_id = ?'),
      hostKeyHash: db
        .prepare<[string], string>('SELECT host_key_hash FROM simuls WHERE simul_id = ?')
        .pluck(),
      events: db.prepare<[string], StoredRow>(
        'SELECT seq, at, type, body FROM events WHERE simul_id = ? ORDER BY seq',
      ),
      seats: db.prepare<[string], { board: number; token_hash: string }>(
        'SELECT board, token_hash FROM seats WHERE simul_id = ?',
      ),
      unfinished: db
        .prepare<[], string>(
          'SELECT simul_id FROM simuls WHERE finished_at IS NULL ORDER BY created_at, rowid',
        )
        .pluck(),
      // The join code is in the simul-created event (seq 1), which every unfinished simul has.
      withCode: db
        .prepare<[string], string>(
          `SELECT s.simul_id FROM simuls s JOIN events e ON e.simul_id = s.simul_id AND e.seq = 1
           WHERE s.finished_at IS NULL AND json_extract(e.body, '$.joinCode') = ? LIMIT 1`,
        )
        .pluck(),
      prune: db.prepare('DELETE FROM simuls WHERE finished_at IS NOT NULL AND finished_at < ?'),
    };

    this.createTx = db.transaction((simulId: string, hostKeyHash: string, created: EventRow, secrets: readonly SecretChange[]) => {
      if (created[0] !== 1) throw new Error(`first event of ${simulId} must have seq 1`);
      this.stmts.insertSimul.run(simulId, hostKeyHash, created[1]);
      this.insertEvent(simulId, created);
      this.writingSeqs.set(simulId, 1);
      this.changeSecrets(simulId, secrets);
    });

    // One simul's append, inside a transaction: any throw rolls the whole transaction back,
    // events and seat change alike.
    const appendOne = (simulId: string, rows: readonly EventRow[], seat?: SeatCredentialChange, secrets: readonly SecretChange[] = []) => {
      const last = this.lastSeqOf(simulId);
      if (last === null) throw new Error(`unknown simul ${simulId}`);
      let expected = last + 1;
      for (const row of rows) {
        if (row[0] !== expected++) throw new Error(`event seq ${row[0]} out of order in ${simulId}`);
        this.insertEvent(simulId, row);
      }
      if (rows.length > 0) this.writingSeqs.set(simulId, rows[rows.length - 1][0]);
      if (seat) {
        if (seat.tokenHash === null) this.stmts.freeSeat.run(simulId, seat.board);
        else this.stmts.setSeat.run(simulId, seat.board, seat.tokenHash);
      }
      this.changeSecrets(simulId, secrets);
    };
    this.appendTx = db.transaction(appendOne);
    // The entries share one transaction, committed (and flushed) once. No savepoint per entry: a
    // throw in any of them rolls the whole batch back anyway (the commit queue then tries each
    // simul on its own), and two statements an entry were what savepoints cost.
    this.appendManyTx = db.transaction((entries: readonly RowsEntry[]) => {
      for (const e of entries) appendOne(e.simulId, e.rows, e.seat, e.secrets);
    });
  }

  /** One transaction for all the entries: when it returns, they are committed (and, with FULL, fsynced). */
  // Each write begins IMMEDIATE: it takes the write lock first, so a lock held by another
  // connection is waited for (busy timeout), not failed at once when a read turns into a write.
  appendMany(entries: readonly RowsEntry[]): void {
    this.write(() => this.appendManyTx.immediate(entries));
  }

  createSimul(simulId: string, hostKeyHash: string, created: EventRow, secrets: readonly SecretChange[] = []): void {
    this.write(() => this.createTx.immediate(simulId, hostKeyHash, created, secrets));
  }

  append(simulId: string, rows: readonly EventRow[], seat?: SeatCredentialChange): void {
    this.write(() => this.appendTx.immediate(simulId, rows, seat));
  }

  /**
   * A write; on a full disk (rolled back whole), the write-ahead log is checkpointed into the
   * main file and truncated, and the write tried once more: the log's space is often what the
   * write lacked, and once space is freed this is what lets the server go on without a restart.
   * Still full: the SQLITE_FULL error goes to the caller (a `storage-full` refusal).
   */
  private write(run: () => void): void {
    try {
      this.attempt(run);
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_FULL') throw err;
      try {
        this.db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        throw err;
      }
      this.attempt(run);
    }
  }

  /** One transaction; the simuls' last seqs it wrote are kept once it has committed. */
  private attempt(run: () => void): void {
    this.writingSeqs.clear();
    run();
    for (const [simulId, seq] of this.writingSeqs) this.lastSeqs.set(simulId, seq);
    this.writingSeqs.clear();
  }

  /** A simul's last seq: as the transaction under way left it, as last committed, or read from the file once. */
  private lastSeqOf(simulId: string): number | null {
    const known = this.writingSeqs.get(simulId) ?? this.lastSeqs.get(simulId);
    if (known !== undefined) return known;
    const last = this.stmts.lastSeq.get(simulId) ?? null;
    if (last !== null) this.lastSeqs.set(simulId, last);
    return last;
  }

  load(simulId: string): LoadedSimul | null {
    const hostKeyHash = this.stmts.hostKeyHash.get(simulId);
    if (hostKeyHash === undefined) return null;
    const events = this.stmts.events
      .all(simulId)
      .map((r) => ({ seq: r.seq, at: r.at, type: r.type, ...JSON.parse(r.body) }) as SimulEvent);
    const seatTokenHashes = new Map(
      this.stmts.seats.all(simulId).map((r) => [r.board, r.token_hash] as const),
    );
    const secrets = new Map(this.stmts.secrets.all(simulId).map((r) => [r.name, r.value] as const));
    return { events, credentials: { hostKeyHash, seatTokenHashes, secrets } };
  }

  unfinishedSimulIds(): string[] {
    return this.stmts.unfinished.all();
  }

  simulWithCode(joinCode: string): string | null {
    return this.stmts.withCode.get(joinCode) ?? null;
  }

  /** Deletes simuls that finished before `now - olderThanMs`, with their events and seats. */
  pruneFinished(olderThanMs: number, now: number): number {
    this.lastSeqs.clear();
    return this.stmts.prune.run(now - olderThanMs).changes;
  }

  close(): void {
    this.db.close();
  }

  private changeSecrets(simulId: string, secrets: readonly SecretChange[]): void {
    for (const { name, value } of secrets) {
      if (value === null) this.stmts.deleteSecret.run(simulId, name);
      else this.stmts.setSecret.run(simulId, name, value);
    }
  }

  private insertEvent(simulId: string, [seq, at, type, body]: EventRow): void {
    this.stmts.insertEvent.run(simulId, seq, at, type, body);
    if (type === 'simul-finished') this.stmts.markFinished.run(at, simulId);
  }
}

/**
 * Brings the database up to the latest schema version (see MIGRATIONS). The constructor has
 * already refused a version newer than MIGRATIONS.length.
 */
function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version === MIGRATIONS.length) return;
  db.transaction(() => {
    for (const m of MIGRATIONS.slice(version)) m(db);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  })();
}
