// A full disk: every write refused as `storage-full` (a move, a join, a new simul), nothing
// acknowledged lost, and once space is freed the same server plays on, without a restart.
// SQLite on a real 2 MB filesystem (a tmpfs, where this machine lets the test mount one), and
// the store's failure injected at the same place with Postgres's disk_full code (53100).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SimulEvent } from '../../lib/simul/types';
import { outcomeOf, type Clients } from '../testing/simul-fixture';
import { startTestServer, type TestClient } from '../testing/test-client';
import { Clients as ClientSet } from '../testing/simul-fixture';
import pg from 'pg';
import { servicesSkipReason, startPostgres } from '../testing/services';
import { MemoryEventStore } from './memory-store';
import { PostgresEventStore } from './postgres-store';
import { SqliteEventStore } from './sqlite-store';
import type { AppendEntry, EventStore, SecretChange } from './event-store';

const CREATE = { title: 'Period 3', boards: 2, hostColor: 'white', mode: 'async' };
/** A quiet opening, the same on both sides (no capture, no check): from, to, and its SAN. */
const HOST_MOVES = ['e2e4', 'g1f3', 'f1c4', 'd2d3', 'b1c3', 'c1e3', 'd1d2', 'h2h3', 'a2a3', 'g2g3'];
const STUDENT_MOVES = HOST_MOVES.map((m) => m.replace(/[12]/g, (rank) => (rank === '1' ? '8' : '7')).replace(/[34]/g, (rank) => (rank === '3' ? '6' : '5')));
const SAN: Record<string, string> = { e4: 'e4', f3: 'Nf3', c4: 'Bc4', d3: 'd3', c3: 'Nc3', e3: 'Be3', d2: 'Qd2', h3: 'h3', a3: 'a3', g3: 'g3' };
const sanOf = (move: string) => {
  const white = move.replace(/[5678]/g, (rank) => String(9 - Number(rank)));
  const san = SAN[white.slice(2)];
  return move === white ? san : san.replace(/\d/, (rank) => String(9 - Number(rank)));
};

/** A simul on the server: its host, a student at board 1, started. */
async function classOf(clients: Clients) {
  const host = await clients.connect();
  const created = (await host.send('simul:create', CREATE)) as unknown as { ok: true; simulId: string; hostKey: string };
  expect(created.ok).toBe(true);
  await host.send('simul:hello', { v: 2, simulId: created.simulId, lastSeq: 0, hostKey: created.hostKey });
  const student = await clients.connect();
  await student.send('simul:hello', { v: 2, simulId: created.simulId, lastSeq: 0 });
  const seat = (await student.send('simul:join', { name: 'Ada', board: 1 })) as unknown as { ok: true; seatToken: string };
  expect(seat.ok).toBe(true);
  expect(outcomeOf(await host.send('simul:command', { type: 'start' }))).toBe('ok');
  return { host, student, simulId: created.simulId, hostKey: created.hostKey, seatToken: seat.seatToken };
}

type Class = Awaited<ReturnType<typeof classOf>>;

/** Plays the next move pair of board 1 (host, then student); each acknowledged one is recorded. */
async function movePair(c: Class, ply: number, acked: string[]): Promise<string> {
  const sides: [TestClient, string][] = [
    [c.host, HOST_MOVES[ply / 2]],
    [c.student, STUDENT_MOVES[ply / 2]],
  ];
  for (const [client, move] of sides) {
    const reply = await client.send('simul:command', { type: 'move', board: 1, from: move.slice(0, 2), to: move.slice(2), clientMoveId: `m-${move}` });
    if (!reply.ok) return reply.error.code;
    acked.push(sanOf(move));
  }
  return 'ok';
}

/** New connections for the class, said hello again: the room was dropped when its write failed. */
async function reconnect(clients: Clients, c: Class): Promise<Class> {
  const host = await clients.connect();
  const student = await clients.connect();
  expect(outcomeOf(await host.send('simul:hello', { v: 2, simulId: c.simulId, lastSeq: 0, hostKey: c.hostKey }))).toBe('ok');
  expect(outcomeOf(await student.send('simul:hello', { v: 2, simulId: c.simulId, lastSeq: 0, seatToken: c.seatToken }))).toBe('ok');
  return { ...c, host, student };
}

/** The budgets' time moves a second at each look: hundreds of writes from one connection are no flood here. */
function budgetClock(): () => number {
  let t = 0;
  return () => (t += 1_000);
}

const movesIn = (events: SimulEvent[]) => events.flatMap((e) => (e.type === 'move-made' && e.board === 1 ? [e.san] : []));

describe('a full disk', () => {
  it('SQLite on a 2 MB filesystem: refused as storage-full, nothing acknowledged lost, plays on once space is freed', async (ctx) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simul-full-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir], { stdio: 'ignore' });
    } catch {
      fs.rmSync(dir, { recursive: true, force: true });
      return ctx.skip('no small filesystem can be mounted here (not root): the injected failure below stands in');
    }
    const store = new SqliteEventStore(path.join(dir, 'simul.db'));
    try {
      await fillFreeAndPlayOn(store, dir);
      const wal = fs.statSync(path.join(dir, 'simul.db-wal')).size;
      expect(wal).toBeLessThan(1024 * 1024);
    } finally {
      await store.close().catch(() => {});
      execFileSync('umount', [dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('Postgres with its tables on a 4 MB filesystem: disk_full (53100) refused as storage-full, and it plays on once space is freed', async (ctx) => {
    const skip = servicesSkipReason();
    if (skip || process.getuid?.() !== 0) return ctx.skip(skip ?? 'mounting a small filesystem needs root: the injected failure below stands in');
    const postgres = await startPostgres();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simul-pg-full-'));
    const [uid, gid] = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'))!.split(':').slice(2, 4);
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=4m,uid=${uid},gid=${gid},mode=0700`, 'tmpfs', dir], { stdio: 'ignore' });
    const admin = new pg.Client({ connectionString: postgres.url });
    let store: PostgresEventStore | null = null;
    try {
      await admin.connect();
      await admin.query(`CREATE TABLESPACE small LOCATION '${dir}'`);
      await admin.query('ALTER DATABASE postgres SET default_tablespace = small');
      store = await PostgresEventStore.open(postgres.url);
      await fillFreeAndPlayOn(store, dir);
    } finally {
      await store?.close().catch(() => {});
      await admin.end().catch(() => {});
      await postgres.stop();
      execFileSync('umount', [dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("Postgres's disk_full (53100), injected where the store writes: the same refusal, and the same recovery", async () => {
    const store = new FullDiskStore();
    const server = await startTestServer({ store, budgetClock: budgetClock() });
    const clients = new ClientSet(server.url);
    try {
      let c = await classOf(clients);
      const acked: string[] = [];
      expect(await movePair(c, 0, acked)).toBe('ok');
      const before = (await store.load(c.simulId))!.events.length;

      store.full = true;
      expect(outcomeOf(await c.host.send('simul:create', CREATE))).toBe('storage-full');
      expect(await movePair(c, 2, acked)).toBe('storage-full');
      c = await reconnect(clients, c);
      const watcher = await clients.connect();
      await watcher.send('simul:hello', { v: 2, simulId: c.simulId, lastSeq: 0 });
      expect(outcomeOf(await watcher.send('simul:join', { name: 'Bo', board: 2 }))).toBe('storage-full');
      // Refused and nothing changed: the log is as it was.
      expect((await store.load(c.simulId))!.events.length).toBe(before);

      store.full = false;
      c = await reconnect(clients, c);
      for (let ply = acked.length; ply < 8; ply += 2) expect(await movePair(c, ply, acked)).toBe('ok');
      expect(outcomeOf(await c.host.send('simul:create', CREATE))).toBe('ok');
      expect(movesIn((await store.load(c.simulId))!.events)).toEqual(acked);
    } finally {
      clients.closeAll();
      await server.close();
    }
  });
});


/**
 * On a store whose files are on the small filesystem at `dir`: a class plays, something else
 * fills the disk, every write is refused as storage-full, space is freed, the same server plays
 * on and writes more than the disk held; every acknowledged move and simul is in the store.
 */
async function fillFreeAndPlayOn(store: EventStore, dir: string): Promise<void> {
  const server = await startTestServer({ store, budgetClock: budgetClock() });
  const clients = new ClientSet(server.url);
  try {
    let c = await classOf(clients);
    const acked: string[] = [];
    expect(await movePair(c, 0, acked)).toBe('ok');

    // Something else fills the disk.
    const filler = path.join(dir, 'filler');
    const fd = fs.openSync(filler, 'w');
    try {
      for (;;) fs.writeSync(fd, Buffer.alloc(16 * 1024));
    } catch (err) {
      expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      fs.closeSync(fd);
    }
    // New simuls until the disk refuses one (the log's own space goes first): storage-full, never internal.
    const creator = await clients.connect();
    const created: string[] = [];
    let refusal = 'ok';
    for (let i = 0; i < 5_000 && refusal === 'ok'; i++) {
      const reply = await creator.send('simul:create', CREATE);
      refusal = outcomeOf(reply);
      if (reply.ok) created.push(reply.simulId as string);
    }
    expect(refusal).toBe('storage-full');
    // A move on the full disk: refused the same way, and not played.
    c = await reconnect(clients, c);
    expect(await movePair(c, 2, acked)).toBe('storage-full');

    // Space is freed: the same server, no restart, plays on, and creates simuls (more writes
    // than the disk holds of write-ahead log: it must not fill it again).
    fs.rmSync(filler);
    c = await reconnect(clients, c);
    const playedBefore = acked.length;
    for (let ply = playedBefore; ply < 2 * HOST_MOVES.length; ply += 2) expect(await movePair(c, ply, acked)).toBe('ok');
    for (let i = 0; i < 400; i++) {
      const reply = await creator.send('simul:create', CREATE);
      expect(outcomeOf(reply)).toBe('ok');
      if (reply.ok) created.push(reply.simulId as string);
    }
    // Nothing acknowledged is lost: every acknowledged move and simul is in the store, in order.
    expect(movesIn((await store.load(c.simulId))!.events)).toEqual(acked);
    for (const id of created) expect(await store.load(id)).not.toBeNull();
  } finally {
    clients.closeAll();
    await server.close();
  }
}

/** A store whose writes fail as Postgres's do when its disk is full, while `full`. */
class FullDiskStore extends MemoryEventStore implements EventStore {
  full = false;

  private refuse(): void {
    if (this.full) throw Object.assign(new Error('could not extend file "base/16384/16397": No space left on device'), { code: '53100' });
  }

  override async createSimul(simulId: string, hostKeyHash: string, created: SimulEvent, secrets?: readonly SecretChange[]): Promise<void> {
    this.refuse();
    return super.createSimul(simulId, hostKeyHash, created, secrets);
  }

  override async appendMany(entries: readonly AppendEntry[]): Promise<void> {
    this.refuse();
    return super.appendMany(entries);
  }
}
