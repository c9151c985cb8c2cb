// The database's thread: a worker_threads Worker that owns the SQLite connection, started by
// sqlite-store.ts. It runs the store's calls one at a time, in the order they were sent, and
// answers each only after it has returned: for a write, after its transaction has committed
// (and, with synchronous=FULL, been fsynced). So the room's thread never waits on the disk.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, SqliteDatabase, type SqliteStoreOptions } from './sqlite-database';

/** What the store sends: one call of a SqliteDatabase method. */
export interface DatabaseCall {
  id: number;
  method: DatabaseMethod;
  args: unknown[];
}

/** What the worker answers: the call's result, or why it failed; first of all, that it is ready. */
export type DatabaseReply =
  | { ready: true }
  | { id: number; value: unknown }
  | { id: number; error: { name: string; message: string; code?: string } };

const METHODS = ['createSimul', 'append', 'appendMany', 'load', 'unfinishedSimulIds', 'simulWithCode', 'pruneFinished', 'close'] as const;

export type DatabaseMethod = (typeof METHODS)[number];

export interface WorkerStart {
  file: string;
  options: SqliteStoreOptions;
}

if (parentPort) {
  const port = parentPort;
  const { file, options } = workerData as WorkerStart;
  // The store's constructor has already checked this file (schema, quick_check) and migrated it.
  const database = new SqliteDatabase(openDatabase(file, options, { checked: true }).db);
  port.postMessage({ ready: true } satisfies DatabaseReply);
  port.on('message', ({ id, method, args }: DatabaseCall) => {
    let reply: DatabaseReply;
    try {
      if (!METHODS.includes(method)) throw new Error(`no database method ${method}`);
      const value = (database[method] as (...a: unknown[]) => unknown)(...args);
      reply = { id, value };
    } catch (err) {
      const { name, message, code } = err as Error & { code?: string };
      reply = { id, error: { name, message, code } };
    }
    port.postMessage(reply);
  });
}
