// The shared event store of a cluster: Postgres (SIMUL_DATABASE_URL), behind the same contract
// as SQLite and memory. Several nodes write to it, so the database itself keeps them apart:
// (simul_id, seq) is the events' primary key, and a trigger refuses an event whose epoch is not
// its simul's current one, so the writes of a node whose lease has moved on (leases below)
// fail inside the transaction, whatever that node's code believes. Join codes are resolved from
// it by any node.
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { SimulEvent } from '../../lib/simul/types';
import { StaleEpochError, type AppendEntry, type EventStore, type LoadedSimul, type SeatCredentialChange, type SecretChange } from './event-store';
import type { SimulLeases } from './leases';

/** The schema, created once by whichever node opens the database first. */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS simuls (
    simul_id      TEXT PRIMARY KEY,
    n             BIGINT GENERATED ALWAYS AS IDENTITY,  -- creation order among equal created_at
    host_key_hash TEXT NOT NULL,
    join_code     TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    finished_at   BIGINT,                               -- set by the append that logs simul-finished
    epoch         BIGINT NOT NULL DEFAULT 0,            -- raised by every claim of the lease
    owner         TEXT,                                 -- the node holding the lease, if any
    lease_until   TIMESTAMPTZ,                          -- on the database's clock
    wanted_by     TEXT                                  -- a node its sockets reach now, asking for it
  );
  CREATE INDEX IF NOT EXISTS simuls_unfinished ON simuls (created_at, n) WHERE finished_at IS NULL;
  CREATE INDEX IF NOT EXISTS simuls_finished ON simuls (finished_at) WHERE finished_at IS NOT NULL;
  CREATE INDEX IF NOT EXISTS simuls_code ON simuls (join_code) WHERE finished_at IS NULL;
  CREATE INDEX IF NOT EXISTS simuls_owner ON simuls (owner) WHERE owner IS NOT NULL;

  CREATE TABLE IF NOT EXISTS events (
    simul_id TEXT NOT NULL REFERENCES simuls (simul_id) ON DELETE CASCADE,
    seq      INTEGER NOT NULL,
    at       BIGINT NOT NULL,
    type     TEXT NOT NULL,
    body     TEXT NOT NULL,          -- JSON of the event without seq, at and type
    epoch    BIGINT NOT NULL,        -- the lease epoch of the node that wrote it
    PRIMARY KEY (simul_id, seq)
  );

  CREATE TABLE IF NOT EXISTS seats (
    simul_id   TEXT NOT NULL REFERENCES simuls (simul_id) ON DELETE CASCADE,
    board      INTEGER NOT NULL,
    token_hash TEXT NOT NULL,
    PRIMARY KEY (simul_id, board)
  );

  -- The room's other secrets (bots' seeds, seats' networks, blocked networks), by name.
  CREATE TABLE IF NOT EXISTS secrets (
    simul_id TEXT NOT NULL REFERENCES simuls (simul_id) ON DELETE CASCADE,
    name     TEXT NOT NULL,
    value    TEXT NOT NULL,
    PRIMARY KEY (simul_id, name)
  );

  -- The fence: an event is written only by the holder of the simul's current epoch. FOR SHARE
  -- waits for a claim under way, and holds the next one off until this transaction ends.
  CREATE OR REPLACE FUNCTION simul_event_fence() RETURNS trigger AS $$
  DECLARE
    current_epoch BIGINT;
  BEGIN
    SELECT epoch INTO current_epoch FROM simuls WHERE simul_id = NEW.simul_id FOR SHARE;
    IF current_epoch IS NULL THEN
      RAISE EXCEPTION 'unknown simul %', NEW.simul_id USING ERRCODE = 'SE404', DETAIL = NEW.simul_id;
    END IF;
    IF NEW.epoch <> current_epoch THEN
      RAISE EXCEPTION 'stale epoch % for simul % (current %)', NEW.epoch, NEW.simul_id, current_epoch
        USING ERRCODE = 'SE409', DETAIL = NEW.simul_id;
    END IF;
    RETURN NEW;
  END;
  $$ LANGUAGE plpgsql;

  DROP TRIGGER IF EXISTS events_fence ON events;
  CREATE TRIGGER events_fence BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION simul_event_fence();
`;

/** Any fixed number: the advisory lock under which the schema is created, one node at a time. */
const SCHEMA_LOCK = 71_042_026;

/** BIGINT and friends as numbers: every one of ours (times in ms, epochs) fits in a double. */
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format),
};

interface EventRow {
  seq: number;
  at: number;
  type: string;
  body: string;
}

export class PostgresEventStore implements EventStore {
  constructor(readonly pool: pg.Pool) {}

  /** Connects and creates the schema if needed. */
  static async open(url: string): Promise<PostgresEventStore> {
    const pool = new pg.Pool({ connectionString: url, types, max: 8 });
    // An idle connection the server dropped must not take the node down.
    pool.on('error', (err) => console.error('postgres connection lost:', err.message));
    const store = new PostgresEventStore(pool);
    try {
      await store.transaction(async (c) => {
        await c.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
        await c.query(SCHEMA);
      });
    } catch (err) {
      await pool.end();
      throw err;
    }
    return store;
  }

  /** Where the store is, for the start-up log (never the password). */
  describe(): string {
    const { host, port, database } = this.pool.options;
    return `postgres ${host ?? 'localhost'}:${port ?? 5432}/${database ?? ''}`;
  }

  private async transaction<T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const result = await work(c);
      await c.query('COMMIT');
      return result;
    } catch (err) {
      await c.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      c.release();
    }
  }

  async createSimul(simulId: string, hostKeyHash: string, created: SimulEvent, secrets: readonly SecretChange[] = []): Promise<void> {
    if (created.seq !== 1) throw new Error(`first event of ${simulId} must have seq 1`);
    const joinCode = created.type === 'simul-created' ? created.joinCode : '';
    await this.transaction(async (c) => {
      await c.query('INSERT INTO simuls (simul_id, host_key_hash, join_code, created_at) VALUES ($1, $2, $3, $4)', [
        simulId,
        hostKeyHash,
        joinCode,
        created.at,
      ]);
      await this.insertEvents(c, [{ simulId, events: [created] }]);
      await this.changeSecrets(c, [{ simulId, secrets }]);
    });
  }

  append(simulId: string, events: readonly SimulEvent[], seat?: SeatCredentialChange): Promise<void> {
    return this.appendMany([{ simulId, events, seat }]);
  }

  /** One transaction, a handful of round trips whatever the batch holds. */
  async appendMany(entries: readonly AppendEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.transaction(async (c) => {
      const ids = [...new Set(entries.map((e) => e.simulId))];
      const last = await c.query<{ simul_id: string; seq: number }>(
        'SELECT simul_id, max(seq) AS seq FROM events WHERE simul_id = ANY($1) GROUP BY simul_id',
        [ids],
      );
      const next = new Map(last.rows.map((r) => [r.simul_id, r.seq + 1]));
      for (const { simulId, events } of entries) {
        let expected = next.get(simulId);
        if (expected === undefined) throw new Error(`unknown simul ${simulId}`);
        for (const e of events) {
          if (e.seq !== expected++) throw new Error(`event seq ${e.seq} out of order in ${simulId}`);
        }
        next.set(simulId, expected);
      }
      await this.insertEvents(c, entries);
      // A seat's last change in the batch is the one that stands.
      const seats = new Map<string, { simulId: string; seat: SeatCredentialChange }>();
      for (const { simulId, seat } of entries) if (seat) seats.set(`${simulId} ${seat.board}`, { simulId, seat });
      const set = [...seats.values()].filter((s) => s.seat.tokenHash !== null);
      const freed = [...seats.values()].filter((s) => s.seat.tokenHash === null);
      if (set.length > 0) {
        await c.query(
          `INSERT INTO seats (simul_id, board, token_hash) SELECT * FROM unnest($1::text[], $2::int[], $3::text[])
           ON CONFLICT (simul_id, board) DO UPDATE SET token_hash = excluded.token_hash`,
          [set.map((s) => s.simulId), set.map((s) => s.seat.board), set.map((s) => s.seat.tokenHash)],
        );
      }
      if (freed.length > 0) {
        await c.query('DELETE FROM seats WHERE (simul_id, board) IN (SELECT * FROM unnest($1::text[], $2::int[]))', [
          freed.map((s) => s.simulId),
          freed.map((s) => s.seat.board),
        ]);
      }
      await this.changeSecrets(c, entries);
    });
  }

  /** Sets and deletes secrets, the last change of each name standing. */
  private async changeSecrets(c: pg.PoolClient, entries: readonly Pick<AppendEntry, 'simulId' | 'secrets'>[]): Promise<void> {
    const last = new Map<string, { simulId: string; name: string; value: string | null }>();
    for (const { simulId, secrets } of entries) for (const { name, value } of secrets ?? []) last.set(`${simulId} ${name}`, { simulId, name, value });
    const set = [...last.values()].filter((x) => x.value !== null);
    const gone = [...last.values()].filter((x) => x.value === null);
    if (set.length > 0) {
      await c.query(
        `INSERT INTO secrets (simul_id, name, value) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
         ON CONFLICT (simul_id, name) DO UPDATE SET value = excluded.value`,
        [set.map((x) => x.simulId), set.map((x) => x.name), set.map((x) => x.value)],
      );
    }
    if (gone.length > 0) {
      await c.query('DELETE FROM secrets WHERE (simul_id, name) IN (SELECT * FROM unnest($1::text[], $2::text[]))', [
        gone.map((x) => x.simulId),
        gone.map((x) => x.name),
      ]);
    }
  }

  /** Inserts the entries' events (the fence checks each one's epoch) and marks finished simuls. */
  private async insertEvents(c: pg.PoolClient, entries: readonly Omit<AppendEntry, 'seat'>[]): Promise<void> {
    const rows = entries.flatMap(({ simulId, events, epoch }) =>
      events.map((e) => {
        const { seq, at, type, ...body } = e;
        return { simulId, seq, at, type, body: JSON.stringify(body), epoch: epoch ?? 0 };
      }),
    );
    if (rows.length === 0) return;
    try {
      await c.query(
        `INSERT INTO events (simul_id, seq, at, type, body, epoch)
         SELECT * FROM unnest($1::text[], $2::int[], $3::bigint[], $4::text[], $5::text[], $6::bigint[])`,
        [rows.map((r) => r.simulId), rows.map((r) => r.seq), rows.map((r) => r.at), rows.map((r) => r.type), rows.map((r) => r.body), rows.map((r) => r.epoch)],
      );
    } catch (err) {
      const { code, detail } = err as { code?: string; detail?: string };
      if (code === 'SE409' && detail) throw new StaleEpochError(detail, entries.find((e) => e.simulId === detail)?.epoch);
      if (code === 'SE404' && detail) throw new Error(`unknown simul ${detail}`);
      if (code === '23505') throw new Error(`event seq already in the log: ${(err as Error).message}`);
      throw err;
    }
    const finished = new Map<string, number>();
    for (const r of rows) if (r.type === 'simul-finished' && !finished.has(r.simulId)) finished.set(r.simulId, r.at);
    if (finished.size > 0) {
      await c.query(
        `UPDATE simuls s SET finished_at = f.at FROM unnest($1::text[], $2::bigint[]) AS f (simul_id, at)
         WHERE s.simul_id = f.simul_id AND s.finished_at IS NULL`,
        [[...finished.keys()], [...finished.values()]],
      );
    }
  }

  async load(simulId: string): Promise<LoadedSimul | null> {
    const simul = await this.pool.query<{ host_key_hash: string }>('SELECT host_key_hash FROM simuls WHERE simul_id = $1', [simulId]);
    if (simul.rowCount === 0) return null;
    const [events, seats, secrets] = await Promise.all([
      this.pool.query<EventRow>('SELECT seq, at, type, body FROM events WHERE simul_id = $1 ORDER BY seq', [simulId]),
      this.pool.query<{ board: number; token_hash: string }>('SELECT board, token_hash FROM seats WHERE simul_id = $1', [simulId]),
      this.pool.query<{ name: string; value: string }>('SELECT name, value FROM secrets WHERE simul_id = $1', [simulId]),
    ]);
    return {
      events: events.rows.map((r) => ({ seq: r.seq, at: r.at, type: r.type, ...JSON.parse(r.body) }) as SimulEvent),
      credentials: {
        hostKeyHash: simul.rows[0].host_key_hash,
        seatTokenHashes: new Map(seats.rows.map((r) => [r.board, r.token_hash] as const)),
        secrets: new Map(secrets.rows.map((r) => [r.name, r.value] as const)),
      },
    };
  }

  async unfinishedSimulIds(): Promise<string[]> {
    const r = await this.pool.query<{ simul_id: string }>('SELECT simul_id FROM simuls WHERE finished_at IS NULL ORDER BY created_at, n');
    return r.rows.map((row) => row.simul_id);
  }

  async simulWithCode(joinCode: string): Promise<string | null> {
    const r = await this.pool.query<{ simul_id: string }>(
      'SELECT simul_id FROM simuls WHERE join_code = $1 AND finished_at IS NULL LIMIT 1',
      [joinCode],
    );
    return r.rows[0]?.simul_id ?? null;
  }

  async pruneFinished(olderThanMs: number, now: number): Promise<number> {
    const r = await this.pool.query('DELETE FROM simuls WHERE finished_at IS NOT NULL AND finished_at < $1', [now - olderThanMs]);
    return r.rowCount ?? 0;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

interface LeaseOptions {
  /** This node's name; by default the host name, the process id and a random part. */
  node?: string;
  /** How long a lease lasts without renewal (default 3 s): how long a dead node's simuls wait. */
  ttlMs?: number;
}

/** Leases on simuls, kept in the simuls table on the database's clock. */
export class PostgresLeases implements SimulLeases {
  readonly node: string;
  readonly ttlMs: number;
  readonly renewMs: number;

  constructor(
    private pool: pg.Pool,
    options: LeaseOptions = {},
  ) {
    this.node = options.node ?? `${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
    this.ttlMs = options.ttlMs ?? 3000;
    this.renewMs = Math.max(1, Math.floor(this.ttlMs / 3));
  }

  /**
   * Takes the lease when it is free, expired or ours. Refused, it leaves word that this node
   * wants the simul: the holder gives it back at its next renewal (HAProxy now routes the
   * simul's sockets here: a node was added, or the holder's sockets came by another way).
   */
  async claim(simulId: string): Promise<number | 'held' | 'unknown'> {
    const claimed = await this.pool.query<{ epoch: number }>(
      `UPDATE simuls SET owner = $2, epoch = epoch + 1, lease_until = now() + $3 * interval '1 millisecond', wanted_by = NULL
       WHERE simul_id = $1 AND (owner IS NULL OR owner = $2 OR lease_until < now())
       RETURNING epoch`,
      [simulId, this.node, this.ttlMs],
    );
    if (claimed.rowCount) return claimed.rows[0].epoch;
    const wanted = await this.pool.query('UPDATE simuls SET wanted_by = $2 WHERE simul_id = $1 RETURNING 1', [simulId, this.node]);
    return wanted.rowCount ? 'held' : 'unknown';
  }

  /** Renews this node's leases but those another node asked for, which lapse (the hub gives them back). */
  async renew(): Promise<Set<string>> {
    const r = await this.pool.query<{ simul_id: string }>(
      `UPDATE simuls SET lease_until = now() + $2 * interval '1 millisecond'
       WHERE owner = $1 AND (wanted_by IS NULL OR wanted_by = $1) RETURNING simul_id`,
      [this.node, this.ttlMs],
    );
    return new Set(r.rows.map((row) => row.simul_id));
  }

  async release(simulId: string, epoch: number): Promise<void> {
    await this.pool.query('UPDATE simuls SET owner = NULL, lease_until = NULL WHERE simul_id = $1 AND owner = $2 AND epoch = $3', [
      simulId,
      this.node,
      epoch,
    ]);
  }

  async releaseAll(): Promise<void> {
    await this.pool.query('UPDATE simuls SET owner = NULL, lease_until = NULL WHERE owner = $1', [this.node]);
  }
}
