// The durable event store: one SQLite file (WAL), owned by a worker thread (sqlite-worker.ts)
// so that no transaction, and no fsync, runs on the room's thread. Every call is sent to the
// worker and answered in the order sent; append and appendMany resolve only once their
// transaction has committed (with synchronous=FULL, fsynced to disk).
//
// The constructor opens and checks the file on this thread first, so a damaged or foreign
// file is still refused by the constructor with a clear error, before the server starts. It
// keeps that connection open until the worker has opened its own: the last connection to
// close checkpoints the -wal into the main file, and a start must not do that.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SimulEvent } from '../../lib/simul/types';
import type { AppendEntry, EventStore, LoadedSimul, SeatCredentialChange, SecretChange } from './event-store';
import { eventRow, openDatabase, type RowsEntry, type SqliteStoreOptions, type StartupCheck } from './sqlite-database';
import type { DatabaseCall, DatabaseMethod, DatabaseReply, WorkerStart } from './sqlite-worker';

export type { SqliteStoreOptions, StartupCheck } from './sqlite-database';

type Waiting = { resolve: (value: unknown) => void; reject: (err: Error) => void };

export class SqliteEventStore implements EventStore {
  readonly startupCheck: StartupCheck;
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  /** Set once the worker can take no more calls (closed, or it died): why. */
  private stopped: Error | null = null;
  /** Closes this thread's connection, which checked the file (once the worker has its own). */
  private readonly closeChecker: () => void;

  /**
   * `file` is a path or ':memory:'. A path that does not exist is created with the schema
   * (parent directories too). An existing file must hold the schema and pass quick_check,
   * or the constructor throws and leaves the file as it was.
   */
  constructor(file: string, options: SqliteStoreOptions = {}) {
    const { db, startupCheck } = openDatabase(file, options);
    this.startupCheck = startupCheck;
    this.closeChecker = () => db.open && db.close();
    const start: WorkerStart = { file, options };
    this.worker = startWorker(start);
    // Idle, the worker does not keep the process alive; a call in flight does (see call()).
    this.worker.unref();
    this.worker.on('message', (reply: DatabaseReply) => this.answer(reply));
    // Not closed by close(): every call from now on fails with this reason, said once here.
    const lost = (why: string) => {
      if (this.stopped) return;
      console.error(why);
      this.stop(new Error(why));
    };
    this.worker.on('error', (err) => lost(`the database worker for ${file} failed: ${messageOf(err)}`));
    this.worker.on('exit', (code) => lost(`the database worker for ${file} exited (code ${code})`));
  }

  async createSimul(simulId: string, hostKeyHash: string, created: SimulEvent, secrets: readonly SecretChange[] = []): Promise<void> {
    return this.call('createSimul', [simulId, hostKeyHash, eventRow(created), secrets]);
  }

  async append(simulId: string, events: readonly SimulEvent[], seat?: SeatCredentialChange): Promise<void> {
    return this.call('append', [simulId, events.map(eventRow), seat]);
  }

  async appendMany(entries: readonly AppendEntry[]): Promise<void> {
    const rows: RowsEntry[] = entries.map(({ simulId, events, seat, secrets }) => ({ simulId, rows: events.map(eventRow), seat, secrets }));
    return this.call('appendMany', [rows]);
  }

  load(simulId: string): Promise<LoadedSimul | null> {
    return this.call('load', [simulId]);
  }

  unfinishedSimulIds(): Promise<string[]> {
    return this.call('unfinishedSimulIds', []);
  }

  simulWithCode(joinCode: string): Promise<string | null> {
    return this.call('simulWithCode', [joinCode]);
  }

  pruneFinished(olderThanMs: number, now: number): Promise<number> {
    return this.call('pruneFinished', [olderThanMs, now]);
  }

  /** Waits for the calls already sent, closes the database, and ends the worker. */
  async close(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.call('close', []);
    } catch (err) {
      // A worker that died has no database open any more: closed all the same.
      if (err !== this.stopped) throw err;
    }
    this.stop(new Error(`the database ${this.startupCheck.file} is closed`));
    await this.worker.terminate();
  }

  private call<T>(method: DatabaseMethod, args: unknown[]): Promise<T> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    if (this.waiting.size === 0) this.worker.ref();
    const message: DatabaseCall = { id, method, args };
    this.worker.postMessage(message);
    return new Promise<T>((resolve, reject) => this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject }));
  }

  private answer(reply: DatabaseReply): void {
    if ('ready' in reply) return this.closeChecker();
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) this.worker.unref();
    if ('error' in reply) waiting.reject(Object.assign(new Error(reply.error.message), reply.error));
    else waiting.resolve(reply.value);
  }

  /** No more calls: those still waiting fail with `why`. */
  private stop(why: Error): void {
    if (this.stopped) return;
    this.stopped = why;
    this.closeChecker();
    for (const w of this.waiting.values()) w.reject(why);
    this.waiting.clear();
    this.worker.unref();
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * The worker is TypeScript, like the rest of the server. Node's worker does not inherit tsx's
 * ESM hooks (Node 20), so it starts from a line of CommonJS that registers tsx's require hook,
 * the same in `tsx server/index.ts`, `node --import tsx` (the bench) and Vitest.
 */
function startWorker(workerData: WorkerStart): Worker {
  const entry = path.join(__dirname, 'sqlite-worker.ts');
  const code = `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(entry)});`;
  return new Worker(code, { eval: true, workerData });
}
